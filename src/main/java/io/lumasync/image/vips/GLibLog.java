package io.lumasync.image.vips;

import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Routes libvips' GLib log messages (domain "VIPS") to the Java logger instead of the terminal. libvips warns on
 * harmless oddities of real photos ("unknown EXIF resolution unit") straight to stderr, which a photographer running
 * the CLI would read as a failure; what matters about an image reaches the user through the pipeline's notes and
 * errors, and the warnings stay available at debug level.
 */
// The libvips binding is where native calls belong: FFM's restricted methods are its job (the launchers
// enable native access for it).
@SuppressWarnings("restricted")
final class GLibLog {
    private static final System.Logger LOG = System.getLogger("io.lumasync.vips");
    private static final int LEVEL_CRITICAL = 1 << 3;
    private static final int LEVEL_WARNING = 1 << 4;
    private static final int LEVEL_MESSAGE = 1 << 5;

    private GLibLog() {
    }

    static void install(Vips vips) {
        try {
            MemorySegment handler = Linker.nativeLinker().upcallStub(MethodHandles.lookup().findStatic(GLibLog.class,
                            "log", MethodType.methodType(void.class, MemorySegment.class, int.class,
                                    MemorySegment.class, MemorySegment.class)),
                    FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, ADDRESS, ADDRESS), Arena.global());
            vips.invoke("g_log_set_handler", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS), -1,
                    Arena.global().allocateFrom("VIPS"), LEVEL_CRITICAL | LEVEL_WARNING | LEVEL_MESSAGE, handler,
                    MemorySegment.NULL);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // An older library without the symbol: its messages go to stderr as before.
            LOG.log(Level.DEBUG, "libvips messages stay on stderr: " + e.getMessage());
        }
    }

    /** The GLogFunc: runs on libvips' threads, so it must never throw. */
    private static void log(MemorySegment domain, int level, MemorySegment message, MemorySegment data) {
        try {
            String text = message.equals(MemorySegment.NULL) ? "" : message.reinterpret(64 * 1024).getString(0);
            LOG.log((level & LEVEL_CRITICAL) != 0 ? Level.WARNING : Level.DEBUG, "libvips: " + text);
        } catch (Throwable t) {
            // Nothing sensible to do inside a native callback.
        }
    }
}
