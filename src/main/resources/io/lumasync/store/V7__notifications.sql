-- Notification hooks: HTTPS endpoints (or loopback http) that receive signed events. Their signing secrets live in
-- the vault, never here.
CREATE TABLE IF NOT EXISTS hooks (
    name             TEXT PRIMARY KEY,
    url              TEXT NOT NULL,
    events           TEXT NOT NULL,             -- JSON list of event names; empty list = every event
    signing          TEXT NOT NULL,             -- standard-webhooks | hmac-sha256-hex
    signature_header TEXT NOT NULL DEFAULT '',
    enabled          INTEGER NOT NULL DEFAULT 1,
    created_at       INTEGER NOT NULL
);

-- Durable deliveries: one row per (event, hook), written in the same moment the event happens and sent by a
-- background sender. A row being sent is leased to one process; a lease whose process died (or ran out) is taken
-- over by the next sender. state: pending | delivered | failed (gave up after many attempts).
CREATE TABLE IF NOT EXISTS hook_deliveries (
    id            INTEGER PRIMARY KEY,
    hook          TEXT NOT NULL,
    event_id      TEXT NOT NULL,                -- the message id the receiver may use to drop repeats
    event         TEXT NOT NULL,
    payload       TEXT NOT NULL,
    state         TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_at       INTEGER NOT NULL,
    lease_owner   TEXT,
    lease_until   INTEGER NOT NULL DEFAULT 0,
    last_status   INTEGER NOT NULL DEFAULT 0,   -- HTTP status of the last attempt, 0 when none came
    last_response TEXT NOT NULL DEFAULT '',     -- the start of the answer, or why no answer came
    created_at    INTEGER NOT NULL,
    delivered_at  INTEGER
);
CREATE INDEX IF NOT EXISTS hook_deliveries_due ON hook_deliveries (state, next_at);
CREATE INDEX IF NOT EXISTS hook_deliveries_by_hook ON hook_deliveries (hook, id)
