package io.lumasync.image.vips;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Keeps the C heap behind libvips and its encoders from holding on to memory it no longer uses, on Linux (glibc).
 * glibc gives every thread that allocates its own arena, up to eight per core, and keeps freed memory in each; and
 * a buffer freed once raises the size below which later buffers come from those arenas rather than from pages of
 * their own. Image work is many threads allocating and freeing buffers of megabytes, so the process kept hundreds
 * of MiB it had freed: two 45 MP photos on the default route peaked at 1,140 MiB; 843 MiB with the arena limit alone,
 * and with both settings, a 280 MiB heap and the lighter quality check, 513 MiB (docs/benchmarks.md). Set before libvips starts its threads; elsewhere (macOS, Windows, musl) nothing is done.
 */
// Part of the native binding: FFM's restricted methods are its job (the launchers enable native access for it).
@SuppressWarnings("restricted")
final class NativeHeap {
    /** glibc's mallopt parameters (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_ARENA_MAX = -8;
    /** Two arenas: libvips' own threads are few, and more arenas mostly hold freed memory. */
    static final int ARENAS = 2;
    /** Buffers from 256 KiB up get pages of their own, handed back to the system when freed. */
    static final int OWN_PAGES_FROM = 256 << 10;

    private NativeHeap() {
    }

    /** Applies the settings; false when this C library has no mallopt (not Linux, or not glibc). */
    static boolean tune() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        Optional<MemorySegment> mallopt = Linker.nativeLinker().defaultLookup().find("mallopt");
        if (mallopt.isEmpty()) {
            return false;
        }
        MethodHandle h = Linker.nativeLinker().downcallHandle(mallopt.get(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        try {
            // mallopt answers 1 when it took the setting; all three must, or the memory bound is not what it says.
            return (int) h.invokeExact(M_ARENA_MAX, ARENAS) == 1
                    & (int) h.invokeExact(M_MMAP_THRESHOLD, OWN_PAGES_FROM) == 1
                    & (int) h.invokeExact(M_TRIM_THRESHOLD, OWN_PAGES_FROM) == 1;
        } catch (Throwable e) {
            return false;
        }
    }
}
