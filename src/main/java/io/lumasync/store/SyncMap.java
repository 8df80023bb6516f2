package io.lumasync.store;

import io.lumasync.core.Fingerprint;
import io.lumasync.core.RemoteRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which source asset went where. */
public final class SyncMap {
    private static final String COLUMNS = "source, asset_id, destination, asset_name, size, mtime, content_hash, "
            + "settings_hash, metadata_hash, remote_id, remote_url, format, bytes_in, bytes_out, synced_at";
    private final Database db;

    public SyncMap(Database db) {
        this.db = db;
    }

    public Optional<SyncMapEntry> get(String source, String assetId, String destination) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM sync_map WHERE source = ? AND asset_id = ? AND destination = ?")) {
                p.setString(1, source);
                p.setString(2, assetId);
                p.setString(3, destination);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * What the planner needs of a row to decide "unchanged": read for every asset each run, so it carries no long
     * text (content hashes and URLs are fetched with {@link #get} for the few rows that changed).
     *
     * @param contentHash the stored hash, or "" when not loaded ({@code withHashes} false)
     */
    public record PlanRow(String assetId, long size, long modifiedMs, String contentHash, String settingsHash,
                          String metadataHash) {
        public Fingerprint fingerprint() {
            return new Fingerprint(size, modifiedMs, contentHash);
        }
    }

    /** The planning view of one source at one destination, by asset id. */
    public Map<String, PlanRow> planRows(String source, String destination, boolean withHashes) throws StoreException {
        return db.query(c -> {
            Map<String, PlanRow> out = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT asset_id, size, mtime, settings_hash, metadata_hash"
                    + (withHashes ? ", content_hash" : "") + " FROM sync_map WHERE source = ? AND destination = ?")) {
                p.setString(1, source);
                p.setString(2, destination);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        out.put(id, new PlanRow(id, rs.getLong(2), rs.getLong(3), withHashes ? rs.getString(6) : "",
                                rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /** Every row of one source for one destination, by asset id. */
    public Map<String, SyncMapEntry> forSource(String source, String destination) throws StoreException {
        return db.query(c -> {
            Map<String, SyncMapEntry> out = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM sync_map WHERE source = ? AND destination = ?")) {
                p.setString(1, source);
                p.setString(2, destination);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        SyncMapEntry e = row(rs);
                        out.put(e.assetId(), e);
                    }
                }
            }
            return out;
        });
    }

    /** Every row of one source, by destination and then asset id: where each of its assets went. */
    public Map<String, Map<String, SyncMapEntry>> forSource(String source) throws StoreException {
        return db.query(c -> {
            Map<String, Map<String, SyncMapEntry>> out = new java.util.TreeMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM sync_map WHERE source = ?")) {
                p.setString(1, source);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        SyncMapEntry e = row(rs);
                        out.computeIfAbsent(e.destination(), k -> new HashMap<>()).put(e.assetId(), e);
                    }
                }
            }
            return out;
        });
    }

    public List<SyncMapEntry> list(Optional<String> destination) throws StoreException {
        return db.query(c -> {
            String sql = "SELECT " + COLUMNS + " FROM sync_map"
                    + (destination.isPresent() ? " WHERE destination = ?" : "") + " ORDER BY source, asset_id, destination";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                if (destination.isPresent()) {
                    p.setString(1, destination.get());
                }
                List<SyncMapEntry> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    /** How much the map holds: published assets, and the bytes of their originals and of what was sent. */
    public record Totals(long assets, long bytesIn, long bytesOut) {
    }

    public Totals totals() throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(bytes_in), 0),"
                    + " COALESCE(SUM(bytes_out), 0) FROM sync_map");
                 ResultSet rs = p.executeQuery()) {
                return rs.next() ? new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3)) : new Totals(0, 0, 0);
            }
        });
    }

    public long count(String destination) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM sync_map WHERE destination = ?")) {
                p.setString(1, destination);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** Inserts or replaces a row, inside the caller's transaction. */
    public static void upsert(Connection c, SyncMapEntry e) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO sync_map (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, e.source());
            p.setString(2, e.assetId());
            p.setString(3, e.destination());
            p.setString(4, e.assetName());
            p.setLong(5, e.fingerprint().size());
            p.setLong(6, e.fingerprint().modifiedMs());
            p.setString(7, e.fingerprint().contentHash());
            p.setString(8, e.settingsHash());
            p.setString(9, e.metadataHash());
            p.setString(10, e.remote().id());
            p.setString(11, e.remote().url());
            p.setString(12, e.format());
            p.setLong(13, e.bytesIn());
            p.setLong(14, e.bytesOut());
            p.setLong(15, e.syncedAt().toEpochMilli());
            p.executeUpdate();
        }
    }

    public void upsert(SyncMapEntry e) throws StoreException {
        db.inTransaction(c -> {
            upsert(c, e);
            return null;
        });
    }

    /** A source file was renamed or moved: its rows follow it (same content, same source, same asset). */
    public void rename(String source, String oldAssetId, String newAssetId, String newName, Fingerprint fp)
            throws StoreException {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE sync_map SET asset_id = ?, asset_name = ?, "
                    + "size = ?, mtime = ? WHERE source = ? AND asset_id = ?")) {
                p.setString(1, newAssetId);
                p.setString(2, newName);
                p.setLong(3, fp.size());
                p.setLong(4, fp.modifiedMs());
                p.setString(5, source);
                p.setString(6, oldAssetId);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Records a new mtime for content that was touched but did not change (so it is not hashed again). */
    public void touch(String source, String assetId, String destination, long mtime) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE sync_map SET mtime = ? WHERE source = ? AND asset_id = ? AND destination = ?")) {
                p.setLong(1, mtime);
                p.setString(2, source);
                p.setString(3, assetId);
                p.setString(4, destination);
                return p.executeUpdate();
            }
        });
    }

    /** Records the metadata (alt text, captions) now at the destination, inside the caller's transaction. */
    public static void setMetadataHash(Connection c, String source, String assetId, String destination, String hash)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE sync_map SET metadata_hash = ? WHERE source = ? AND asset_id = ? AND destination = ?")) {
            p.setString(1, hash);
            p.setString(2, source);
            p.setString(3, assetId);
            p.setString(4, destination);
            p.executeUpdate();
        }
    }

    public static void delete(Connection c, String source, String assetId, String destination) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "DELETE FROM sync_map WHERE source = ? AND asset_id = ? AND destination = ?")) {
            p.setString(1, source);
            p.setString(2, assetId);
            p.setString(3, destination);
            p.executeUpdate();
        }
    }

    /**
     * Points the rows published as {@code old} at {@code now}: Optimize (or its rollback) gave the asset a new id
     * or address, and the next sync must replace that one, not the one that is gone.
     */
    public static int repoint(Connection c, String destination, RemoteRef old, RemoteRef now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE sync_map SET remote_id = ?, remote_url = ? WHERE destination = ? AND remote_id = ?")) {
            p.setString(1, now.id());
            p.setString(2, now.url());
            p.setString(3, destination);
            p.setString(4, old.id());
            return p.executeUpdate();
        }
    }

    private static SyncMapEntry row(ResultSet rs) throws SQLException {
        return new SyncMapEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                new Fingerprint(rs.getLong(5), rs.getLong(6), rs.getString(7)), rs.getString(8), rs.getString(9),
                new RemoteRef(rs.getString(10), rs.getString(11)), rs.getString(12), rs.getLong(13), rs.getLong(14),
                Instant.ofEpochMilli(rs.getLong(15)));
    }
}
