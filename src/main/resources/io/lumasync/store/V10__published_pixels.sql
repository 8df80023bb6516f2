-- The pixel size and bytes of each file as published (by destination and remote id), so Suggestions can tell an
-- image far larger than its destination needs without downloading it. Written when a sync publishes a file;
-- forgotten when Optimize replaces it.
CREATE TABLE published_pixels (
    destination TEXT NOT NULL,
    remote_id   TEXT NOT NULL,
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    bytes       INTEGER NOT NULL,
    PRIMARY KEY (destination, remote_id)
);
