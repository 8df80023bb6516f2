package io.lumasync.image;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import io.lumasync.image.vips.WorkLimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * iPhone HEIC photos are HEVC-coded, and the bundled libvips carries no HEVC decoder (patents). Where the system
 * has libheif with one (Debian/Ubuntu: the heif-convert tool of libheif-examples, with libde265), we let it
 * decode the photo to a maximum-quality JPEG — libheif applies the HEIF rotation and keeps EXIF, XMP and the colour
 * profile, with the EXIF orientation reset — and the pipeline goes on from that.
 */
final class SystemHeif {
    private SystemHeif() {
    }

    static Optional<Path> tool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "heif-convert");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The most of the converter's own messages kept for an error message. */
    private static final int LOG_LIMIT = 4096;

    /**
     * The photo decoded by the system's libheif, as JPEG bytes. The caller has checked the container's
     * dimensions against the pixel limit; {@code work} bounds the converter's run (it is killed when the deadline
     * passes or the work is cancelled).
     */
    static byte[] decode(Path heic, String name, ImageLimits limits, WorkLimit work) throws LumasyncException {
        Path tool = tool().orElseThrow(() -> LumasyncException.giveUp(name + ": this HEIC photo uses the HEVC "
                + "codec, which the bundled image engine cannot decode, and this computer has no HEIC converter. "
                + "Install one (Debian/Ubuntu: sudo apt install libheif-examples) or export the photo as JPEG."));
        Path dir = null;
        Process p = null;
        try {
            dir = Files.createTempDirectory("lumasync-heic");
            Path out = dir.resolve("photo.jpg");
            p = new ProcessBuilder(List.of(tool.toString(), "-q", "100", heic.toString(), out.toString()))
                    .redirectErrorStream(true).start();
            // Read its messages on another thread: a converter that hangs while writing them must still meet
            // the deadline below.
            Process started = p;
            CompletableFuture<String> log = CompletableFuture.supplyAsync(() -> head(started.getInputStream()),
                    Thread::startVirtualThread);
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (work.shouldStop()) {
                    throw LumasyncException.giveUp(limits.stopped(name,
                            work.stopped().orElseThrow() == WorkLimit.Stop.CANCELLED));
                }
            }
            if (p.exitValue() != 0 || !Files.exists(out)) {
                String text = log.get(5, TimeUnit.SECONDS).strip().replaceAll("\\s+", " ");
                throw LumasyncException.giveUp(name + ": the system's HEIC converter could not decode this photo ("
                        + text + "). Export it as JPEG and publish that.");
            }
            return Files.readAllBytes(out);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, name + ": the HEIC photo could not be decoded ("
                    + e.getMessage() + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.GIVE_UP, name + ": cancelled; it was not converted.", e);
        } finally {
            if (p != null) {
                p.destroyForcibly();
            }
            deleteQuietly(dir);
        }
    }

    /** The first bytes of a stream as text, the rest read and dropped so the writer never blocks. */
    private static String head(InputStream in) {
        try (in) {
            byte[] kept = in.readNBytes(LOG_LIMIT);
            in.transferTo(OutputStream.nullOutputStream());
            return new String(kept, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temp file left behind is harmless; the OS cleans its temp folder.
        }
    }
}
