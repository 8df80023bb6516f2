package io.lumasync.image;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;
import io.lumasync.image.decode.BmpReader;
import io.lumasync.image.decode.DecodeException;
import io.lumasync.image.decode.Decoded;
import io.lumasync.image.decode.PixelReader;
import io.lumasync.image.decode.PsdReader;
import io.lumasync.image.vips.VipsEnums;
import io.lumasync.image.vips.VipsException;
import io.lumasync.image.vips.VipsImage;
import io.lumasync.image.vips.VipsScope;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;

/**
 * BMP and Photoshop files, which the bundled libvips cannot read (its build leaves out the ImageMagick loader):
 * our own decoders turn them into pixels in the scope's native memory, handed to libvips as an image with its
 * colour profile, so the pipeline's colour, resize and encode rules apply to them like to any other input.
 * The file is mapped, not read onto the Java heap: a layered Photoshop file can be many times its composite, and
 * the layers are never touched.
 */
final class OwnDecoders {
    private OwnDecoders() {
    }

    static boolean handles(ImageFormat format) {
        return format == ImageFormat.BMP || format == ImageFormat.PSD;
    }

    /** Refuses a decompression bomb from the file's first bytes, before anything else is read. */
    static void checkSize(ImageFormat format, byte[] head, String name, ImageLimits limits)
            throws LumasyncException {
        try {
            PixelReader.Size size = format == ImageFormat.BMP ? BmpReader.size(head) : PsdReader.size(head);
            limits.check(name, size.width(), size.height(), 1);
        } catch (DecodeException e) {
            throw words(name, e);
        }
    }

    /** Decodes into the scope's memory and wraps the pixels as a libvips image; adds the decoder's notes. */
    static VipsImage image(VipsScope scope, ImageFormat format, Path path, String name, ImageLimits limits,
                           List<String> notes) throws VipsException, LumasyncException {
        Decoded d;
        try {
            MemorySegment file = scope.map(path);
            PixelReader reader = format == ImageFormat.BMP ? new BmpReader(file) : new PsdReader(file);
            limits.check(name, reader.width(), reader.height(), 1);   // again: the file may have been replaced
            d = read(scope, reader, name);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, name + ": cannot be read (" + e.getMessage() + ").", e);
        } catch (DecodeException e) {
            throw words(name, e);
        } catch (InternalError e) {
            // A mapped file cut short while we read it (a sync client still writing it) faults this way.
            throw new LumasyncException(ErrorKind.GIVE_UP, name + ": the file changed while it was being read "
                    + "(is it still being copied?). It will be tried again on the next run.", e);
        }
        int interpretation = switch (d.space()) {
            case GREY -> d.sixteenBit() ? VipsEnums.INTERPRETATION_GREY16 : VipsEnums.INTERPRETATION_B_W;
            case RGB -> d.sixteenBit() ? VipsEnums.INTERPRETATION_RGB16 : VipsEnums.INTERPRETATION_SRGB;
            case CMYK -> VipsEnums.INTERPRETATION_CMYK;
        };
        VipsImage image = scope.fromMemory(d.pixels(), d.width(), d.height(), d.bands(),
                d.sixteenBit() ? VipsEnums.FORMAT_USHORT : VipsEnums.FORMAT_UCHAR, interpretation);
        if (d.icc().isPresent()) {
            scope.setBlob(image, "icc-profile-data", d.icc().get());
        }
        notes.addAll(d.notes());
        return image;
    }

    private static Decoded read(VipsScope scope, PixelReader reader, String name) throws DecodeException, LumasyncException {
        try {
            return reader.read(scope.pixelMemory());
        } catch (OutOfMemoryError e) {
            // Native memory for the pixels could not be had: say so instead of dying.
            throw new LumasyncException(ErrorKind.GIVE_UP, name + ": not enough memory to open this "
                    + reader.width() + " × " + reader.height() + " picture right now. Close other programs, or "
                    + "publish fewer photos at once, and retry.", e);
        }
    }

    private static LumasyncException words(String name, DecodeException e) {
        return new LumasyncException(ErrorKind.GIVE_UP, name + ": " + e.getMessage(), e);
    }
}
