-- Configured destinations and sources. Settings are JSON of the non-secret fields; secrets live in the vault.
CREATE TABLE destinations (
    name          TEXT PRIMARY KEY,
    type          TEXT NOT NULL,
    settings      TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    last_ok_at    INTEGER,
    last_error    TEXT
);

CREATE TABLE sources (
    name              TEXT PRIMARY KEY,
    type              TEXT NOT NULL,
    settings          TEXT NOT NULL,
    destinations      TEXT NOT NULL,        -- JSON array of destination names
    encode            TEXT NOT NULL,        -- JSON of EncodeSettings
    watch             INTEGER NOT NULL DEFAULT 0,
    interval_s        INTEGER,              -- autosync interval, NULL = manual
    propagate_deletes INTEGER NOT NULL DEFAULT 0,
    delete_share      REAL NOT NULL DEFAULT 0.25,
    cursor            TEXT,                 -- provider change cursor (Dropbox cursor, Drive page token)
    created_at        INTEGER NOT NULL,
    last_run_at       INTEGER,
    last_error        TEXT
);

-- One row per (source asset, destination): what was published where, from which version, with which settings.
CREATE TABLE sync_map (
    source        TEXT NOT NULL,
    asset_id      TEXT NOT NULL,
    destination   TEXT NOT NULL,
    asset_name    TEXT NOT NULL,
    size          INTEGER NOT NULL,
    mtime         INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    settings_hash TEXT NOT NULL,
    metadata_hash TEXT NOT NULL,
    remote_id     TEXT NOT NULL,
    remote_url    TEXT NOT NULL,
    format        TEXT NOT NULL,
    bytes_in      INTEGER NOT NULL,
    bytes_out     INTEGER NOT NULL,
    synced_at     INTEGER NOT NULL,
    PRIMARY KEY (source, asset_id, destination)
);
CREATE INDEX sync_map_by_hash ON sync_map (source, content_hash);
CREATE INDEX sync_map_by_destination ON sync_map (destination);

-- The job journal: the plan is written before any work starts; each job moves
-- planned -> encoding -> uploading -> done | failed | skipped.
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,          -- push | sync
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    state       TEXT NOT NULL           -- running | finished
);

CREATE TABLE jobs (
    id            INTEGER PRIMARY KEY,
    run_id        INTEGER NOT NULL REFERENCES runs (id),
    source        TEXT NOT NULL,
    asset_id      TEXT NOT NULL,
    asset_name    TEXT NOT NULL,
    folder        TEXT NOT NULL,
    local_path    TEXT,                 -- for pushed files and local sources
    destination   TEXT NOT NULL,
    action        TEXT NOT NULL,        -- create | replace | metadata | delete
    state         TEXT NOT NULL,
    sync_id       TEXT NOT NULL,
    size          INTEGER NOT NULL,
    mtime         INTEGER NOT NULL,
    content_hash  TEXT NOT NULL,
    encode        TEXT NOT NULL,        -- JSON of EncodeSettings
    metadata      TEXT NOT NULL,        -- JSON of AssetMetadata
    remote_id     TEXT,                 -- the existing asset for replace/metadata/delete
    remote_url    TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_retry_at INTEGER,
    reason        TEXT,
    result_url    TEXT,
    bytes_in      INTEGER NOT NULL DEFAULT 0,
    bytes_out     INTEGER NOT NULL DEFAULT 0,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX jobs_by_state ON jobs (state);
CREATE INDEX jobs_by_run ON jobs (run_id);

CREATE TABLE activity (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    kind        TEXT NOT NULL,          -- synced | replaced | skipped | failed | retried | deleted | info
    source      TEXT NOT NULL,
    asset       TEXT NOT NULL,
    destination TEXT NOT NULL,
    message     TEXT NOT NULL,
    url         TEXT NOT NULL,
    bytes_in    INTEGER NOT NULL DEFAULT 0,
    bytes_out   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX activity_by_time ON activity (at);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
