package io.lumasync.store;

import io.lumasync.core.Fingerprint;
import io.lumasync.core.RemoteRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The job journal. A run's whole plan is written in one transaction before any work starts; every state change
 * is committed before the work it announces (UPLOADING is on disk before the first byte is sent), so after a
 * crash the journal tells which jobs may have reached their destination and must be reconciled.
 *
 * <p>Several processes may share one journal. Each run carries its owner ({@link RunOwners}); only runs whose
 * owner is gone are taken over, and an (asset, destination) that an open job of another live run holds is not
 * journaled a second time.
 */
public final class JobJournal {
    private static final String COLUMNS = "id, run_id, source, asset_id, asset_name, folder, local_path, destination, "
            + "action, state, sync_id, size, mtime, content_hash, encode, metadata, remote_id, remote_url, attempts, reason";
    static final String OPEN = "('PLANNED', 'ENCODING', 'UPLOADING')";
    private final Database db;
    private final Clock clock;
    private final RunOwners owners;

    /** A journal used by one engine alone (tests, in-memory databases). */
    public JobJournal(Database db, Clock clock) {
        this(db, clock, RunOwners.inProcess());
    }

    public JobJournal(Database db, Clock clock, RunOwners owners) {
        this.db = db;
        this.clock = clock;
        this.owners = owners;
    }

    /**
     * A run's id, its journaled jobs, and the planned jobs left out because another run got there first.
     */
    public record Started(long runId, List<Job> jobs, List<Passed> passed) {
    }

    /** A planned job that was not journaled, and why (in words for the activity list). */
    public record Passed(Job job, String reason) {
    }

    /**
     * Writes a run and its plan; returns the jobs with their ids. The run's row is written first, so the transaction
     * holds SQLite's write lock before it looks at other runs: two processes journaling the same asset at once are
     * serialised, and the second sees the first's claim (or its finished upload) and passes the job by.
     */
    public Started startRun(String kind, List<Job> plan) throws StoreException {
        return db.inTransaction(c -> {
            long runId;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO runs (kind, started_at, state, owner) "
                    + "VALUES (?, ?, 'running', ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, kind);
                p.setLong(2, clock.millis());
                p.setString(3, owners.self());
                p.executeUpdate();
                try (ResultSet rs = p.getGeneratedKeys()) {
                    rs.next();
                    runId = rs.getLong(1);
                }
            }
            List<Job> out = new ArrayList<>(plan.size());
            List<Passed> passed = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO jobs (run_id, source, asset_id, asset_name, "
                    + "folder, local_path, destination, action, state, sync_id, size, mtime, content_hash, encode, "
                    + "metadata, remote_id, remote_url, attempts, reason, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?)", Statement.RETURN_GENERATED_KEYS)) {
                for (Job j : plan) {
                    Optional<String> taken = JobClaims.heldElsewhere(c, runId, j);
                    if (taken.isPresent()) {
                        passed.add(new Passed(j, taken.get()));
                        continue;
                    }
                    p.setLong(1, runId);
                    p.setString(2, j.source());
                    p.setString(3, j.assetId());
                    p.setString(4, j.assetName());
                    p.setString(5, j.folder());
                    setNullable(p, 6, j.localPath().orElse(null));
                    p.setString(7, j.destination());
                    p.setString(8, j.action().name());
                    p.setString(9, j.state().name());
                    p.setString(10, j.syncId());
                    p.setLong(11, j.fingerprint().size());
                    p.setLong(12, j.fingerprint().modifiedMs());
                    p.setString(13, j.fingerprint().contentHash());
                    p.setString(14, Json.writeEncode(j.encode()));
                    p.setString(15, Json.writeMetadata(j.metadata()));
                    setNullable(p, 16, j.existing().map(RemoteRef::id).orElse(null));
                    setNullable(p, 17, j.existing().map(RemoteRef::url).orElse(null));
                    p.setLong(18, clock.millis());
                    p.executeUpdate();
                    try (ResultSet rs = p.getGeneratedKeys()) {
                        rs.next();
                        out.add(j.withId(rs.getLong(1), runId));
                    }
                }
            }
            return new Started(runId, out, passed);
        });
    }

    public void finishRun(long runId) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE runs SET state = 'finished', finished_at = ? WHERE id = ?")) {
                p.setLong(1, clock.millis());
                p.setLong(2, runId);
                return p.executeUpdate();
            }
        });
    }

    /** Moves a job to a new state (committed before the caller does the work the state announces). */
    public void setState(long jobId, JobState state, int attempts, String reason) throws StoreException {
        db.query(c -> {
            setState(c, jobId, state, attempts, reason);
            return null;
        });
    }

    /** Same, inside the caller's transaction (to commit a result and its sync-map row together). */
    public static void setState(Connection c, long jobId, JobState state, int attempts, String reason)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE jobs SET state = ?, attempts = ?, reason = ?, updated_at = ? WHERE id = ?")) {
            p.setString(1, state.name());
            p.setInt(2, attempts);
            p.setString(3, reason == null ? "" : reason);
            p.setLong(4, System.currentTimeMillis());
            p.setLong(5, jobId);
            p.executeUpdate();
        }
    }

    public static void setResult(Connection c, long jobId, String url, long bytesIn, long bytesOut) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE jobs SET result_url = ?, bytes_in = ?, bytes_out = ? WHERE id = ?")) {
            p.setString(1, url);
            p.setLong(2, bytesIn);
            p.setLong(3, bytesOut);
            p.setLong(4, jobId);
            p.executeUpdate();
        }
    }

    /**
     * Takes over the runs that will not finish by themselves and returns their open jobs: runs of this engine, and
     * runs whose owner is gone (killed, crashed, powered off). Runs of live owners are theirs alone. Each run is
     * taken with a compare-and-set on its owner, so when two processes start at once only one of them resumes it.
     */
    public List<Job> interrupted() throws StoreException {
        List<Long> mine = new ArrayList<>();
        for (var run : runningOwners().entrySet()) {
            String owner = run.getValue().orElse(null);
            if (owners.self().equals(owner)) {
                mine.add(run.getKey());
            } else if (!owners.alive(owner) && takeOver(run.getKey(), owner)) {
                mine.add(run.getKey());
            }
        }
        if (mine.isEmpty()) {
            return List.of();
        }
        List<Job> open = db.query(c -> {
            List<Job> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE state IN " + OPEN
                    + " AND run_id = ? ORDER BY id")) {
                for (long runId : mine) {
                    p.setLong(1, runId);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            out.add(row(rs));
                        }
                    }
                }
            }
            out.sort(java.util.Comparator.comparingLong(Job::id));
            return out;
        });
        // A run whose owner died after its last job but before closing it has nothing left to resume.
        for (long runId : mine) {
            if (open.stream().noneMatch(j -> j.runId() == runId)) {
                finishRun(runId);
            }
        }
        return open;
    }

    private java.util.Map<Long, Optional<String>> runningOwners() throws StoreException {
        return db.query(c -> {
            java.util.Map<Long, Optional<String>> out = new java.util.LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, owner FROM runs WHERE state = 'running' ORDER BY id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), Optional.ofNullable(rs.getString(2)));
                }
            }
            return out;
        });
    }

    private boolean takeOver(long runId, String deadOwner) throws StoreException {
        return db.query(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE runs SET owner = ? WHERE id = ? AND state = 'running' AND owner IS ?")) {
                p.setString(1, owners.self());
                p.setLong(2, runId);
                p.setString(3, deadOwner);
                return p.executeUpdate() == 1;
            }
        });
    }

    /** Runs left in state running by a killed process (none of whose jobs remain open) are closed. */
    public void closeAbandonedRuns(long exceptRunId) throws StoreException {
        db.query(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE runs SET state = 'finished', finished_at = ? "
                    + "WHERE state = 'running' AND id <> ? AND NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.run_id = runs.id "
                    + "AND jobs.state IN " + OPEN + ")")) {
                p.setLong(1, clock.millis());
                p.setLong(2, exceptRunId);
                return p.executeUpdate();
            }
        });
    }

    /** Every job of one run, in plan order: what a cancelled run left planned, what it finished. */
    public List<Job> jobsOfRun(long runId) throws StoreException {
        return db.query(c -> {
            List<Job> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE run_id = ? ORDER BY id")) {
                p.setLong(1, runId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    /** "assetId NUL destination" of a source's assets whose latest job failed. */
    public java.util.Set<String> lastFailed(String source) throws StoreException {
        return db.query(c -> {
            java.util.Set<String> out = new java.util.HashSet<>();
            try (PreparedStatement p = c.prepareStatement("SELECT asset_id, destination, state FROM jobs WHERE source = ? "
                    + "AND id IN (SELECT MAX(id) FROM jobs WHERE source = ? GROUP BY asset_id, destination)")) {
                p.setString(1, source);
                p.setString(2, source);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        if ("FAILED".equals(rs.getString(3))) {
                            out.add(rs.getString(1) + "\u0000" + rs.getString(2));
                        }
                    }
                }
            }
            return out;
        });
    }

    private static Job row(ResultSet rs) throws SQLException {
        String remoteId = rs.getString(17);
        return new Job(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Optional.ofNullable(rs.getString(7)), rs.getString(8),
                JobAction.valueOf(rs.getString(9)), JobState.valueOf(rs.getString(10)), rs.getString(11),
                new Fingerprint(rs.getLong(12), rs.getLong(13), rs.getString(14)), Json.readEncode(rs.getString(15)),
                Json.readMetadata(rs.getString(16)),
                remoteId == null ? Optional.empty() : Optional.of(new RemoteRef(remoteId, rs.getString(18))),
                rs.getInt(19), rs.getString(20));
    }

    private static void setNullable(PreparedStatement p, int i, String v) throws SQLException {
        if (v == null) {
            p.setNull(i, Types.VARCHAR);
        } else {
            p.setString(i, v);
        }
    }
}
