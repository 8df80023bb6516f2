package io.lumasync.store;

import io.lumasync.core.RemoteRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Whether a planned job may be journaled: several processes plan from the same sync map, and the first to journal
 * an (asset, destination) holds it until its job finishes. Called inside the transaction that journals the run,
 * after it took SQLite's write lock, so no other process can journal or finish a job in between.
 */
final class JobClaims {
    private JobClaims() {
    }

    /** Why a planned job must not run here: another run holds it, or changed its asset since it was planned. */
    static Optional<String> heldElsewhere(Connection c, long runId, Job j) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM jobs JOIN runs ON runs.id = jobs.run_id "
                + "WHERE jobs.source = ? AND jobs.asset_id = ? AND jobs.destination = ? AND jobs.state IN " + JobJournal.OPEN
                + " AND runs.state = 'running' AND runs.id <> ? LIMIT 1")) {
            p.setString(1, j.source());
            p.setString(2, j.assetId());
            p.setString(3, j.destination());
            p.setLong(4, runId);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    return Optional.of("another Lumasync window or command is publishing it right now");
                }
            }
        }
        Optional<String> planned = j.existing().map(RemoteRef::id);
        Optional<String> now;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT remote_id FROM sync_map WHERE source = ? AND asset_id = ? AND destination = ?")) {
            p.setString(1, j.source());
            p.setString(2, j.assetId());
            p.setString(3, j.destination());
            try (ResultSet rs = p.executeQuery()) {
                now = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
        if (planned.equals(now)) {
            return Optional.empty();
        }
        return Optional.of(now.isPresent() && planned.isEmpty()
                ? "already published by another Lumasync window or command a moment ago"
                : "changed at the destination by another Lumasync window or command; the next sync looks at it again");
    }
}
