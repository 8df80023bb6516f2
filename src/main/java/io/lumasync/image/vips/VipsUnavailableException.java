package io.lumasync.image.vips;

/** libvips could not be found or loaded; the message lists the files tried and what went wrong. */
public final class VipsUnavailableException extends Exception {
    public VipsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
