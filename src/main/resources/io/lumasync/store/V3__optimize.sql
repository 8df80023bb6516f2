-- Optimize runs: recompressing images already at a destination. Journaled like a sync so a kill at any point
-- resumes without replacing an image twice. Each item moves
-- PLANNED -> BACKED_UP -> REPLACING -> DONE | SKIPPED | FAILED.
CREATE TABLE IF NOT EXISTS optimize_runs (
    id          INTEGER PRIMARY KEY,
    destination TEXT NOT NULL,
    encode      TEXT NOT NULL,          -- JSON of EncodeSettings
    owner       TEXT NOT NULL,          -- "pid@start-millis" of the process running it
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    state       TEXT NOT NULL           -- running | finished
);

CREATE TABLE IF NOT EXISTS optimize_items (
    id            INTEGER PRIMARY KEY,
    run_id        INTEGER NOT NULL REFERENCES optimize_runs (id),
    remote_id     TEXT NOT NULL,
    remote_url    TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    mime_type     TEXT NOT NULL,
    size          INTEGER NOT NULL,
    state         TEXT NOT NULL,
    original_hash TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',      -- the outcome code once finished
    updated_at    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS optimize_items_by_run ON optimize_items (run_id, state)
