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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * BMP and Photoshop files, which the bundled libvips cannot read (its build leaves out the ImageMagick loader):
 * our own decoders turn them into pixels in the scope's native memory, handed to libvips as an image with its
 * colour profile, so the pipeline's colour, resize and encode rules apply to them like to any other input.
 */
final class OwnDecoders {
    private OwnDecoders() {
    }

    static boolean handles(ImageFormat format) {
        return format == ImageFormat.BMP || format == ImageFormat.PSD;
    }

    /**
     * Refuses a decompression bomb from the first bytes ({@code head}), then reads the file and checks the rest
     * of its header. No pixel memory exists yet.
     */
    static PixelReader reader(ImageFormat format, Path path, byte[] head, String name, long size,
                              ImageLimits limits) throws LumasyncException {
        try {
            PixelReader.Size announced = format == ImageFormat.BMP ? BmpReader.size(head) : PsdReader.size(head);
            limits.check(name, announced.width(), announced.height(), 1);
        } catch (DecodeException e) {
            throw words(name, e);
        }
        String kind = format == ImageFormat.BMP ? "BMP" : "Photoshop";
        if (size > Integer.MAX_VALUE - 64) {
            throw LumasyncException.giveUp(name + ": this " + kind + " file is larger than 2 GB, more than Lumasync "
                    + "can read. Save a smaller copy (or a TIFF) and publish that.");
        }
        PixelReader reader;
        try {
            byte[] bytes = Files.readAllBytes(path);
            reader = format == ImageFormat.BMP ? new BmpReader(bytes) : new PsdReader(bytes);
        } catch (IOException e) {
            throw new LumasyncException(ErrorKind.GIVE_UP, name + ": cannot be read (" + e.getMessage() + ").", e);
        } catch (DecodeException e) {
            throw words(name, e);
        }
        return reader;
    }

    /** Decodes into the scope's memory and wraps the pixels as a libvips image; adds the decoder's notes. */
    static VipsImage image(VipsScope scope, PixelReader reader, String name, List<String> notes)
            throws VipsException, LumasyncException {
        Decoded d;
        try {
            d = reader.read(scope.pixelMemory());
        } catch (DecodeException e) {
            throw words(name, e);
        } catch (OutOfMemoryError e) {
            // Native memory for the pixels could not be had: say so instead of dying.
            throw new LumasyncException(ErrorKind.GIVE_UP, name + ": not enough memory to open this "
                    + reader.width() + " × " + reader.height() + " picture right now. Close other programs, or "
                    + "publish fewer photos at once, and retry.", e);
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

    private static LumasyncException words(String name, DecodeException e) {
        return new LumasyncException(ErrorKind.GIVE_UP, name + ": " + e.getMessage(), e);
    }
}
