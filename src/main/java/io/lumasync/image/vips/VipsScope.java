package io.lumasync.image.vips;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Owns everything native made for one piece of work: the images (unreferenced on close, newest first) and the
 * input buffers (libvips reads them lazily, so they must outlive every image made from them). Use from one thread,
 * in try-with-resources.
 */
// The libvips binding is where native calls belong: FFM's restricted methods are its job (the launchers
// enable native access for it).
@SuppressWarnings("restricted")
public final class VipsScope implements AutoCloseable {
    private final Vips vips;
    private final Arena arena = Arena.ofConfined();
    private final Deque<VipsImage> images = new ArrayDeque<>();
    private WorkLimit limit;
    private long limitId;

    VipsScope(Vips vips) {
        this.vips = vips;
    }

    /**
     * Bounds all later work of this scope: every image made from now on is watched, and its computations are
     * killed between tiles once {@code limit} says stop (they then fail with a {@link VipsException}; ask the
     * limit why). Computing calls also check the limit before they start.
     */
    public void limit(WorkLimit limit) {
        if (this.limit != null) {
            throw new IllegalStateException("this scope already has a limit");
        }
        this.limit = limit;
        this.limitId = vips.watchdog().register(limit);
    }

    /** Opens an image file lazily: only the header is read until pixels are needed. */
    public VipsImage open(Path file, Opt... opts) throws VipsException {
        MemorySegment p = (MemorySegment) vips.call(arena, "vips_image_new_from_file", ADDRESS,
                new Object[]{arena.allocateFrom(file.toString())}, opts);
        return own(p);
    }

    /**
     * Opens a file with one loader, by its nickname (e.g. "jpegload"), lazily: whatever the content looks like,
     * no other loader reads it.
     */
    public VipsImage load(String loader, Path file, Opt... opts) throws VipsException {
        MemorySegment out = arena.allocate(ADDRESS);
        check(vips.call(arena, "vips_" + loader, JAVA_INT, new Object[]{arena.allocateFrom(file.toString()), out},
                opts));
        return own(out.get(ADDRESS, 0));
    }

    /** Opens bytes in memory with one loader (e.g. "jpegload" calls vips_jpegload_buffer); bytes are copied. */
    public VipsImage load(String loader, byte[] bytes, Opt... opts) throws VipsException {
        MemorySegment out = arena.allocate(ADDRESS);
        check(vips.call(arena, "vips_" + loader + "_buffer", JAVA_INT,
                new Object[]{copyIn(bytes), (long) bytes.length, out}, opts));
        return own(out.get(ADDRESS, 0));
    }

    /** Opens an image held in memory (also lazily; the bytes are copied into this scope). */
    public VipsImage open(byte[] bytes, String optionString, Opt... opts) throws VipsException {
        MemorySegment buf = copyIn(bytes);
        MemorySegment p = (MemorySegment) vips.call(arena, "vips_image_new_from_buffer", ADDRESS,
                new Object[]{buf, (long) bytes.length, arena.allocateFrom(optionString)}, opts);
        return own(p);
    }

    /**
     * Maps a file read-only for the life of this scope, for decoders of our own: only the pages read are loaded,
     * and nothing lands on the Java heap.
     */
    public MemorySegment map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
        }
    }

    /** Native memory for decoded pixels, freed when this scope closes (after every image made over it). */
    public SegmentAllocator pixelMemory() {
        return arena::allocate;
    }

    /**
     * An image over pixels in this scope's {@link #pixelMemory()} (band-interleaved rows, samples in the platform's
     * byte order), without copying them; {@code interpretation} says what the bands mean (see {@link VipsEnums}).
     */
    public VipsImage fromMemory(MemorySegment pixels, int width, int height, int bands, int bandFormat,
                                int interpretation) throws VipsException {
        MemorySegment p = (MemorySegment) vips.checked("vips_image_new_from_memory",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), -1,
                pixels, pixels.byteSize(), width, height, bands, bandFormat);
        return apply("vips_copy", own(p), Opt.of("interpretation", interpretation));
    }

    /** Loads with shrink-on-load and resizes so the image fits {@code width} (and the "height" option). */
    public VipsImage thumbnail(Path file, String loadOptions, int width, Opt... opts) throws VipsException {
        MemorySegment out = arena.allocate(ADDRESS);
        check(vips.call(arena, "vips_thumbnail", JAVA_INT,
                new Object[]{arena.allocateFrom(file + loadOptions), out, width}, opts));
        return own(out.get(ADDRESS, 0));
    }

    public VipsImage thumbnail(byte[] bytes, int width, Opt... opts) throws VipsException {
        MemorySegment out = arena.allocate(ADDRESS);
        check(vips.call(arena, "vips_thumbnail_buffer", JAVA_INT,
                new Object[]{copyIn(bytes), (long) bytes.length, out, width}, opts));
        return own(out.get(ADDRESS, 0));
    }

    /**
     * Runs a one-image operation of the shape {@code vips_NAME(VipsImage *in, VipsImage **out, extra..., ...)},
     * e.g. ("vips_autorot", in), ("vips_icc_transform", in, "srgb"), ("vips_colourspace", in, 22).
     * String extras are passed as C strings.
     */
    public VipsImage apply(String function, VipsImage in, Object[] extra, Opt... opts) throws VipsException {
        MemorySegment out = arena.allocate(ADDRESS);
        Object[] fixed = new Object[2 + extra.length];
        fixed[0] = in.handle();
        fixed[1] = out;
        for (int i = 0; i < extra.length; i++) {
            fixed[2 + i] = extra[i] instanceof String s ? arena.allocateFrom(s) : extra[i];
        }
        check(vips.call(arena, function, JAVA_INT, fixed, opts));
        return own(out.get(ADDRESS, 0));
    }

    public VipsImage apply(String function, VipsImage in, Opt... opts) throws VipsException {
        return apply(function, in, new Object[0], opts);
    }

    /**
     * Runs a two-image operation of the shape {@code vips_NAME(VipsImage *a, VipsImage *b, VipsImage **out,
     * extra..., ...)}, e.g. ("vips_join", left, right, {direction}) or ("vips_insert", main, sub, {x, y}).
     */
    public VipsImage combine(String function, VipsImage a, VipsImage b, Object[] extra, Opt... opts)
            throws VipsException {
        MemorySegment out = arena.allocate(ADDRESS);
        Object[] fixed = new Object[3 + extra.length];
        fixed[0] = a.handle();
        fixed[1] = b.handle();
        fixed[2] = out;
        System.arraycopy(extra, 0, fixed, 3, extra.length);
        check(vips.call(arena, function, JAVA_INT, fixed, opts));
        return own(out.get(ADDRESS, 0));
    }

    /**
     * Computes the image into memory. Needed before encoding one prepared image several times (several formats,
     * a quality search): a file opened for sequential streaming can be read only once.
     */
    public VipsImage inMemory(VipsImage in) throws VipsException {
        checkLimit();
        MemorySegment p = (MemorySegment) vips.checked("vips_image_copy_memory",
                FunctionDescriptor.of(ADDRESS, ADDRESS), -1, in.handle());
        return own(p);
    }

    /** Encodes with a {@code vips_*save_buffer} saver, e.g. "vips_webpsave_buffer". */
    public byte[] save(String saver, VipsImage in, Opt... opts) throws VipsException {
        checkLimit();
        MemorySegment buf = arena.allocate(ADDRESS);
        MemorySegment len = arena.allocate(JAVA_LONG);
        check(vips.call(arena, saver, JAVA_INT, new Object[]{in.handle(), buf, len}, opts));
        return takeBuffer(buf.get(ADDRESS, 0), len.get(JAVA_LONG, 0));
    }

    /** Computes the image and returns its pixels, band-interleaved, row by row. */
    public byte[] pixels(VipsImage in) throws VipsException {
        checkLimit();
        MemorySegment len = arena.allocate(JAVA_LONG);
        MemorySegment p = (MemorySegment) vips.checked("vips_image_write_to_memory",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS), -1, in.handle(), len);
        return takeBuffer(p, len.get(JAVA_LONG, 0));
    }

    // ---- metadata --------------------------------------------------------------------------------------------

    /** The names of all metadata fields (e.g. "exif-ifd3-GPSLatitude", "icc-profile-data", "xmp-data"). */
    public List<String> fields(VipsImage image) {
        MemorySegment arr = (MemorySegment) vips.invoke("vips_image_get_fields",
                FunctionDescriptor.of(ADDRESS, ADDRESS), -1, image.handle());
        List<String> names = new ArrayList<>();
        MemorySegment a = arr.reinterpret(Long.MAX_VALUE);
        for (long i = 0; ; i++) {
            MemorySegment s = a.getAtIndex(ADDRESS, i);
            if (s.equals(MemorySegment.NULL)) {
                break;
            }
            names.add(s.reinterpret(Long.MAX_VALUE).getString(0));
        }
        vips.invoke("g_strfreev", FunctionDescriptor.ofVoid(ADDRESS), -1, arr);
        return names;
    }

    public boolean has(VipsImage image, String field) {
        long type = (long) vips.invoke("vips_image_get_typeof", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS), -1,
                image.handle(), arena.allocateFrom(field));
        return type != 0;
    }

    /** Removes a metadata field. Only on an image this scope made with "vips_copy": others may be shared. */
    public void remove(VipsImage image, String field) {
        vips.invoke("vips_image_remove", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), -1,
                image.handle(), arena.allocateFrom(field));
    }

    public Optional<byte[]> blob(VipsImage image, String field) {
        if (!has(image, field)) {
            return Optional.empty();
        }
        MemorySegment data = arena.allocate(ADDRESS);
        MemorySegment len = arena.allocate(JAVA_LONG);
        if (!getter("vips_image_get_blob", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS),
                image.handle(), arena.allocateFrom(field), data, len)) {
            return Optional.empty();
        }
        long n = len.get(JAVA_LONG, 0);
        return Optional.of(data.get(ADDRESS, 0).reinterpret(n).toArray(JAVA_BYTE));
    }

    public void setBlob(VipsImage image, String field, byte[] value) {
        vips.invoke("vips_image_set_blob_copy", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG), -1,
                image.handle(), arena.allocateFrom(field), copyIn(value), (long) value.length);
    }

    /** A metadata field as text (libvips formats EXIF tags as "value (description, type, n components)"). */
    public Optional<String> string(VipsImage image, String field) {
        if (!has(image, field)) {
            return Optional.empty();
        }
        MemorySegment out = arena.allocate(ADDRESS);
        if (!getter("vips_image_get_string", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS),
                image.handle(), arena.allocateFrom(field), out)) {
            return Optional.empty();
        }
        return Optional.of(out.get(ADDRESS, 0).reinterpret(Long.MAX_VALUE).getString(0));
    }

    public Optional<Integer> integer(VipsImage image, String field) {
        if (!has(image, field)) {
            return Optional.empty();
        }
        MemorySegment out = arena.allocate(JAVA_INT);
        if (!getter("vips_image_get_int", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS),
                image.handle(), arena.allocateFrom(field), out)) {
            return Optional.empty();
        }
        return Optional.of(out.get(JAVA_INT, 0));
    }

    public void setInt(VipsImage image, String field, int value) {
        vips.invoke("vips_image_set_int", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_INT), -1,
                image.handle(), arena.allocateFrom(field), value);
    }

    /** How many images this scope holds now; {@link #release} later lets go of those made after this point. */
    public int mark() {
        return images.size();
    }

    /**
     * Unreferences the images made since {@code mark}, newest first, before the scope closes: a decoded candidate
     * of a quality search, and the decoder state libvips keeps behind it until it is unreferenced, go as soon as its
     * pixels have been copied out rather than piling up until the image is done. None of them may be used after.
     */
    public void release(int mark) {
        while (images.size() > mark) {
            vips.unref(images.pop().handle());
        }
    }

    @Override
    public void close() {
        while (!images.isEmpty()) {
            vips.unref(images.pop().handle());
        }
        if (limit != null) {
            vips.watchdog().unregister(limitId);
        }
        arena.close();
    }

    private void checkLimit() throws VipsException {
        if (limit != null) {
            limit.check();
        }
    }

    /**
     * A metadata getter that can fail (wrong type); its error goes through the shared error log like any other
     * failure, so a concurrent failing image is told its message may be mixed. The field is then taken as absent.
     */
    private boolean getter(String function, FunctionDescriptor fd, Object... args) {
        try {
            vips.checked(function, fd, -1, args);
            return true;
        } catch (VipsException e) {
            return false;
        }
    }

    private VipsImage own(MemorySegment p) throws VipsException {
        if (p.equals(MemorySegment.NULL)) {
            throw new VipsException("libvips returned no image");   // call() already threw libvips' own message
        }
        VipsImage image = new VipsImage(vips, p);
        images.push(image);
        if (limit != null) {
            vips.watchdog().watch(p, limitId);
        }
        return image;
    }

    private void check(Object rc) throws VipsException {
        if ((int) rc != 0) {
            throw new VipsException("libvips failed without a message");   // call() already threw libvips' own
        }
    }

    private MemorySegment copyIn(byte[] bytes) {
        MemorySegment seg = arena.allocate(Math.max(1, bytes.length));
        MemorySegment.copy(bytes, 0, seg, JAVA_BYTE, 0, bytes.length);
        return seg;
    }

    private byte[] takeBuffer(MemorySegment p, long n) {
        try {
            return p.reinterpret(n).toArray(JAVA_BYTE);
        } finally {
            vips.free(p);
        }
    }
}
