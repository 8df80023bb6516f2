package io.lumasync.image.vips;

/** A libvips call failed; the message is libvips' own error text (it names the loader or saver that failed). */
public final class VipsException extends Exception {
    public VipsException(String message) {
        super(message);
    }
}
