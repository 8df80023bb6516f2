package io.lumasync.source;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;
import io.lumasync.http.BodyLimitException;
import io.lumasync.http.BodyLimits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One attempt at a large download that continues where the last attempt broke off: the bytes so far stay in a
 * private part file, the next attempt asks for the rest with an HTTP {@code Range} (RFC 9110 §14) and appends a
 * {@code 206} answer whose {@code Content-Range} starts where the file ends. A server that ignores the range
 * (a {@code 200}) or answers another range restarts the file from zero. The caller runs attempts through the
 * retry layer and checks the finished file's hash ({@link StagedDownload#verifyFile}), which also catches a file
 * that changed between two parts.
 */
public final class ResumableDownload {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    /** Sends the GET for the bytes from {@code offset} on (with a Range header when it is above 0). */
    @FunctionalInterface
    public interface Fetch<X extends Exception> {
        HttpResponse<InputStream> get(long offset) throws LumasyncException, X;
    }

    private ResumableDownload() {
    }

    /**
     * Brings {@code part} to the whole file. A break-off is a RETRY that keeps the part file for the next attempt;
     * so is an answer that ends early without an error (a chunked answer cut short), measured against the length
     * the answer declares or else {@code listedSize} (the size the listing gave; 0 = unknown). More bytes than
     * {@code maxBytes} in all is a GIVE_UP (the file is deleted).
     */
    public static <X extends Exception> void attempt(Path part, long listedSize, long maxBytes, Fetch<X> fetch,
                                                     String itemName)
            throws LumasyncException, X {
        long have = size(part);
        HttpResponse<InputStream> r = fetch.get(have);
        boolean append = false;
        if (r.statusCode() == 206) {
            Matcher m = CONTENT_RANGE.matcher(r.headers().firstValue("Content-Range").orElse(""));
            append = m.matches() && Long.parseLong(m.group(1)) == have;
            if (!append) {
                close(r.body());
                delete(part); // not the range we asked for: start again from the first byte
                throw new LumasyncException(ErrorKind.RETRY, itemName + ": the server sent another part of the file "
                        + "than the one asked for; the download starts again.");
            }
        } else if (r.statusCode() != 200) {
            close(r.body());
            throw new IllegalStateException("the fetch must classify an answer " + r.statusCode() + " itself");
        }
        long written = append ? have : 0;
        long declared = total(r, written);
        long total = declared >= 0 ? declared : listedSize > 0 ? listedSize : -1;
        try (InputStream in = r.body(); OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                written += n;
                if (written > maxBytes) {
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (BodyLimitException e) {
            delete(part);
            throw new LumasyncException(ErrorKind.GIVE_UP, itemName + ": the download was stopped: " + e.getMessage()
                    + ".", e);
        } catch (IOException e) {
            // What arrived is kept: the next attempt asks only for the rest.
            throw new LumasyncException(ErrorKind.RETRY, itemName + ": the download broke off after " + written
                    + " bytes (" + e.getMessage() + "). It resumes from there.", e);
        }
        if (total >= 0 && written < total) {
            // The connection closed early without an error: the same as a break-off.
            throw new LumasyncException(ErrorKind.RETRY, itemName + ": the download broke off after " + written
                    + " of " + total + " bytes. It resumes from there.");
        }
        if (written > maxBytes) {
            delete(part);
            throw new LumasyncException(ErrorKind.GIVE_UP, itemName + ": the download was stopped: the file is larger "
                    + "than " + (maxBytes >> 20) + " MB.");
        }
    }

    /** The whole file's length as the answer declares it (Content-Range total, or offset + Content-Length); -1 if not. */
    private static long total(HttpResponse<InputStream> r, long offset) {
        Matcher m = CONTENT_RANGE.matcher(r.headers().firstValue("Content-Range").orElse(""));
        if (m.matches() && !m.group(3).equals("*")) {
            return Long.parseLong(m.group(3));
        }
        return r.headers().firstValueAsLong("Content-Length").stream().map(n -> n + offset).findFirst().orElse(-1L);
    }

    /** The part file for one item in {@code dir}, named by a hash of the item id (ids may hold any character). */
    public static Path partFile(Path dir, String itemId) throws LumasyncException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.UNAVAILABLE, "Cannot make the download folder " + dir + " ("
                    + e.getMessage() + "). Check the free disk space.", e);
        }
        ContentDigest d = ContentDigest.sha256();
        byte[] id = itemId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        d.update(id, 0, id.length);
        return dir.resolve("resume-" + d.hex().substring(0, 32) + ".part");
    }

    public static void delete(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // a leftover part file in the private staging folder is harmless and is replaced next time
        }
    }

    private static long size(Path part) {
        try {
            return Files.exists(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void close(InputStream in) {
        try (in) {
            in.readNBytes((int) Math.min(BodyLimits.PAGE.maxBytes(), 64 * 1024));
        } catch (IOException ignored) {
            // the connection is dropped instead of reused
        }
    }
}
