package io.lumasync.image;

import io.lumasync.core.ErrorKind;
import io.lumasync.core.LumasyncException;

import java.util.Locale;

/** Turns libvips' technical error text into a sentence a photographer can act on (keeping libvips' words). */
final class ErrorWords {
    private ErrorWords() {
    }

    static LumasyncException from(String name, Exception e) {
        String raw = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ").strip();
        String m = raw.toLowerCase(Locale.ROOT);
        String text;
        if (m.contains("truncat") || m.contains("premature end") || m.contains("unexpected end")
                || m.contains("out of order") || m.contains("read error") || m.contains("corrupt")
                || m.contains("invalid") || m.contains("bad huffman") || m.contains("crc error")) {
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
        return new LumasyncException(ErrorKind.GIVE_UP, text + (raw.isEmpty() ? "" : " (libvips: " + raw + ")"), e);
    }
}
