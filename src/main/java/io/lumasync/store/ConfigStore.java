package io.lumasync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Configured destinations, sources and app settings. */
public final class ConfigStore {
    private final Database db;

    public ConfigStore(Database db) {
        this.db = db;
    }

    public void addDestination(DestinationRecord d) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO destinations (name, type, settings, created_at) VALUES (?, ?, ?, ?)")) {
                p.setString(1, d.name());
                p.setString(2, d.typeId());
                p.setString(3, Json.write(d.settings()));
                p.setLong(4, d.createdAt().toEpochMilli());
                return p.executeUpdate();
            }
        });
    }

    public void updateDestinationSettings(String name, java.util.Map<String, String> settings) throws StoreException {
        update("UPDATE destinations SET settings = ? WHERE name = ?", Json.write(settings), name);
    }

    public List<DestinationRecord> destinations() throws StoreException {
        return db.query(c -> {
            List<DestinationRecord> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT name, type, settings, created_at, last_ok_at, last_error FROM destinations ORDER BY name");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new DestinationRecord(rs.getString(1), rs.getString(2), Json.readMap(rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), instant(rs, 5), Optional.ofNullable(rs.getString(6))));
                }
            }
            return out;
        });
    }

    public Optional<DestinationRecord> destination(String name) throws StoreException {
        return destinations().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public boolean removeDestination(String name) throws StoreException {
        return update("DELETE FROM destinations WHERE name = ?", name) > 0;
    }

    /** Records the outcome of the last contact with a destination (shown as its status). */
    public void destinationStatus(String name, Optional<String> error) throws StoreException {
        if (error.isPresent()) {
            update("UPDATE destinations SET last_error = ? WHERE name = ?", error.get(), name);
        } else {
            db.query(c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "UPDATE destinations SET last_error = NULL, last_ok_at = ? WHERE name = ?")) {
                    p.setLong(1, System.currentTimeMillis());
                    p.setString(2, name);
                    return p.executeUpdate();
                }
            });
        }
    }

    public void addSource(SourceRecord s) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO sources (name, type, settings, destinations, "
                    + "encode, watch, interval_s, propagate_deletes, delete_share, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, s.name());
                p.setString(2, s.typeId());
                p.setString(3, Json.write(s.settings()));
                p.setString(4, Json.write(s.destinations()));
                p.setString(5, Json.writeEncode(s.encode()));
                p.setInt(6, s.watch() ? 1 : 0);
                if (s.interval().isPresent()) {
                    p.setLong(7, s.interval().get().toSeconds());
                } else {
                    p.setNull(7, Types.INTEGER);
                }
                p.setInt(8, s.propagateDeletes() ? 1 : 0);
                p.setDouble(9, s.deleteShare());
                p.setLong(10, System.currentTimeMillis());
                return p.executeUpdate();
            }
        });
    }

    /** Saves a source's changed settings, destinations, encoding and schedule (its cursor and history stay). */
    public void updateSource(SourceRecord s) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE sources SET settings = ?, destinations = ?, encode = ?,"
                    + " watch = ?, interval_s = ?, propagate_deletes = ?, delete_share = ? WHERE name = ?")) {
                p.setString(1, Json.write(s.settings()));
                p.setString(2, Json.write(s.destinations()));
                p.setString(3, Json.writeEncode(s.encode()));
                p.setInt(4, s.watch() ? 1 : 0);
                if (s.interval().isPresent()) {
                    p.setLong(5, s.interval().get().toSeconds());
                } else {
                    p.setNull(5, Types.INTEGER);
                }
                p.setInt(6, s.propagateDeletes() ? 1 : 0);
                p.setDouble(7, s.deleteShare());
                p.setString(8, s.name());
                return p.executeUpdate();
            }
        });
    }

    public List<SourceRecord> sources() throws StoreException {
        return db.query(c -> {
            List<SourceRecord> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name, type, settings, destinations, encode, watch, "
                    + "interval_s, propagate_deletes, delete_share, cursor, last_run_at, last_error FROM sources ORDER BY name");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long interval = rs.getLong(7);
                    Optional<Duration> iv = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(interval));
                    out.add(new SourceRecord(rs.getString(1), rs.getString(2), Json.readMap(rs.getString(3)),
                            Json.readList(rs.getString(4)), Json.readEncode(rs.getString(5)), rs.getInt(6) != 0, iv,
                            rs.getInt(8) != 0, rs.getDouble(9), Optional.ofNullable(rs.getString(10)), instant(rs, 11),
                            Optional.ofNullable(rs.getString(12))));
                }
            }
            return out;
        });
    }

    public Optional<SourceRecord> source(String name) throws StoreException {
        return sources().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public boolean removeSource(String name) throws StoreException {
        return update("DELETE FROM sources WHERE name = ?", name) > 0;
    }

    public void sourceRan(String name, Optional<String> cursor, Optional<String> error) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE sources SET last_run_at = ?, cursor = COALESCE(?, cursor), last_error = ? WHERE name = ?")) {
                p.setLong(1, System.currentTimeMillis());
                p.setString(2, cursor.orElse(null));
                p.setString(3, error.orElse(null));
                p.setString(4, name);
                return p.executeUpdate();
            }
        });
    }

    public Optional<String> setting(String key) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                p.setString(1, key);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void setSetting(String key, String value) throws StoreException {
        update("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", key, value);
    }

    private int update(String sql, String... args) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    p.setString(i + 1, args[i]);
                }
                return p.executeUpdate();
            }
        });
    }

    private static Optional<Instant> instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
