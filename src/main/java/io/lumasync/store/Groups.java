package io.lumasync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Destination groups and the approval queue of the groups that want approval. */
public final class Groups {
    private static final String APPROVAL_COLUMNS = "id, grp, job, state, note, created_at, decided_at";
    private final Database db;

    public Groups(Database db) {
        this.db = db;
    }

    // ---- groups

    /** Saves a group, replacing one of the same name. */
    public void put(GroupRecord g) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO destination_groups (name, destinations, rules, "
                    + "created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET destinations = excluded.destinations, "
                    + "rules = excluded.rules")) {
                p.setString(1, g.name());
                p.setString(2, Json.write(g.destinations()));
                p.setString(3, g.rules().toJson());
                p.setLong(4, g.createdAt().toEpochMilli());
                return p.executeUpdate();
            }
        });
    }

    public List<GroupRecord> list() throws StoreException {
        return db.query(c -> {
            List<GroupRecord> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name, destinations, rules, created_at "
                    + "FROM destination_groups ORDER BY name"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new GroupRecord(rs.getString(1), Json.readList(rs.getString(2)),
                            GroupRules.fromJson(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return out;
        });
    }

    public boolean remove(String name) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM destination_groups WHERE name = ?")) {
                p.setString(1, name);
                return p.executeUpdate() > 0;
            }
        });
    }

    // ---- approvals

    /**
     * Puts a planned job in the queue; a job already waiting for the same (asset, destination) is replaced by the
     * newer plan, so the queue never holds two versions of one item.
     */
    public void queue(String group, Job job, Instant now) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO approvals (grp, source, asset_id, asset_name, "
                    + "destination, action, size, mtime, job, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "'waiting', ?) ON CONFLICT (source, asset_id, destination) WHERE state = 'waiting' DO UPDATE SET "
                    + "grp = excluded.grp, asset_name = excluded.asset_name, action = excluded.action, "
                    + "size = excluded.size, mtime = excluded.mtime, job = excluded.job")) {
                p.setString(1, group);
                p.setString(2, job.source());
                p.setString(3, job.assetId());
                p.setString(4, job.assetName());
                p.setString(5, job.destination());
                p.setString(6, job.action().name());
                p.setLong(7, job.fingerprint().size());
                p.setLong(8, job.fingerprint().modifiedMs());
                p.setString(9, Json.writeJob(job));
                p.setLong(10, now.toEpochMilli());
                return p.executeUpdate();
            }
        });
    }

    /** Whether this very version of the item (same size and time) was rejected for this destination. */
    public Optional<Approval> rejected(Job job) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + APPROVAL_COLUMNS + " FROM approvals WHERE "
                    + "state = 'rejected' AND source = ? AND asset_id = ? AND destination = ? AND size = ? AND mtime = ? "
                    + "ORDER BY id DESC LIMIT 1")) {
                p.setString(1, job.source());
                p.setString(2, job.assetId());
                p.setString(3, job.destination());
                p.setLong(4, job.fingerprint().size());
                p.setLong(5, job.fingerprint().modifiedMs());
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(approval(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The queue (one state's items, or all when empty), oldest first. */
    public List<Approval> approvals(Optional<String> state, int limit) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + APPROVAL_COLUMNS + " FROM approvals"
                    + (state.isPresent() ? " WHERE state = ?" : "") + " ORDER BY id LIMIT ?")) {
                int i = 1;
                if (state.isPresent()) {
                    p.setString(i++, state.get());
                }
                p.setInt(i, limit);
                List<Approval> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(approval(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Moves waiting items to {@code state} (approved or rejected) with a note; returns the items that were waiting
     * (an item decided meanwhile, e.g. in another window, is left out).
     */
    public List<Approval> decide(List<Long> ids, String state, String note, Instant now) throws StoreException {
        return db.inTransaction(c -> {
            List<Approval> out = new ArrayList<>();
            for (long id : ids) {
                try (PreparedStatement p = c.prepareStatement("UPDATE approvals SET state = ?, note = ?, decided_at = ? "
                        + "WHERE id = ? AND state = 'waiting' RETURNING " + APPROVAL_COLUMNS)) {
                    p.setString(1, state);
                    p.setString(2, note);
                    p.setLong(3, now.toEpochMilli());
                    p.setLong(4, id);
                    try (ResultSet rs = p.executeQuery()) {
                        if (rs.next()) {
                            out.add(approval(rs));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Records how an approved item's run went. */
    public void noteOutcome(long id, String note) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE approvals SET note = ? WHERE id = ?")) {
                p.setString(1, note);
                p.setLong(2, id);
                return p.executeUpdate();
            }
        });
    }

    private static Approval approval(ResultSet rs) throws SQLException {
        long decided = rs.getLong(7);
        Optional<Instant> decidedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(decided));
        return new Approval(rs.getLong(1), rs.getString(2), Json.readJob(rs.getString(3)), rs.getString(4),
                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), decidedAt);
    }
}
