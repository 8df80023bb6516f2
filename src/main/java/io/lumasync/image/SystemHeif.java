package io.lumasync.image;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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

    /** The photo decoded by the system's libheif, as JPEG bytes. */
    static byte[] decode(Path heic, String name) throws LumasyncException {
        Path tool = tool().orElseThrow(() -> LumasyncException.giveUp(name + ": this HEIC photo uses the HEVC "
                + "codec, which the bundled image engine cannot decode, and this computer has no HEIC converter. "
                + "Install one (Debian/Ubuntu: sudo apt install libheif-examples) or export the photo as JPEG."));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("lumasync-heic");
            Path out = dir.resolve("photo.jpg");
            Process p = new ProcessBuilder(List.of(tool.toString(), "-q", "100", heic.toString(), out.toString()))
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.exists(out)) {
                p.destroyForcibly();
                throw LumasyncException.giveUp(name + ": the system's HEIC converter could not decode this photo ("
                        + log.strip().replaceAll("\\s+", " ") + "). Export it as JPEG and publish that.");
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, name + ": the HEIC photo could not be decoded ("
                    + e.getMessage() + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LumasyncException(ErrorKind.RETRY, name + ": interrupted while decoding the HEIC photo.", e);
        } finally {
            deleteQuietly(dir);
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
