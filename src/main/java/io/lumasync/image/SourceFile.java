package io.lumasync.image;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.image.vips.Opt;
import io.lumasync.image.vips.VipsEnums;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;
import io.lumasync.image.vips.WorkLimit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One input as the pipeline sees it: its format by content, and either the file itself (so libvips can stream it
 * and shrink on load) or, for camera RAW, the embedded preview JPEG in memory, or, for BMP and Photoshop files,
 * our own decoder (see {@link OwnDecoders}).
 */
final class SourceFile {
    /** A RAW preview smaller than this on its long edge is not worth publishing. */
    static final int MIN_RAW_PREVIEW = 1024;

    private final Path path;
    private final String name;
    private final ImageFormat format;
    private final long size;
    private final byte[] memory;
    private final List<String> notes;
    /** Set for the formats our own decoders read (BMP, PSD), which check a changed file against them again. */
    private final ImageLimits ownDecoderLimits;
    /** The image our own decoder made, and the scope that owns its pixels: decoded once per scope. */
    private VipsImage decoded;
    private VipsScope decodedIn;

    private SourceFile(Path path, String name, ImageFormat format, long size, byte[] memory, List<String> notes) {
        this(path, name, format, size, memory, notes, null);
    }

    private SourceFile(Path path, String name, ImageFormat format, long size, byte[] memory, List<String> notes,
                       ImageLimits ownDecoderLimits) {
        this.path = path;
        this.name = name;
        this.format = format;
        this.size = size;
        this.memory = memory;
        this.notes = notes;
        this.ownDecoderLimits = ownDecoderLimits;
    }

    /** Opens an input, refusing from its header one with more pixels than {@code limits} allow where we decode. */
    static SourceFile open(Path path, String name, ImageLimits limits) throws LumasyncException {
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(path)) {
            size = Files.size(path);
            head = in.readNBytes(FormatSniffer.HEAD);
        } catch (NoSuchFileException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, name + ": the file disappeared before it could be read.", e);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, name + ": cannot be read (" + e.getMessage() + ").", e);
        }
        if (size == 0) {
            throw LumasyncException.giveUp(name + ": the file is empty (0 bytes).");
        }
        ImageFormat format = FormatSniffer.sniff(head).orElseThrow(() -> LumasyncException.giveUp(
                name + ": this is not an image Lumasync can read (its content is not JPEG, PNG, WebP, AVIF, HEIC, "
                        + "GIF, TIFF, BMP, PSD or a camera RAW), whatever its name says."));
        if (OwnDecoders.handles(format)) {
            OwnDecoders.checkSize(format, head, name, limits);
            return new SourceFile(path, name, format, size, null, new ArrayList<>(), limits);
        }
        boolean raw = format == ImageFormat.RAW
                || (format == ImageFormat.TIFF && ImageFormat.fromExtension(name).orElse(null) == ImageFormat.RAW);
        if (!raw) {
            return new SourceFile(path, name, format, size, null, List.of());
        }
        return fromRaw(path, name, size);
    }

    private static SourceFile fromRaw(Path path, String name, long size) throws LumasyncException {
        byte[] all;
        try {
            all = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, name + ": cannot be read (" + e.getMessage() + ").", e);
        }
        RawPreview.Found preview = RawPreview.largest(all).orElseThrow(() -> LumasyncException.giveUp(name
                + ": this camera RAW file carries no embedded JPEG preview, and Lumasync publishes RAW photos from "
                + "that preview. Export a JPEG or TIFF from your RAW editor and publish that."));
        if (Math.max(preview.width(), preview.height()) < MIN_RAW_PREVIEW) {
            throw LumasyncException.giveUp(name + ": the largest preview inside this RAW file is only "
                    + preview.width() + " × " + preview.height() + " pixels, too small to publish. Export a JPEG "
                    + "from your RAW editor and publish that.");
        }
        byte[] jpeg = Arrays.copyOfRange(all, preview.offset(), preview.offset() + preview.length());
        return new SourceFile(null, name, ImageFormat.RAW, size, jpeg,
                List.of("Camera RAW: published the camera's embedded " + preview.width() + " × " + preview.height()
                        + " preview."));
    }

    /**
     * The same photo decoded by the system's libheif, for HEVC-coded HEIC the bundled libvips cannot read.
     * Only for HEIF inputs.
     */
    SourceFile viaSystemHeif(ImageLimits limits, WorkLimit work) throws LumasyncException {
        byte[] jpeg = SystemHeif.decode(path, name, limits, work);
        return new SourceFile(null, name, ImageFormat.HEIF, size, jpeg,
                List.of("HEIC (HEVC) decoded with the system's libheif."));
    }

    ImageFormat format() {
        return format;
    }

    long size() {
        return size;
    }

    String name() {
        return name;
    }

    List<String> notes() {
        return notes;
    }

    /** The original file's bytes (for "never bigger"); empty for RAW, whose original is never published. */
    byte[] originalBytes() throws IOException {
        return path == null ? new byte[0] : Files.readAllBytes(path);
    }

    /**
     * The libvips loader for the sniffed format: only it may read the file, so content that merely starts like
     * an image cannot reach another decoder. Inputs held in memory are JPEG (RAW previews, HEVC decoded by the
     * system).
     */
    private String loader() {
        if (memory != null) {
            return "jpegload";
        }
        return switch (format) {
            case JPEG, RAW -> "jpegload";
            case PNG -> "pngload";
            case GIF -> "gifload";
            case WEBP -> "webpload";
            case TIFF -> "tiffload";
            case AVIF, HEIF -> "heifload";
            default -> throw new IllegalStateException("no libvips loader for " + format);
        };
    }

    /** Opens the image lazily: libvips reads only the header (size, frames, profile) here; BMP and PSD decode. */
    VipsImage header(VipsScope scope) throws VipsException, LumasyncException {
        if (ownDecoderLimits != null) {
            return ownDecode(scope);
        }
        return memory != null ? scope.load(loader(), memory)
                : scope.load(loader(), path, Opt.of("access", VipsEnums.ACCESS_SEQUENTIAL));
    }

    /** Opens the whole image for decoding (no shrink-on-load), failing on a truncated file. */
    VipsImage decode(VipsScope scope) throws VipsException, LumasyncException {
        if (ownDecoderLimits != null) {
            return ownDecode(scope);
        }
        Opt failOn = Opt.of("fail_on", VipsEnums.FAIL_ON_TRUNCATED);
        return memory != null ? scope.load(loader(), memory, failOn) : scope.load(loader(), path, failOn);
    }

    /** Decodes (shrinking on load where the format allows), rotates upright and resizes to fit {@code max}. */
    VipsImage thumbnail(VipsScope scope, int max, boolean allFrames, Opt... opts)
            throws VipsException, LumasyncException {
        if (ownDecoderLimits != null) {
            return scope.apply("vips_thumbnail_image", ownDecode(scope), new Object[]{max}, opts);
        }
        Opt[] all = Arrays.copyOf(opts, opts.length + 1);
        all[opts.length] = Opt.of("fail_on", VipsEnums.FAIL_ON_TRUNCATED);
        VipsImage img = memory != null ? scope.thumbnail(memory, max, all)
                : scope.thumbnail(path, allFrames ? "[n=-1]" : "", max, all);
        // vips_thumbnail chooses its loader from the content (that is how it shrinks on load): make sure it
        // chose the sniffed format's before any pixel is computed.
        String used = scope.string(img, "vips-loader").orElse("");
        if (!used.startsWith(loader())) {
            throw LumasyncException.giveUp(name + ": its first bytes say " + format.name() + " but the rest of the "
                    + "file is " + (used.isEmpty() ? "something else" : "read as " + used.replace("load", "")
                    .replace("_buffer", "")) + ", so it was not converted. Files disguised this way are usually "
                    + "built to attack image software; export the photo again from its original.");
        }
        return img;
    }

    /** Our decoders read the whole picture at once (there is no header-only pass to save): keep it per scope. */
    private VipsImage ownDecode(VipsScope scope) throws VipsException, LumasyncException {
        if (decodedIn != scope) {
            decoded = OwnDecoders.image(scope, format, path, name, ownDecoderLimits, notes);
            decodedIn = scope;
        }
        return decoded;
    }
}
