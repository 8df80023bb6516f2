package io.lumasync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What happened, for the Activity pane and {@code lumasync activity}. */
public final class ActivityLog {
    private final Database db;

    public ActivityLog(Database db) {
        this.db = db;
    }

    public static void append(Connection c, ActivityEvent e) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO activity (at, kind, source, asset, destination, "
                + "message, url, bytes_in, bytes_out, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, e.time().toEpochMilli());
            p.setString(2, e.kind());
            p.setString(3, e.source());
            p.setString(4, e.asset());
            p.setString(5, e.destination());
            p.setString(6, e.message());
            p.setString(7, e.url());
            p.setLong(8, e.bytesIn());
            p.setLong(9, e.bytesOut());
            p.setString(10, e.origin());
            p.executeUpdate();
        }
    }

    public void append(ActivityEvent e) throws StoreException {
        db.query(c -> {
            append(c, e.origin().isEmpty() ? e.from(db.origin()) : e);
            return null;
        });
    }

    /** Newest first. */
    public List<ActivityEvent> query(Optional<Instant> since, boolean failedOnly, int limit) throws StoreException {
        return db.query(c -> {
            String sql = "SELECT id, at, kind, source, asset, destination, message, url, bytes_in, bytes_out, "
                    + "origin FROM activity"
                    + " WHERE at >= ?" + (failedOnly ? " AND kind = 'failed'" : "") + " ORDER BY id DESC LIMIT ?";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, since.map(Instant::toEpochMilli).orElse(0L));
                p.setInt(2, limit);
                List<ActivityEvent> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ActivityEvent(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getLong(9), rs.getLong(10), rs.getString(11)));
                    }
                }
                return out;
            }
        });
    }
}
