-- Alt text: what the user set by hand per item, what a vision model wrote per image content (so a re-sync costs
-- nothing), what each published asset was given, and what AI calls cost per month (the budget stop).
CREATE TABLE IF NOT EXISTS alt_overrides (
    source     TEXT NOT NULL,
    asset_id   TEXT NOT NULL,
    alt_text   TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (source, asset_id)
);

CREATE TABLE IF NOT EXISTS alt_ai_cache (
    content_hash TEXT NOT NULL,
    model        TEXT NOT NULL,
    language     TEXT NOT NULL,
    alt_text     TEXT NOT NULL,
    cost_usd     REAL NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (content_hash, model, language)
);

CREATE TABLE IF NOT EXISTS alt_published (
    source        TEXT NOT NULL,
    asset_id      TEXT NOT NULL,
    destination   TEXT NOT NULL,
    alt_text      TEXT NOT NULL,
    origin        TEXT NOT NULL,          -- off | basic | embedded | ai | manual | given
    metadata_hash TEXT NOT NULL,          -- the sync map's metadata hash this text belongs to
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (source, asset_id, destination)
);

CREATE TABLE IF NOT EXISTS ai_spend (
    month    TEXT NOT NULL PRIMARY KEY,   -- yyyy-MM (UTC)
    cost_usd REAL NOT NULL DEFAULT 0,
    calls    INTEGER NOT NULL DEFAULT 0
);
