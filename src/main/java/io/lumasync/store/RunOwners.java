package io.lumasync.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who owns a run: every engine that opens a data folder (the app, the daemon, a CLI push, the MCP server) takes an
 * owner token and holds an OS lock on {@code owners/<token>.lock} for as long as it lives. The OS drops the lock when
 * the process dies, however it dies, so "is the lock still held?" tells a live owner from a crashed one without
 * trusting process ids alone (which are reused, and differ between a container and its host). Where the file system
 * cannot lock, the process id and its start time decide.
 *
 * <p>A token appears in the database only after its lock is held, so a checker never sees a token whose owner is
 * still starting. Tokens held in this JVM are answered from memory: opening and closing a second channel on a
 * file this JVM has locked would drop the JVM's POSIX lock on it.
 */
public final class RunOwners implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("(\\d{1,19})-(\\d{1,19})-[0-9a-f]{8}");
    private static final Set<String> HELD_HERE = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] NO_LOCK = "no-lock".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Optional<Path> dir;
    private final String self;
    private final FileChannel channel;
    private final FileLock lock;

    private RunOwners(Optional<Path> dir, String self, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.self = self;
        this.channel = channel;
        this.lock = lock;
        HELD_HERE.add(self);
    }

    /**
     * Takes a fresh owner token in {@code dir} (the data folder's {@code owners} folder) and holds its lock, then
     * removes the files of owners that died without closing. The file is locked under a hidden name and renamed
     * into place, so every visible lock file is either held or abandoned: a sweep never mistakes an owner that is
     * just starting for a dead one.
     */
    public static RunOwners claim(Path dir) throws IOException {
        Files.createDirectories(dir);
        String token = newToken();
        // Known here before its file is visible: a probe from this JVM must never open (and close) a file it locks.
        HELD_HERE.add(token);
        Path starting = dir.resolve("." + token + ".starting");
        FileChannel ch;
        try {
            ch = FileChannel.open(starting, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            HELD_HERE.remove(token);
            throw e;
        }
        FileLock held;
        try {
            held = ch.tryLock();
        } catch (IOException | RuntimeException e) {
            held = null;
        }
        if (held == null) {
            // A file system without locks: say so in the file, and checkers go by the process id instead.
            ch.write(java.nio.ByteBuffer.wrap(NO_LOCK));
            ch.force(true);
        }
        try {
            Files.move(starting, dir.resolve(token + ".lock"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            HELD_HERE.remove(token);
            ch.close();
            Files.deleteIfExists(starting);
            throw e;
        }
        RunOwners owners = new RunOwners(Optional.of(dir), token, ch, held);
        owners.sweep();
        return owners;
    }

    /** Removes lock files whose owner is gone (probing a file removes it when nobody holds it). */
    private void sweep() {
        try (var files = Files.list(dir.orElseThrow())) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".lock")) {
                    alive(name.substring(0, name.length() - ".lock".length()));
                }
            }
        } catch (IOException ignored) {
            // a leftover file is only a few bytes; the next start sweeps again
        }
    }

    /** An owner for an engine without a data folder (an in-memory database): only tokens of this JVM are alive. */
    public static RunOwners inProcess() {
        return new RunOwners(Optional.empty(), newToken(), null, null);
    }

    private static String newToken() {
        ProcessHandle me = ProcessHandle.current();
        long started = me.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        byte[] r = new byte[4];
        RANDOM.nextBytes(r);
        return me.pid() + "-" + started + "-" + HexFormat.of().formatHex(r);
    }

    /** This engine's token. */
    public String self() {
        return self;
    }

    /** Whether a token names a well-formed owner token (a name safe to use as a file name). */
    public static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /**
     * Whether the owner is still running. A missing or malformed token (runs written before owners existed) is
     * gone: only a process that died can have left it.
     */
    public boolean alive(String token) {
        if (token == null || !isToken(token)) {
            return false;
        }
        if (HELD_HERE.contains(token)) {
            return true;
        }
        return lockState(token).orElseGet(() -> processAlive(token));
    }

    /** Whether the owner's lock is held; empty when locks cannot tell (the process id decides then). */
    private Optional<Boolean> lockState(String token) {
        if (dir.isEmpty()) {
            return Optional.of(false);
        }
        Path file = dir.get().resolve(token + ".lock");
        if (!Files.exists(file)) {
            return Optional.of(false); // closed cleanly, or already found dead
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (ch.size() > 0) {
                return Optional.empty(); // its owner could not lock
            }
            FileLock probe = ch.tryLock();
            if (probe == null) {
                return Optional.of(true);
            }
            // Nobody holds it: its owner is dead for good, so its file can go.
            Files.deleteIfExists(file);
            probe.release();
            return Optional.of(false);
        } catch (OverlappingFileLockException e) {
            return Optional.of(true);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean processAlive(String token) {
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return false;
        }
        long pid;
        long started;
        try {
            pid = Long.parseLong(m.group(1));
            started = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        Optional<Instant> start = p.get().info().startInstant();
        // A reused process id belongs to a process that started at another time.
        return start.isEmpty() || started == 0 || start.get().toEpochMilli() == started;
    }

    @Override
    public void close() {
        HELD_HERE.remove(self);
        if (channel == null) {
            return;
        }
        try {
            if (lock != null) {
                lock.release();
            }
            channel.close();
            Files.deleteIfExists(dir.orElseThrow().resolve(self + ".lock"));
        } catch (IOException ignored) {
            // the lock went with the channel; a leftover file is recognised as dead by the next checker
        }
    }
}
