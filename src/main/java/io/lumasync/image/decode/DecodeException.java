package io.lumasync.image.decode;

/**
 * A file our own decoders cannot turn into pixels. The message is a whole sentence for a photographer (what is
 * wrong and what to do), without the file name, which the caller puts in front.
 */
public final class DecodeException extends Exception {
    public DecodeException(String message) {
        super(message);
    }

    /** The file ends (or points) before the data its header promises. */
    static DecodeException truncated() {
        return new DecodeException("the file is truncated or corrupt (it ends before the picture data its header "
                + "announces), so it cannot be converted. Copy it again from the original source and retry.");
    }

    /** The header contradicts itself or holds impossible values. */
    static DecodeException corrupt(String what) {
        return new DecodeException("the file is corrupt (" + what + "), so it cannot be converted. Copy it again "
                + "from the original source, or save it again from your editor, and retry.");
    }
}
