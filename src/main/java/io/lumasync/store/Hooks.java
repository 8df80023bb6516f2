package io.lumasync.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Notification hooks and their durable deliveries. An event is written as one pending row per hook that wants it;
 * a sender claims due rows with a lease (so two processes on one data folder never send the same row at once),
 * and records each attempt. A lease held by a process that died, or one that ran out, is taken over.
 */
public final class Hooks {
    private static final String COLUMNS = "id, hook, event_id, event, payload, state, attempts, next_at, last_status, "
            + "last_response, created_at, delivered_at";
    private final Database db;

    public Hooks(Database db) {
        this.db = db;
    }

    // ---- hooks

    public void add(HookRecord h) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO hooks (name, url, events, signing, "
                    + "signature_header, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, h.name());
                p.setString(2, h.url());
                p.setString(3, Json.write(h.events()));
                p.setString(4, h.signing());
                p.setString(5, h.signatureHeader());
                p.setInt(6, h.enabled() ? 1 : 0);
                p.setLong(7, h.createdAt().toEpochMilli());
                return p.executeUpdate();
            }
        });
    }

    public List<HookRecord> list() throws StoreException {
        return db.query(c -> {
            List<HookRecord> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name, url, events, signing, signature_header, "
                    + "enabled, created_at FROM hooks ORDER BY name"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new HookRecord(rs.getString(1), rs.getString(2), Json.readList(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getInt(6) != 0, Instant.ofEpochMilli(rs.getLong(7))));
                }
            }
            return out;
        });
    }

    public Optional<HookRecord> get(String name) throws StoreException {
        return list().stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** Removes a hook with its deliveries; false when there was none of that name. */
    public boolean remove(String name) throws StoreException {
        return db.inTransaction(c -> {
            update(c, "DELETE FROM hook_deliveries WHERE hook = ?", name);
            return update(c, "DELETE FROM hooks WHERE name = ?", name) > 0;
        });
    }

    public boolean setEnabled(String name, boolean enabled) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE hooks SET enabled = ? WHERE name = ?")) {
                p.setInt(1, enabled ? 1 : 0);
                p.setString(2, name);
                return p.executeUpdate() > 0;
            }
        });
    }

    // ---- deliveries

    /**
     * Queues an event for every enabled hook that wants it, in one transaction; returns how many rows were written.
     */
    public int enqueue(String eventId, String event, String payload, Instant now) throws StoreException {
        List<HookRecord> targets = list().stream().filter(h -> h.enabled() && h.wants(event)).toList();
        if (targets.isEmpty()) {
            return 0;
        }
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO hook_deliveries (hook, event_id, event, payload, "
                    + "state, next_at, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)")) {
                for (HookRecord h : targets) {
                    p.setString(1, h.name());
                    p.setString(2, eventId);
                    p.setString(3, event);
                    p.setString(4, payload);
                    p.setLong(5, now.toEpochMilli());
                    p.setLong(6, now.toEpochMilli());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return targets.size();
        });
    }

    /**
     * Leases up to {@code limit} due deliveries to {@code owner} until {@code leaseUntil}. A row leased to another
     * owner is taken only when its lease ran out or {@code alive} says that owner is gone. The first statement
     * writes, so the transaction holds SQLite's write lock before it reads: two senders never lease the same row.
     */
    public List<HookDelivery> claim(String owner, Instant now, Instant leaseUntil, int limit, Predicate<String> alive)
            throws StoreException {
        return db.inTransaction(c -> {
            update(c, "UPDATE hook_deliveries SET lease_until = lease_until WHERE id = -1");
            List<HookDelivery> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + ", lease_owner, lease_until "
                    + "FROM hook_deliveries WHERE state = 'pending' AND next_at <= ? ORDER BY next_at, id LIMIT ?")) {
                p.setLong(1, now.toEpochMilli());
                p.setInt(2, Math.max(1, limit) * 4);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next() && out.size() < limit) {
                        String holder = rs.getString(13);
                        boolean free = holder == null || holder.equals(owner) || rs.getLong(14) < now.toEpochMilli()
                                || !alive.test(holder);
                        if (free) {
                            out.add(delivery(rs));
                        }
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE hook_deliveries SET lease_owner = ?, lease_until = ? WHERE id = ?")) {
                for (HookDelivery d : out) {
                    p.setString(1, owner);
                    p.setLong(2, leaseUntil.toEpochMilli());
                    p.setLong(3, d.id());
                    p.executeUpdate();
                }
            }
            return out;
        });
    }

    /** Records a delivery the receiver accepted. */
    public void delivered(long id, int status, String response, Instant now) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE hook_deliveries SET state = 'delivered', "
                    + "attempts = attempts + 1, last_status = ?, last_response = ?, delivered_at = ?, lease_owner = NULL, "
                    + "lease_until = 0 WHERE id = ?")) {
                p.setInt(1, status);
                p.setString(2, response);
                p.setLong(3, now.toEpochMilli());
                p.setLong(4, id);
                return p.executeUpdate();
            }
        });
    }

    /**
     * Records a failed attempt: tried again at {@code retryAt}, or given up for good when it is empty.
     */
    public void attemptFailed(long id, int status, String response, Optional<Instant> retryAt) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE hook_deliveries SET state = ?, attempts = attempts + 1, "
                    + "last_status = ?, last_response = ?, next_at = ?, lease_owner = NULL, lease_until = 0 WHERE id = ?")) {
                p.setString(1, retryAt.isPresent() ? HookDelivery.PENDING : HookDelivery.FAILED);
                p.setInt(2, status);
                p.setString(3, response);
                p.setLong(4, retryAt.map(Instant::toEpochMilli).orElse(0L));
                p.setLong(5, id);
                return p.executeUpdate();
            }
        });
    }

    /** Queues a delivery again from its first attempt (the log's "Resend"); false when there is no such row. */
    public boolean resend(long id, Instant now) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE hook_deliveries SET state = 'pending', attempts = 0, "
                    + "next_at = ?, lease_owner = NULL, lease_until = 0, delivered_at = NULL WHERE id = ?")) {
                p.setLong(1, now.toEpochMilli());
                p.setLong(2, id);
                return p.executeUpdate() > 0;
            }
        });
    }

    /** The delivery log, newest first; one hook's when {@code hook} is given. */
    public List<HookDelivery> deliveries(Optional<String> hook, int limit) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM hook_deliveries"
                    + (hook.isPresent() ? " WHERE hook = ?" : "") + " ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                if (hook.isPresent()) {
                    p.setString(i++, hook.get());
                }
                p.setInt(i, limit);
                List<HookDelivery> out = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(delivery(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * When the earliest pending delivery is due (a leased one no sooner than its lease ends); empty when none is
     * pending.
     */
    public Optional<Instant> nextDue() throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT MIN(MAX(next_at, lease_until)) FROM hook_deliveries "
                    + "WHERE state = 'pending'"); ResultSet rs = p.executeQuery()) {
                long at = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
            }
        });
    }

    private static HookDelivery delivery(ResultSet rs) throws SQLException {
        long delivered = rs.getLong(12);
        Optional<Instant> deliveredAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(delivered));
        return new HookDelivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), Instant.ofEpochMilli(rs.getLong(8)), rs.getInt(9), rs.getString(10),
                Instant.ofEpochMilli(rs.getLong(11)), deliveredAt);
    }

    private static int update(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            return p.executeUpdate();
        }
    }
}
