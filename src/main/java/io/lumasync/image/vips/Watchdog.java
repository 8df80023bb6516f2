package io.lumasync.image.vips;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Stops libvips computations whose {@link WorkLimit} says stop. libvips emits an image's "eval" signal from its
 * worker threads as tiles complete; our handler asks the limit and, when it says stop, sets the image's kill flag,
 * which makes the computation fail at the next tile. One handler for the process; each image carries the number
 * of its limit as the signal's user data, so a late signal for finished work finds nothing and does nothing.
 */
// The libvips binding is where native calls belong: FFM's restricted methods are its job (the launchers
// enable native access for it).
@SuppressWarnings("restricted")
final class Watchdog {
    private final Vips vips;
    private final Map<Long, WorkLimit> limits = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final MemorySegment handler;
    private final MemorySegment evalSignal;

    Watchdog(Vips vips) {
        this.vips = vips;
        try {
            var onEval = MethodHandles.lookup().findVirtual(Watchdog.class, "onEval", MethodType.methodType(
                    void.class, MemorySegment.class, MemorySegment.class, MemorySegment.class)).bindTo(this);
            this.handler = Linker.nativeLinker().upcallStub(onEval,
                    FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS), Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        this.evalSignal = Arena.global().allocateFrom("eval");
    }

    long register(WorkLimit limit) {
        long id = ids.incrementAndGet();
        limits.put(id, limit);
        return id;
    }

    void unregister(long id) {
        limits.remove(id);
    }

    /** Has libvips report the image's progress to us under limit {@code id}. */
    void watch(MemorySegment image, long id) {
        vips.invoke("vips_image_set_progress", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT), -1, image, 1);
        vips.invoke("g_signal_connect_data", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, JAVA_INT), -1, image, evalSignal, handler, MemorySegment.ofAddress(id), MemorySegment.NULL, 0);
    }

    /** Called by libvips on its own threads: an exception must never escape into C. */
    private void onEval(MemorySegment image, MemorySegment progress, MemorySegment data) {
        try {
            WorkLimit limit = limits.get(data.address());
            if (limit != null && limit.shouldStop()) {
                vips.invoke("vips_image_set_kill", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT), -1, image, 1);
            }
        } catch (Throwable t) {
            // Nothing to report to: the computation then simply runs on, as it would without a limit.
        }
    }
}
