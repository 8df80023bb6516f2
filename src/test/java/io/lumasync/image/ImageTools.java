package io.lumasync.image;

import io.lumasync.image.vips.Vips;
import io.lumasync.image.vips.VipsLoader;
import io.lumasync.image.vips.VipsUnavailableException;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The outside tools the image tests use to make fixtures and check outputs (scripts/apt.d/image.txt). */
final class ImageTools {
    private ImageTools() {
    }

    /** The bundled libvips; in CI its absence fails the test, elsewhere it skips it with the reason. */
    static Vips vips() {
        try {
            return VipsLoader.load();
        } catch (VipsUnavailableException e) {
            if (System.getenv("CI") != null) {
                throw new AssertionError(e.getMessage(), e);
            }
            Assumptions.abort(e.getMessage());
            return null;
        }
    }

    /** ImageMagick's convert (the real one: some machines put a stand-in named convert first on the PATH). */
    static String magick() {
        for (String c : List.of("/usr/bin/convert-im6.q16", "/usr/bin/magick", "/usr/bin/convert")) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return need("convert", "imagemagick");
    }

    static String exiftool() {
        return need("exiftool", "libimage-exiftool-perl");
    }

    /** Any other tool from the Debian package {@code pkg}; missing in CI fails the test, elsewhere skips it. */
    static String tool(String tool, String pkg) {
        return need(tool, pkg);
    }

    private static String need(String tool, String pkg) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool).toString();
            }
        }
        String msg = tool + " is not installed (Debian package " + pkg + ", listed in scripts/apt.d/image.txt)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(msg);
        }
        Assumptions.abort(msg);
        return tool;
    }

    /** Runs a command, failing the test with its output when it does not exit 0. */
    static String run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("failed (" + p.exitValue() + "): " + cmd + "\n" + text);
        }
        return text;
    }

    /** All tags exiftool finds, one "Group:Tag: value" per line, for assertions on metadata. */
    static String tags(Path file) throws IOException, InterruptedException {
        return run(exiftool(), "-a", "-G1", "-s", "-n", file.toString());
    }
}
