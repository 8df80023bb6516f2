package io.lumasync.sync;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.source.Source;
import io.lumasync.source.SourceItem;
import io.lumasync.store.Job;

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
 */
public final class Staging {
    private final Path dir;

    public Staging(Path dir) {
        this.dir = dir;
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

    /** Removes staging files a killed process left behind. */
    public void clean() {
        try (var files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().startsWith("stage-")).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // still in use by another Lumasync process, or gone
                }
            });
        } catch (IOException ignored) {
            // no staging folder yet
        }
    }
}
