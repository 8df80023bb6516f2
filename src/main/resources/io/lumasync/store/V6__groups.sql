-- Destination groups: one name that publishes to several destinations, with the rules every item sent to them
-- must meet (sizes, formats, sources, approval, default folder). "groups" is an SQL keyword, hence the longer name.
CREATE TABLE IF NOT EXISTS destination_groups (
    name         TEXT PRIMARY KEY,
    destinations TEXT NOT NULL,           -- JSON list of destination names
    rules        TEXT NOT NULL,           -- JSON object of GroupRules
    created_at   INTEGER NOT NULL
);

-- The approval queue: planned work for a group that wants approval, kept until someone approves or rejects it.
-- state: waiting | approved | rejected.
CREATE TABLE IF NOT EXISTS approvals (
    id          INTEGER PRIMARY KEY,
    grp         TEXT NOT NULL,
    source      TEXT NOT NULL,
    asset_id    TEXT NOT NULL,
    asset_name  TEXT NOT NULL,
    destination TEXT NOT NULL,
    action      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    mtime       INTEGER NOT NULL,
    job         TEXT NOT NULL,            -- JSON of the planned job, run as it is on approval
    state       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '', -- the rejection's reason, or the approval run's outcome
    created_at  INTEGER NOT NULL,
    decided_at  INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS approvals_one_waiting ON approvals (source, asset_id, destination) WHERE state = 'waiting';
CREATE INDEX IF NOT EXISTS approvals_by_state ON approvals (state, id)
