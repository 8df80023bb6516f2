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

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Our binding to the libvips C API through the FFM API: a handful of typed entry points. libvips' operations take a
 * NULL-terminated list of optional name/value pairs (C varargs); each distinct shape of call gets its own downcall
 * handle, made once and cached. Thread-safe: libvips is, and the handles are immutable.
 * Obtain the process-wide instance with {@link VipsLoader#load()}.
 */
public final class Vips {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout SIZE_T = JAVA_LONG;

    private final SymbolLookup lookup;
    private final Path library;
    private final Map<String, MethodHandle> handles = new ConcurrentHashMap<>();
    private final String version;

    Vips(SymbolLookup lookup, Path library) throws VipsException {
        this.lookup = lookup;
        this.library = library;
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) invoke("vips_init", FunctionDescriptor.of(JAVA_INT, ADDRESS), -1,
                    arena.allocateFrom("lumasync"));
            if (rc != 0) {
                throw new VipsException("vips_init failed: " + takeError());
            }
        }
        GLibLog.install(this);
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
            int rc = (int) call(arena, "vips_profile_load", JAVA_INT, new Object[]{arena.allocateFrom(name), blob});
            if (rc != 0) {
                throw new VipsException(takeError());
            }
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

    int intGetter(String function, VipsImage image) {
        return (int) invoke(function, FunctionDescriptor.of(JAVA_INT, ADDRESS), -1, image.handle());
    }

    void unref(MemorySegment object) {
        invoke("g_object_unref", FunctionDescriptor.ofVoid(ADDRESS), -1, object);
    }

    void free(MemorySegment memory) {
        invoke("g_free", FunctionDescriptor.ofVoid(ADDRESS), -1, memory);
    }

    /**
     * Calls a libvips function whose fixed arguments are {@code fixed} (MemorySegment, Integer, Long for size_t,
     * Double) followed by the optional arguments and a terminating NULL.
     *
     * @return the C return value (Integer for int functions, MemorySegment for pointer functions)
     */
    Object call(Arena arena, String function, MemoryLayout returns, Object[] fixed, Opt... opts) {
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
            return invoke(function, fd, fixed.length, args.toArray());
        } finally {
            arrays.forEach(a -> invoke("vips_area_unref", FunctionDescriptor.ofVoid(ADDRESS), -1, a));
        }
    }

    /** Reads and clears libvips' error buffer. */
    String takeError() {
        MemorySegment p = (MemorySegment) invoke("vips_error_buffer", FunctionDescriptor.of(ADDRESS), -1);
        String text = p.equals(MemorySegment.NULL) ? "" : p.reinterpret(Long.MAX_VALUE).getString(0).strip();
        invoke("vips_error_clear", FunctionDescriptor.ofVoid(), -1);
        return text.isEmpty() ? "unknown libvips error" : text;
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
