-- A run belongs to the engine that started it (an owner token, see RunOwners); only runs whose owner is gone are
-- resumed by another process. Runs written before owners existed have none and count as abandoned.
ALTER TABLE runs ADD COLUMN owner TEXT;

-- Finding whether a live run already holds an (asset, destination) when another run is journaled.
CREATE INDEX jobs_by_asset ON jobs (source, asset_id, destination);
