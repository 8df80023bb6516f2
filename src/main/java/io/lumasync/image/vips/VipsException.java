package io.lumasync.image.vips;

/** A libvips call failed; the message is libvips' own error text (it names the loader or saver that failed). */
public final class VipsException extends Exception {
    private final boolean uncertain;

    public VipsException(String message) {
        this(message, false);
    }

    VipsException(String message, boolean uncertain) {
        super(message);
        this.uncertain = uncertain;
    }

    /**
     * True when another libvips call that can fail ran at the same time, so libvips' process-wide error log may
     * have mixed that call's message into this one or taken this one's away. Run the work again with
     * {@link Vips#alone} to learn the real cause.
     */
    public boolean uncertain() {
        return uncertain;
    }
}
