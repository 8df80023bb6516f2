package io.lumasync.image.vips;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Our binding to the libvips C API through the FFM API: a handful of typed entry points. libvips' operations take a
 * NULL-terminated list of optional name/value pairs (C varargs); each distinct shape of call gets its own downcall
 * handle, made once and cached. Thread-safe: libvips is, and the handles are immutable.
 * Obtain the process-wide instance with {@link VipsLoader#load()}.
 *
 * <p>Errors: libvips 8.18 keeps one error log for the whole process and offers no way to tie a message to the
 * call that logged it (libvips issues #707 and #5010). Two images failing at the same moment would read, merge or
 * clear each other's messages. So each failing call takes the log atomically ({@code vips_error_buffer_copy})
 * and knows whether any other call that can fail was in flight between its start and that read; if one was, its
 * {@link VipsException#uncertain()} is true and the caller can run the work again {@link #alone alone}, with no
 * other call in flight, to get the file's own message.
 */
// The libvips binding is where native calls belong: FFM's restricted methods are its job (the launchers
// enable native access for it).
@SuppressWarnings("restricted")
public final class Vips {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout SIZE_T = JAVA_LONG;

    private final SymbolLookup lookup;
    private final Path library;
    private final Map<String, MethodHandle> handles = new ConcurrentHashMap<>();
    private final String version;
    /** Calls that can fail share this lock; {@link #alone} takes it exclusively. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Bumped whenever a call that can fail starts while another one is in flight. */
    private final AtomicLong overlaps = new AtomicLong();
    private final Watchdog watchdog = new Watchdog(this);

    Vips(SymbolLookup lookup, Path library) throws VipsException {
        this.lookup = lookup;
        this.library = library;
        NativeHeap.tune();
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) invoke("vips_init", FunctionDescriptor.of(JAVA_INT, ADDRESS), -1,
                    arena.allocateFrom("lumasync"));
            if (rc != 0) {
                throw new VipsException("vips_init failed: " + drainErrors());
            }
        }
        GLibLog.install(this);
        Loaders.blockAllButInputs(this);
        // No operation cache: a thumbnail is cached by file name, so a changed file of the same name would be
        // answered from the cache; and caching would hold memory between unrelated images.
        invoke("vips_cache_set_max", FunctionDescriptor.ofVoid(JAVA_INT), -1, 0);
        MemorySegment v = (MemorySegment) invoke("vips_version_string", FunctionDescriptor.of(ADDRESS), -1);
        this.version = v.reinterpret(Long.MAX_VALUE).getString(0);
    }

    /** The libvips version, e.g. "8.18.7". */
    public String version() {
        return version;
    }

    /** The shared library file that was loaded. */
    public Path library() {
        return library;
    }

    /** Sets the number of worker threads libvips uses per image pipeline. */
    public void concurrency(int threads) {
        invoke("vips_concurrency_set", FunctionDescriptor.ofVoid(JAVA_INT), -1, threads);
    }

    /**
     * One of the colour profiles built into libvips ("srgb", "p3", "cmyk") as ICC bytes, e.g. to write a test
     * image or to show the user which CMYK profile is assumed.
     */
    public byte[] profile(String name) throws VipsException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment blob = arena.allocate(ADDRESS);
            call(arena, "vips_profile_load", JAVA_INT, new Object[]{arena.allocateFrom(name), blob});
            MemorySegment area = blob.get(ADDRESS, 0);
            MemorySegment len = arena.allocate(JAVA_LONG);
            MemorySegment data = (MemorySegment) invoke("vips_area_get_data",
                    FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS), -1,
                    area, len, MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL);
            byte[] bytes = data.reinterpret(len.get(JAVA_LONG, 0)).toArray(ValueLayout.JAVA_BYTE);
            invoke("vips_area_unref", FunctionDescriptor.ofVoid(ADDRESS), -1, area);
            return bytes;
        }
    }

    /** Opens a scope that owns the images and buffers of one piece of work. */
    public VipsScope scope() {
        return new VipsScope(this);
    }

    // ---- calls used by VipsScope and VipsImage -------------------------------------------------------------

    Watchdog watchdog() {
        return watchdog;
    }

    int intGetter(String function, VipsImage image) {
        return (int) invoke(function, FunctionDescriptor.of(JAVA_INT, ADDRESS), -1, image.handle());
    }

    void unref(MemorySegment object) {
        invoke("g_object_unref", FunctionDescriptor.ofVoid(ADDRESS), -1, object);
    }

    void free(MemorySegment memory) {
        invoke("g_free", FunctionDescriptor.ofVoid(ADDRESS), -1, memory);
    }

    /** Work run by {@link #alone}. */
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code work} while no other thread is inside a libvips call that can fail (they wait), with the error
     * log emptied first: every error raised inside is this work's own. For rare use: re-running an image whose
     * failure coincided with another's.
     */
    public <T, E extends Exception> T alone(Work<T, E> work) throws E {
        Lock exclusive = gate.writeLock();
        exclusive.lock();
        try {
            drainErrors();
            return work.run();
        } finally {
            exclusive.unlock();
        }
    }

    /**
     * Calls a libvips function whose fixed arguments are {@code fixed} (MemorySegment, Integer, Long for size_t,
     * Double) followed by the optional arguments and a terminating NULL. The function reports failure the libvips
     * way (a non-zero int or a NULL pointer), which becomes a {@link VipsException}.
     *
     * @return the C return value (Integer for int functions, MemorySegment for pointer functions)
     */
    Object call(Arena arena, String function, MemoryLayout returns, Object[] fixed, Opt... opts)
            throws VipsException {
        List<MemoryLayout> layouts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        List<MemorySegment> arrays = new ArrayList<>();
        for (Object a : fixed) {
            layouts.add(layoutOf(a));
            args.add(a);
        }
        for (Opt o : opts) {
            layouts.add(ADDRESS);
            args.add(arena.allocateFrom(o.name()));
            Object v = switch (o.value()) {
                case Boolean b -> b ? 1 : 0;
                case String s -> arena.allocateFrom(s);
                case VipsImage img -> img.handle();
                case double[] d -> {
                    MemorySegment array = (MemorySegment) invoke("vips_array_double_new",
                            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT), -1, arena.allocateFrom(JAVA_DOUBLE, d),
                            d.length);
                    arrays.add(array);
                    yield array;
                }
                default -> o.value();
            };
            layouts.add(layoutOf(v));
            args.add(v);
        }
        layouts.add(ADDRESS);
        args.add(MemorySegment.NULL);
        MemoryLayout[] array = layouts.toArray(MemoryLayout[]::new);
        FunctionDescriptor fd = returns == null ? FunctionDescriptor.ofVoid(array) : FunctionDescriptor.of(returns, array);
        try {
            return checked(function, fd, fixed.length, args.toArray());
        } finally {
            arrays.forEach(a -> invoke("vips_area_unref", FunctionDescriptor.ofVoid(ADDRESS), -1, a));
        }
    }

    /**
     * Calls a libvips function that reports failure through the error log (returning a non-zero int or NULL) and
     * turns a failure into a {@link VipsException} carrying the log's text, read before any other call of ours
     * can start or end. Getters that cannot fail go through {@link #invoke} instead.
     */
    Object checked(String function, FunctionDescriptor fd, int firstVariadic, Object... args) throws VipsException {
        Lock shared = gate.readLock();
        shared.lock();
        long seen = overlaps.get();
        if (inFlight.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        try {
            Object result = invoke(function, fd, firstVariadic, args);
            boolean failed = result instanceof Integer rc ? rc != 0 : MemorySegment.NULL.equals(result);
            // Taken after success too: some calls that succeed still log lines (e.g. "source: bad seek" while
            // sniffing formats), which must not be blamed on the next failure.
            String text = drainErrors();
            if (!failed) {
                return result;
            }
            boolean alone = gate.isWriteLockedByCurrentThread() || overlaps.get() == seen;
            throw new VipsException(text.isEmpty() ? "unknown libvips error" : text, !alone);
        } finally {
            inFlight.decrementAndGet();
            shared.unlock();
        }
    }

    /** Takes libvips' error log and empties it in one step (under libvips' own lock, so never a torn read). */
    private String drainErrors() {
        MemorySegment p = (MemorySegment) invoke("vips_error_buffer_copy", FunctionDescriptor.of(ADDRESS), -1);
        if (p.equals(MemorySegment.NULL)) {
            return "";
        }
        try {
            return p.reinterpret(Long.MAX_VALUE).getString(0).strip();
        } finally {
            free(p);
        }
    }

    Object invoke(String function, FunctionDescriptor fd, int firstVariadic, Object... args) {
        String key = function + fd + "/" + firstVariadic;
        MethodHandle h = handles.computeIfAbsent(key, k -> {
            MemorySegment symbol = lookup.find(function).orElseThrow(() -> new IllegalStateException(
                    "The libvips library " + library + " has no function " + function + " (too old a libvips?)"));
            return firstVariadic < 0 ? LINKER.downcallHandle(symbol, fd)
                    : LINKER.downcallHandle(symbol, fd, Linker.Option.firstVariadicArg(firstVariadic));
        });
        try {
            return h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static MemoryLayout layoutOf(Object value) {
        return switch (value) {
            case MemorySegment s -> ADDRESS;
            case Integer i -> JAVA_INT;
            case Long l -> SIZE_T;
            case Double d -> JAVA_DOUBLE;
            default -> throw new IllegalArgumentException("No C layout for " + value.getClass());
        };
    }

    static ValueLayout pointer() {
        return ADDRESS;
    }
}
