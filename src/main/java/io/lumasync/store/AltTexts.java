package io.lumasync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alt text kept by Lumasync: texts set by hand per item (they win over every mode), vision-model answers cached by
 * image content, model and language (a re-sync of the same picture costs nothing), the text each published asset was
 * given, and what AI calls cost per calendar month (UTC) for the budget stop.
 */
public final class AltTexts {
    private final Database db;
    private final Clock clock;

    public AltTexts(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The text an asset was given at one destination, with the mode that produced it. */
    public record Published(String source, String assetId, String destination, String altText, String origin,
                            String metadataHash) {
    }

    /** A cached answer of a vision model. */
    public record Cached(String altText, double costUsd) {
    }

    // ---- set by hand

    public Optional<String> override(String source, String assetId) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT alt_text FROM alt_overrides WHERE source = ? AND asset_id = ?")) {
                p.setString(1, source);
                p.setString(2, assetId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Sets an item's own alt text; an empty text removes it (the destination's mode decides again). */
    public void setOverride(String source, String assetId, String altText) throws StoreException {
        db.query(c -> {
            String sql = altText.isEmpty() ? "DELETE FROM alt_overrides WHERE source = ? AND asset_id = ?"
                    : "INSERT OR REPLACE INTO alt_overrides (source, asset_id, alt_text, updated_at) VALUES (?, ?, ?, ?)";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, source);
                p.setString(2, assetId);
                if (!altText.isEmpty()) {
                    p.setString(3, altText);
                    p.setLong(4, clock.millis());
                }
                return p.executeUpdate();
            }
        });
    }

    // ---- vision model cache

    public Optional<Cached> cached(String contentHash, String model, String language) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT alt_text, cost_usd FROM alt_ai_cache "
                    + "WHERE content_hash = ? AND model = ? AND language = ?")) {
                p.setString(1, contentHash);
                p.setString(2, model);
                p.setString(3, language);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(new Cached(rs.getString(1), rs.getDouble(2))) : Optional.empty();
                }
            }
        });
    }

    /** Keeps a model's answer and adds its cost to this month's spending, in one transaction. */
    public void remember(String contentHash, String model, String language, String altText, double costUsd)
            throws StoreException {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO alt_ai_cache "
                    + "(content_hash, model, language, alt_text, cost_usd, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, contentHash);
                p.setString(2, model);
                p.setString(3, language);
                p.setString(4, altText);
                p.setDouble(5, costUsd);
                p.setLong(6, clock.millis());
                p.executeUpdate();
            }
            addSpend(c, costUsd);
            return null;
        });
    }

    /** Adds the cost of a call that gave no usable text (it was charged all the same). */
    public void spent(double costUsd) throws StoreException {
        db.inTransaction(c -> {
            addSpend(c, costUsd);
            return null;
        });
    }

    private void addSpend(java.sql.Connection c, double costUsd) throws java.sql.SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ai_spend (month, cost_usd, calls) VALUES (?, ?, 1) "
                + "ON CONFLICT (month) DO UPDATE SET cost_usd = cost_usd + excluded.cost_usd, calls = calls + 1")) {
            p.setString(1, month());
            p.setDouble(2, costUsd);
            p.executeUpdate();
        }
    }

    /** What AI calls cost this calendar month (UTC), in US dollars. */
    public double spentThisMonth() throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT cost_usd FROM ai_spend WHERE month = ?")) {
                p.setString(1, month());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getDouble(1) : 0.0;
                }
            }
        });
    }

    private String month() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC)).toString();
    }

    // ---- what was published

    public void published(Published p) throws StoreException {
        db.query(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO alt_published (source, asset_id, "
                    + "destination, alt_text, origin, metadata_hash, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, p.source());
                s.setString(2, p.assetId());
                s.setString(3, p.destination());
                s.setString(4, p.altText());
                s.setString(5, p.origin());
                s.setString(6, p.metadataHash());
                s.setLong(7, clock.millis());
                return s.executeUpdate();
            }
        });
    }

    /** The texts planned for the assets at a destination (every destination when empty). */
    public List<Published> publishedAt(Optional<String> destination) throws StoreException {
        return db.query(c -> {
            List<Published> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT source, asset_id, destination, alt_text, origin, "
                    + "metadata_hash FROM alt_published" + (destination.isPresent() ? " WHERE destination = ?" : "")
                    + " ORDER BY destination, source, asset_id")) {
                if (destination.isPresent()) {
                    p.setString(1, destination.get());
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Published(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }
}
