package io.lumasync.store;

import io.lumasync.core.EncodeSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The journal of Optimize runs. The plan is written before any image is touched, and REPLACING is committed
 * before the destination is asked to replace, so after a kill the journal tells which images may already carry
 * the recompressed bytes and must be checked, not replaced again.
 */
public final class OptimizeJournal {
    private static final String COLUMNS = "id, run_id, remote_id, remote_url, file_name, mime_type, size, state, "
            + "original_hash";
    private final Database db;
    private final Clock clock;

    public OptimizeJournal(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Where an item stands. */
    public enum State {
        PLANNED, BACKED_UP, REPLACING, DONE, SKIPPED, FAILED;

        public boolean open() {
            return this == PLANNED || this == BACKED_UP || this == REPLACING;
        }
    }

    /** One image of a run, as journaled. */
    public record Item(long id, long runId, String remoteId, String remoteUrl, String fileName, String mimeType,
                       long size, State state, String originalHash) {
    }

    /** A run left unfinished by a process that is gone, with its open items. */
    public record Interrupted(long runId, String destination, EncodeSettings encode, List<Item> items) {
    }

    /** A run's id and its journaled items. */
    public record Started(long runId, List<Item> items) {
    }

    /** Writes a run and its plan in one transaction; returns the items with their ids. */
    public Started startRun(String destination, EncodeSettings encode, String owner, List<Item> plan)
            throws StoreException {
        return db.inTransaction(c -> {
            long runId;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO optimize_runs (destination, encode, owner, "
                    + "started_at, state) VALUES (?, ?, ?, ?, 'running')", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, destination);
                p.setString(2, Json.writeEncode(encode));
                p.setString(3, owner);
                p.setLong(4, clock.millis());
                p.executeUpdate();
                runId = generatedKey(p);
            }
            List<Item> out = new ArrayList<>(plan.size());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO optimize_items (run_id, remote_id, remote_url, "
                    + "file_name, mime_type, size, state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (Item i : plan) {
                    p.setLong(1, runId);
                    p.setString(2, i.remoteId());
                    p.setString(3, i.remoteUrl());
                    p.setString(4, i.fileName());
                    p.setString(5, i.mimeType());
                    p.setLong(6, i.size());
                    p.setString(7, i.state().name());
                    p.setLong(8, clock.millis());
                    p.executeUpdate();
                    out.add(new Item(generatedKey(p), runId, i.remoteId(), i.remoteUrl(), i.fileName(), i.mimeType(),
                            i.size(), i.state(), i.originalHash()));
                }
            }
            return new Started(runId, out);
        });
    }

    /** Moves an item on; committed before the work the new state announces. */
    public void setState(long itemId, State state, String originalHash, String reason) throws StoreException {
        db.query(c -> setState(c, itemId, state, originalHash, reason, clock.millis()));
    }

    /** Same, inside the caller's transaction (an item's end and its activity line are written together). */
    public static int setState(Connection c, long itemId, State state, String originalHash, String reason, long now)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE optimize_items SET state = ?, original_hash = ?, "
                + "reason = ?, updated_at = ? WHERE id = ?")) {
            p.setString(1, state.name());
            p.setString(2, originalHash);
            p.setString(3, reason);
            p.setLong(4, now);
            p.setLong(5, itemId);
            return p.executeUpdate();
        }
    }

    public void finishRun(long runId) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE optimize_runs SET state = 'finished', finished_at = ? WHERE id = ?")) {
                p.setLong(1, clock.millis());
                p.setLong(2, runId);
                return p.executeUpdate();
            }
        });
    }

    /** Unfinished runs whose owner is no longer running (a run of a live process is left to it). */
    public List<Interrupted> interrupted(Predicate<String> ownerAlive) throws StoreException {
        return db.query(c -> {
            List<Interrupted> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id, destination, encode, owner FROM optimize_runs WHERE state = 'running' ORDER BY id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    if (!ownerAlive.test(rs.getString(4))) {
                        out.add(new Interrupted(rs.getLong(1), rs.getString(2), Json.readEncode(rs.getString(3)),
                                List.of()));
                    }
                }
            }
            List<Interrupted> withItems = new ArrayList<>(out.size());
            for (Interrupted r : out) {
                withItems.add(new Interrupted(r.runId(), r.destination(), r.encode(), openItems(c, r.runId())));
            }
            return withItems;
        });
    }

    private static List<Item> openItems(Connection c, long runId) throws SQLException {
        List<Item> items = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM optimize_items WHERE run_id = ? "
                + "AND state IN ('PLANNED', 'BACKED_UP', 'REPLACING') ORDER BY id")) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    items.add(new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), State.valueOf(rs.getString(8)),
                            rs.getString(9)));
                }
            }
        }
        return items;
    }

    private static long generatedKey(PreparedStatement p) throws SQLException {
        try (ResultSet rs = p.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
