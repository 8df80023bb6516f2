package io.lumasync.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Chooses JavaFX's own software renderer on a Linux machine without a graphics device. There, OpenGL can only be
 * Mesa's emulation on the processor (llvmpipe), which draws this app no better than JavaFX's software pipeline and
 * costs ~44 MiB more of resident memory for its compiler and threads, held for as long as the app sits in the tray
 * (docs/benchmarks.md). A machine with a GPU keeps the OpenGL pipeline, and {@code -Dprism.order} set by the user
 * (through {@code LUMASYNC_JAVA_OPTS}) always wins.
 */
final class Rendering {
    static final String ORDER = "prism.order";
    private static final Logger LOG = LoggerFactory.getLogger(Rendering.class);

    private Rendering() {
    }

    /** Sets {@link #ORDER} to the software pipeline when this machine can only emulate OpenGL; before JavaFX starts. */
    static void choose() {
        if (System.getProperty(ORDER) == null
                && softwareOnly(System.getProperty("os.name", ""), Path.of("/dev"), System.getenv())) {
            System.setProperty(ORDER, "sw");
            LOG.info("No graphics device found (no /dev/dri or NVIDIA device): drawing with JavaFX's software "
                    + "renderer rather than OpenGL emulated in software.");
        }
    }

    /**
     * True on Linux when OpenGL would be emulated in software: Mesa is told to ({@code LIBGL_ALWAYS_SOFTWARE}), or
     * {@code dev} has no DRM device ({@code dri/card*}, {@code dri/renderD*}) and no NVIDIA device node.
     */
    static boolean softwareOnly(String os, Path dev, Map<String, String> env) {
        if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        String forced = env.getOrDefault("LIBGL_ALWAYS_SOFTWARE", "");
        if (forced.equals("1") || forced.equalsIgnoreCase("true")) {
            return true;
        }
        if (Files.exists(dev.resolve("nvidiactl")) || Files.exists(dev.resolve("nvidia0"))) {
            return false;
        }
        try (Stream<Path> dri = Files.list(dev.resolve("dri"))) {
            return dri.map(p -> p.getFileName().toString())
                    .noneMatch(n -> n.startsWith("card") || n.startsWith("renderD"));
        } catch (IOException e) {
            return true;   // no /dev/dri at all: a container, a VM without a virtual GPU, a headless server
        }
    }
}
