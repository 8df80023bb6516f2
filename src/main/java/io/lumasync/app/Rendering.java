package io.lumasync.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Keeps OpenGL out of the desktop app on a Linux machine without a graphics device. There, OpenGL can only be Mesa's
 * emulation on the processor (llvmpipe): JavaFX 25 rejects it and draws with its own software renderer anyway, but
 * only after loading Mesa to find that out, and GTK loads it too when it opens the display, to probe OpenGL visuals.
 * Mesa's compiler alone then holds ~44 MiB for as long as the app sits in the tray (docs/benchmarks.md). So JavaFX is
 * given its software renderer directly, and GTK is told not to probe ({@code GDK_GL=disable}). A machine with a GPU
 * keeps both as they are, and {@code -Dprism.order} set by the user (through {@code LUMASYNC_JAVA_OPTS}) always wins.
 */
// Sets one variable in the process's own C environment, which GTK reads: FFM's restricted methods are needed for
// that (the launchers enable native access).
@SuppressWarnings("restricted")
final class Rendering {
    static final String ORDER = "prism.order";
    static final String GDK_GL = "GDK_GL";
    private static final Logger LOG = LoggerFactory.getLogger(Rendering.class);
    /** True while {@code GDK_GL} is in the environment because {@link #choose} put it there. */
    private static boolean gdkGlSet;

    private Rendering() {
    }

    /** Software rendering throughout when this machine can only emulate OpenGL; call before JavaFX starts. */
    static void choose() {
        if (System.getProperty(ORDER) == null
                && softwareOnly(System.getProperty("os.name", ""), Path.of("/dev"), System.getenv())) {
            System.setProperty(ORDER, "sw");
            boolean userSet = getenv(GDK_GL) != null;
            gdkGlSet = !userSet && setenv(GDK_GL, "disable");
            boolean gtk = userSet || gdkGlSet;
            LOG.info("No graphics device found (no /dev/dri or NVIDIA device): drawing with JavaFX's software "
                    + "renderer{}.", gtk ? "" : " (GTK may still load OpenGL emulated in software)");
        }
    }

    /**
     * Once JavaFX has started (GTK has read {@code GDK_GL} and opened the display), takes the variable out again, so
     * that programs started from the app (a browser for a sign-in) do not inherit it.
     */
    static void started() {
        if (gdkGlSet) {
            gdkGlSet = !unsetenv(GDK_GL);
        }
    }

    /** unsetenv(3); false when the C library has none or refuses. */
    static boolean unsetenv(String name) {
        return libc("unsetenv", FunctionDescriptor.of(JAVA_INT, ADDRESS), (h, arena) ->
                (int) h.invokeExact(arena.allocateFrom(name)) == 0, false);
    }

    /** setenv(3) without overwriting; false when the C library has none or refuses. */
    static boolean setenv(String name, String value) {
        return libc("setenv", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT), (h, arena) ->
                (int) h.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 0) == 0, false);
    }

    /** getenv(3): the C environment, which {@link System#getenv} does not see change. Null when unset. */
    static String getenv(String name) {
        return libc("getenv", FunctionDescriptor.of(ADDRESS, ADDRESS), (h, arena) -> {
            MemorySegment v = (MemorySegment) h.invokeExact(arena.allocateFrom(name));
            return v.equals(MemorySegment.NULL) ? null : v.reinterpret(Long.MAX_VALUE).getString(0);
        }, null);
    }

    /** One call into the C library's {@code function}. */
    @FunctionalInterface
    private interface Call<T> {
        T with(MethodHandle function, Arena arena) throws Throwable;
    }

    /** {@code call} on the C library's {@code function}, or {@code otherwise} when it has none or the call fails. */
    private static <T> T libc(String function, FunctionDescriptor signature, Call<T> call, T otherwise) {
        Optional<MemorySegment> address = Linker.nativeLinker().defaultLookup().find(function);
        if (address.isEmpty()) {
            return otherwise;
        }
        MethodHandle h = Linker.nativeLinker().downcallHandle(address.get(), signature);
        try (Arena arena = Arena.ofConfined()) {
            return call.with(h, arena);
        } catch (Throwable e) {
            return otherwise;
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
