package io.lumasync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The pixel size and bytes of each published file, by destination and remote id. */
public final class PublishedPixels {
    private final Database db;

    public PublishedPixels(Database db) {
        this.db = db;
    }

    /** One published file's size. */
    public record Pixels(int width, int height, long bytes) {
        public int longEdge() {
            return Math.max(width, height);
        }
    }

    /** Records a file's size inside the caller's transaction (the one that records its publication). */
    public static void record(Connection c, String destination, String remoteId, Pixels px) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO published_pixels (destination, remote_id, width, "
                + "height, bytes) VALUES (?, ?, ?, ?, ?) ON CONFLICT (destination, remote_id) DO UPDATE SET "
                + "width = excluded.width, height = excluded.height, bytes = excluded.bytes")) {
            p.setString(1, destination);
            p.setString(2, remoteId);
            p.setInt(3, px.width());
            p.setInt(4, px.height());
            p.setLong(5, px.bytes());
            p.executeUpdate();
        }
    }

    /** Forgets a file's size (it was replaced by other means, so what was known no longer holds). */
    public void forget(String destination, String remoteId) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM published_pixels WHERE destination = ? AND remote_id = ?")) {
                p.setString(1, destination);
                p.setString(2, remoteId);
                return p.executeUpdate();
            }
        });
    }

    /** Every known size, by destination then remote id. */
    public Map<String, Map<String, Pixels>> all() throws StoreException {
        return db.query(c -> {
            Map<String, Map<String, Pixels>> out = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT destination, remote_id, width, height, bytes FROM published_pixels");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                            new Pixels(rs.getInt(3), rs.getInt(4), rs.getLong(5)));
                }
            }
            return out;
        });
    }
}
