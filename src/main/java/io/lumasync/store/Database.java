package io.lumasync.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQLite database: one connection in WAL mode, used under a lock (SQLite serialises writers anyway), with
 * versioned migrations applied at open. Other processes (the GUI and a CLI run at once) wait up to
 * {@link #BUSY_TIMEOUT_MS} for a write lock.
 */
public final class Database implements AutoCloseable {
    static final int BUSY_TIMEOUT_MS = 10_000;
    static final List<String> MIGRATIONS = List.of("V1__initial.sql", "V2__run_owners.sql",
            "V3__optimize.sql", "V4__alt_text.sql", "V5__generations.sql", "V6__groups.sql", "V7__notifications.sql",
            "V8__activity_origin.sql", "V10__published_pixels.sql");

    /** SQLite's primary result code for "the database file is locked". */
    private static final int SQLITE_BUSY = 5;
    private final Connection connection;
    private volatile String origin = "";

    private Database(Connection connection) {
        this.connection = connection;
    }

    /**
     * The door whose work this process records ({@code ""}: the app, CLI or daemon; {@code "mcp"}: an AI assistant).
     * Activity lines written through this database carry it.
     */
    public String origin() {
        return origin;
    }

    /** Marks the activity written from now on as coming from {@code door} (see {@link #origin()}). */
    public void origin(String door) {
        this.origin = java.util.Objects.requireNonNull(door);
    }

    /** Opens (creating and migrating when needed) the database in {@code file}. */
    public static Database open(Path file) throws StoreException {
        try {
            return openFile(file);
        } catch (SQLException e) {
            throw new StoreException("Cannot open Lumasync's database in " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static Database openFile(Path file) throws SQLException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SQLException("Cannot create the data folder " + file.getParent() + ": " + e.getMessage(), e);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            useWal(s);
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA foreign_keys = ON");
        }
        Database db = new Database(c);
        db.migrate();
        return db;
    }

    /**
     * Switches a new database file to WAL. Changing the journal mode needs the file to itself, and SQLite answers
     * SQLITE_BUSY at once, without its busy handler, while another process is creating or migrating the same new
     * file; so the switch is tried again within the usual busy timeout.
     */
    private static void useWal(Statement s) throws SQLException {
        long giveUp = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
        while (true) {
            try {
                s.execute("PRAGMA journal_mode = WAL");
                return;
            } catch (SQLException e) {
                if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || System.nanoTime() > giveUp) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public static Database inMemory() throws StoreException {
        try {
            Database db = new Database(DriverManager.getConnection("jdbc:sqlite::memory:"));
            db.migrate();
            return db;
        } catch (SQLException e) {
            throw StoreException.of(e);
        }
    }

    private void migrate() throws SQLException {
        synchronized (this) {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            }
            for (String file : MIGRATIONS) {
                applyOnce(file);
            }
        }
    }

    /**
     * Applies one migration unless it is there already. The version is read after taking the write lock (BEGIN
     * IMMEDIATE), so two processes opening the folder at once apply it once, the second waiting for the first.
     */
    private void applyOnce(String file) throws SQLException {
        int version = version(file);
        String sql = resource(file);
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                boolean present;
                try (PreparedStatement p = connection.prepareStatement("SELECT 1 FROM schema_version WHERE version = ?")) {
                    p.setInt(1, version);
                    try (ResultSet rs = p.executeQuery()) {
                        present = rs.next();
                    }
                }
                if (!present) {
                    for (String stmt : sql.split(";\\s*\\n")) {
                        String body = stmt.replaceAll("(?m)^\\s*--.*$", "").strip();
                        if (!body.isEmpty()) {
                            s.execute(body);
                        }
                    }
                    try (PreparedStatement p = connection.prepareStatement("INSERT INTO schema_version (version) VALUES (?)")) {
                        p.setInt(1, version);
                        p.executeUpdate();
                    }
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /**
     * The version a migration file stands for, from its name ({@code V7__groups.sql} is 7). Versions need not be
     * contiguous: each is applied once, in the order of {@link #MIGRATIONS}.
     */
    static int version(String file) {
        var m = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql").matcher(file);
        if (!m.matches()) {
            throw new IllegalArgumentException("Migration file name is not V<number>__<name>.sql: " + file);
        }
        return Integer.parseInt(m.group(1));
    }

    /** The schema version a database has after every migration of this build is applied. */
    public static int latest() {
        return MIGRATIONS.stream().mapToInt(Database::version).max().orElse(0);
    }

    public int schemaVersion() throws StoreException {
        return query(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private static String resource(String name) throws SQLException {
        try (InputStream in = Database.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new SQLException("Migration " + name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    /** Work on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} alone on the connection (reads, or single-statement writes). */
    public synchronized <T> T query(Work<T> work) throws StoreException {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw StoreException.of(e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is written, or none of it. */
    public synchronized <T> T inTransaction(Work<T> work) throws StoreException {
        try {
            return transaction(work);
        } catch (SQLException e) {
            throw StoreException.of(e);
        }
    }

    private <T> T transaction(Work<T> work) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    @Override
    public synchronized void close() throws StoreException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw StoreException.of(e);
        }
    }
}
