package io.lumasync.sync;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.store.Job;
import io.lumasync.store.RunOwners;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Gives the encoder a local file for a job: the file itself for local items, else a copy downloaded into the
 * staging folder (deleted when closed). Either way it reports the SHA-256 of the bytes read.
 *
 * <p>Each engine stages into a folder of its own, {@code staging/<owner>}, because several processes may share one
 * data folder: cleaning up removes only the folders of owners that are gone, never another process's downloads.
 */
public final class Staging {
    private static final java.time.Duration LEGACY_AGE = java.time.Duration.ofHours(1);
    private final Path root;
    private final Path dir;
    private final RunOwners owners;

    /** Staging in {@code root} for the engine that holds {@code owners}. */
    public Staging(Path root, RunOwners owners) {
        this.root = root;
        this.owners = owners;
        this.dir = root.resolve(owners.self());
    }

    /** Staging for an engine alone with its folder (tests). */
    public Staging(Path root) {
        this(root, RunOwners.inProcess());
    }

    /** A file to read and its content hash. */
    public record Staged(Path path, String contentHash, boolean temporary) implements AutoCloseable {
        @Override
        public void close() {
            if (temporary) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a leftover staging file is cleaned at the next start
                }
            }
        }
    }

    Staged stage(Job job, AdapterResolver adapters) throws LumasyncException {
        if (job.localPath().isPresent()) {
            Path p = Path.of(job.localPath().get());
            try {
                return new Staged(p, Hashing.sha256(p), false);
            } catch (NoSuchFileException e) {
                throw new LumasyncException(ErrorKind.GIVE_UP, "the file was moved or deleted before it could be read.", e);
            } catch (AccessDeniedException e) {
                throw new LumasyncException(ErrorKind.GIVE_UP, "permission denied: Lumasync may not read this file.", e);
            } catch (IOException e) {
                if (java.nio.file.Files.isDirectory(p)) {
                    throw new LumasyncException(ErrorKind.GIVE_UP, "this is a folder, not an image.", e);
                }
                throw new LumasyncException(ErrorKind.GIVE_UP, "cannot be read (" + e.getMessage() + ").", e);
            }
        }
        Source source = adapters.source(job.source());
        SourceItem item = new SourceItem(job.assetId(), job.assetName(), job.folder(), job.fingerprint());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "stage-", ".bin");
            MessageDigest md = Hashing.digest();
            try (InputStream in = new DigestInputStream(source.open(item), md);
                 OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            } catch (IOException | LumasyncException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return new Staged(tmp, "sha256:" + HexFormat.of().formatHex(md.digest()), true);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.RETRY, "the download broke off (" + e.getMessage() + ").", e);
        }
    }

    /**
     * Removes what engines that are gone left behind: the staging folders of dead owners, and loose files from
     * versions that staged into one shared folder once they are old enough not to be anyone's download.
     */
    public void clean() {
        long legacyBefore = System.currentTimeMillis() - LEGACY_AGE.toMillis();
        try (var entries = Files.list(root)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && RunOwners.isToken(name) && !owners.alive(name)) {
                    deleteFolder(p);
                } else if (name.startsWith("stage-") && Files.isRegularFile(p)
                        && Files.getLastModifiedTime(p).toMillis() < legacyBefore) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // no staging folder yet, or it went away: nothing to clean
        }
    }

    /** Removes this engine's own staging folder (when it closes). */
    public void cleanOwn() {
        deleteFolder(dir);
    }

    private static void deleteFolder(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // gone already, or a file still open on Windows: the next start tries again
        }
    }
}
