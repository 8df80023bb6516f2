package io.lumasync.auth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock of a secrets file, held while a change reads and rewrites it: an OS lock on {@code <file>.lock} orders
 * processes, a JVM lock orders vault objects of one process (the OS lock is per process, and a second lock on the
 * same file from this JVM would throw instead of wait). A lock held too long is an error, not a hang.
 */
final class VaultFileLock {
    private static final long LOCK_WAIT_MS = 15_000;
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private VaultFileLock() {
    }

    /** Runs {@code work} holding the lock of the secrets file {@code file}. */
    static void run(Path file, Runnable work) {
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        jvm.lock();
        try {
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock held = waitForLock(ch);
                try {
                    work.run();
                } finally {
                    if (held != null) {
                        held.release();
                    }
                }
            }
        } catch (IOException e) {
            throw new VaultException("The secrets file " + file + " cannot be locked (" + e.getMessage()
                    + "). Check the permissions of that folder.", e);
        } finally {
            jvm.unlock();
        }
    }

    /** The OS lock, or null where the file system has no locks (the JVM lock still orders this process). */
    private static FileLock waitForLock(FileChannel ch) throws IOException {
        long deadline = System.nanoTime() + LOCK_WAIT_MS * 1_000_000;
        while (true) {
            FileLock held;
            try {
                held = ch.tryLock();
            } catch (UnsupportedOperationException e) {
                return null;
            }
            if (held != null) {
                return held;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("another Lumasync process has held it for more than "
                        + LOCK_WAIT_MS / 1000 + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for another Lumasync process", e);
            }
        }
    }
}
