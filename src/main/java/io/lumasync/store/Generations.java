package io.lumasync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The versions of AI-generated assets: what made each one, where its file is, and which one is current. */
public final class Generations {
    private static final String COLUMNS = "asset, version, prompt, model, aspect_ratio, reference, file, bytes, "
            + "cost_usd, destinations, created_at, current";
    private final Database db;

    public Generations(Database db) {
        this.db = db;
    }

    /**
     * One generation.
     *
     * @param file         the version's file, relative to the data folder
     * @param destinations where the asset is published, comma-separated
     */
    public record Generation(String asset, int version, String prompt, String model, String aspectRatio,
                             String reference, String file, long bytes, double costUsd, String destinations,
                             Instant createdAt, boolean current) {
    }

    /** Adds a version and makes it the current one; its number is one more than the asset's last. */
    public Generation add(Generation g) throws StoreException {
        return db.inTransaction(c -> {
            int next;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM generations WHERE asset = ?")) {
                p.setString(1, g.asset());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            clearCurrent(c, g.asset());
            Generation stored = new Generation(g.asset(), next, g.prompt(), g.model(), g.aspectRatio(), g.reference(),
                    g.file(), g.bytes(), g.costUsd(), g.destinations(), g.createdAt(), true);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO generations (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                p.setString(1, stored.asset());
                p.setInt(2, stored.version());
                p.setString(3, stored.prompt());
                p.setString(4, stored.model());
                p.setString(5, stored.aspectRatio());
                p.setString(6, stored.reference());
                p.setString(7, stored.file());
                p.setLong(8, stored.bytes());
                p.setDouble(9, stored.costUsd());
                p.setString(10, stored.destinations());
                p.setLong(11, stored.createdAt().toEpochMilli());
                p.executeUpdate();
            }
            return stored;
        });
    }

    /** The next version number an asset would get (1 for a new asset). */
    public int nextVersion(String asset) throws StoreException {
        return history(asset).stream().mapToInt(Generation::version).max().orElse(0) + 1;
    }

    /** Makes an earlier version current again; false when the asset has no such version. */
    public boolean makeCurrent(String asset, int version) throws StoreException {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT 1 FROM generations WHERE asset = ? AND version = ?")) {
                p.setString(1, asset);
                p.setInt(2, version);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            clearCurrent(c, asset);
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE generations SET current = 1 WHERE asset = ? AND version = ?")) {
                p.setString(1, asset);
                p.setInt(2, version);
                p.executeUpdate();
            }
            return true;
        });
    }

    /** Sets where a version is published (comma-separated destination names); false when there is no such version. */
    public boolean setDestinations(String asset, int version, String destinations) throws StoreException {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE generations SET destinations = ? WHERE asset = ? AND version = ?")) {
                p.setString(1, destinations);
                p.setString(2, asset);
                p.setInt(3, version);
                return p.executeUpdate() > 0;
            }
        });
    }

    /** An asset's versions, oldest first. */
    public List<Generation> history(String asset) throws StoreException {
        return select("WHERE asset = ? ORDER BY version", asset);
    }

    /** The current version of every generated asset, by asset name. */
    public List<Generation> currentVersions() throws StoreException {
        return select("WHERE current = 1 ORDER BY asset");
    }

    public Optional<Generation> current(String asset) throws StoreException {
        return select("WHERE asset = ? AND current = 1", asset).stream().findFirst();
    }

    private List<Generation> select(String where, String... args) throws StoreException {
        return db.query(c -> {
            List<Generation> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM generations " + where)) {
                for (int i = 0; i < args.length; i++) {
                    p.setString(i + 1, args[i]);
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Generation(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getDouble(9),
                                rs.getString(10), Instant.ofEpochMilli(rs.getLong(11)), rs.getInt(12) == 1));
                    }
                }
            }
            return out;
        });
    }

    private static void clearCurrent(java.sql.Connection c, String asset) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE generations SET current = 0 WHERE asset = ?")) {
            p.setString(1, asset);
            p.executeUpdate();
        }
    }
}
