package io.lumasync.image;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.ImageFormat;
import io.lumasync.core.LumasyncException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;

/** Turns libvips' technical error text into a sentence a photographer can act on (keeping libvips' words). */
final class ErrorWords {
    private ErrorWords() {
    }

    /**
     * As {@link #from(String, Exception)}, knowing the file and the format its content was recognised as, for what
     * libvips words obscurely: a JPEG of more than 8 bits per sample ("Unsupported JPEG data precision 12") and a
     * recognised file libvips calls "not a known file format" (its header is intact, the rest damaged or missing).
     */
    static LumasyncException from(String name, Path file, ImageFormat format, Exception e) {
        OptionalInt precision = format == ImageFormat.JPEG ? JpegHeader.precision(file) : OptionalInt.empty();
        if (precision.isPresent() && precision.getAsInt() != 8) {
            return new LumasyncException(ErrorKind.GIVE_UP, name + ": " + precision.getAsInt() + "-bit JPEG is not "
                    + "supported; export an 8-bit JPEG or a 16-bit TIFF.", e);
        }
        String raw = raw(e);
        String lower = raw.toLowerCase(Locale.ROOT);
        // The sniffed format's loader could not even open it: libvips' words for the old way (any loader) and
        // for ours (that format's loader only).
        if (format != null && (lower.contains("not a known file format") || lower.contains("unable to open"))) {
            return giveUp(name + ": the file starts like a " + FormatPlan.label(format) + " image but the rest "
                    + "cannot be read: it is damaged or incomplete. Copy it again from the original source and "
                    + "retry.", raw, e);
        }
        return from(name, e);
    }

    static LumasyncException from(String name, Exception e) {
        String raw = raw(e);
        String m = raw.toLowerCase(Locale.ROOT);
        String text;
        if (m.contains("truncat") || m.contains("premature end") || m.contains("unexpected end")
                || m.contains("out of order") || m.contains("read error") || m.contains("corrupt")
                || m.contains("invalid") || m.contains("bad huffman") || m.contains("crc error")
                || m.contains("unable to parse") || m.contains("bad seek") || m.contains("seek error")
                || m.contains("failed to read")) {
            text = name + ": the file is truncated or corrupt, so it cannot be converted. Copy it again from the "
                    + "camera or the original source and retry.";
        } else if (m.contains("not a known file format") || m.contains("unsupported image format")) {
            text = name + ": this is not an image Lumasync can read (its content is not a known image format, "
                    + "whatever its name says).";
        } else if (m.contains("heif") && (m.contains("plugin") || m.contains("codec") || m.contains("hevc")
                || m.contains("unsupported"))) {
            text = name + ": this HEIC photo could not be decoded by the image engine. Export it as JPEG and "
                    + "publish that.";
        } else {
            text = name + ": the image could not be converted.";
        }
        return giveUp(text, raw, e);
    }

    private static String raw(Exception e) {
        return e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ").strip();
    }

    private static LumasyncException giveUp(String text, String raw, Exception e) {
        return new LumasyncException(ErrorKind.GIVE_UP, text + (raw.isEmpty() ? "" : " (libvips: " + raw + ")"), e);
    }
}
