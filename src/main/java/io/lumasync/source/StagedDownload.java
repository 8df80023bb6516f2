package io.lumasync.source;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BodyLimitException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Copies a download to a private temporary file while hashing it, compares the hash with the one the provider
 * promised, and only then hands the bytes out (the file is deleted when the stream is closed). A mismatch is a
 * RETRY naming the file: a truncated or altered transfer never reaches the encoder.
 */
public final class StagedDownload {
    private StagedDownload() {
    }

    /**
     * @param expected the fingerprint hash to check ({@code dropbox:…}, {@code md5:…}); empty or unknown
     *                 algorithm = no check
     */
    public static InputStream verify(InputStream body, Path stagingDir, String expected, String itemName)
            throws LumasyncException {
        Optional<ContentDigest> digest = ContentDigest.forFingerprint(expected);
        Path tmp;
        try {
            Files.createDirectories(stagingDir);
            tmp = Files.createTempFile(stagingDir, "download-", ".part");
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot make a temporary file in " + stagingDir
                    + " to download " + itemName + " (" + e.getMessage() + "). Check the free disk space.", e);
        }
        try (InputStream in = body; OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (digest.isPresent()) {
                    digest.get().update(buf, 0, n);
                }
            }
        } catch (BodyLimitException e) {
            // Too big or too slow: trying again would end the same way.
            delete(tmp);
            throw new LumasyncException(ErrorKind.GIVE_UP, itemName + ": the download was stopped: " + e.getMessage()
                    + ".", e);
        } catch (IOException e) {
            delete(tmp);
            throw new LumasyncException(ErrorKind.RETRY, itemName + ": the download broke off (" + e.getMessage()
                    + "). It will be tried again.", e);
        }
        if (digest.isPresent()) {
            check(digest.get(), tmp, expected, itemName);
        }
        return handOut(tmp, itemName);
    }

    /**
     * The same check for a download that is already complete in {@code file} (one assembled from resumed parts):
     * hashes it, deletes it on a mismatch (a RETRY naming the item) and otherwise hands its bytes out, deleting the
     * file when the stream is closed.
     */
    public static InputStream verifyFile(Path file, String expected, String itemName) throws LumasyncException {
        Optional<ContentDigest> digest = ContentDigest.forFingerprint(expected);
        if (digest.isPresent()) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    digest.get().update(buf, 0, n);
                }
            } catch (IOException e) {
                delete(file);
                throw new LumasyncException(ErrorKind.RETRY, itemName + ": cannot read the downloaded copy.", e);
            }
            check(digest.get(), file, expected, itemName);
        }
        return handOut(file, itemName);
    }

    private static void check(ContentDigest digest, Path tmp, String expected, String itemName) throws LumasyncException {
        if (!digest.fingerprintValue().equals(expected)) {
            delete(tmp);
            throw new LumasyncException(ErrorKind.RETRY, itemName + ": the downloaded file does not match the "
                    + "checksum the service gave (damaged or changed during the transfer). It will be tried again.");
        }
    }

    private static InputStream handOut(Path tmp, String itemName) throws LumasyncException {
        try {
            return new FilterInputStream(Files.newInputStream(tmp)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        delete(tmp);
                    }
                }
            };
        } catch (IOException e) {
            delete(tmp);
            throw new LumasyncException(ErrorKind.RETRY, itemName + ": cannot read the downloaded copy.", e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover .part file in the private staging folder is harmless; it holds no secret
        }
    }
}
