package io.lumasync.image.decode;

/**
 * Bounds-checked reads of a whole file held in memory: every read past the end is a {@link DecodeException}
 * ("truncated"), never an index error, so a cut-off file gives a plain message.
 */
final class Bytes {
    private final byte[] b;

    Bytes(byte[] b) {
        this.b = b;
    }

    long length() {
        return b.length;
    }

    /** Fails unless {@code n} bytes exist from {@code offset}. */
    void need(long offset, long n) throws DecodeException {
        if (offset < 0 || n < 0 || offset + n > b.length) {
            throw DecodeException.truncated();
        }
    }

    int u8(long offset) throws DecodeException {
        need(offset, 1);
        return b[(int) offset] & 0xff;
    }

    int u16le(long offset) throws DecodeException {
        need(offset, 2);
        int o = (int) offset;
        return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8;
    }

    long u32le(long offset) throws DecodeException {
        need(offset, 4);
        int o = (int) offset;
        return ((b[o] & 0xffL) | (b[o + 1] & 0xffL) << 8 | (b[o + 2] & 0xffL) << 16 | (b[o + 3] & 0xffL) << 24);
    }

    int i32le(long offset) throws DecodeException {
        return (int) u32le(offset);
    }

    int u16be(long offset) throws DecodeException {
        need(offset, 2);
        int o = (int) offset;
        return (b[o] & 0xff) << 8 | (b[o + 1] & 0xff);
    }

    long u32be(long offset) throws DecodeException {
        need(offset, 4);
        int o = (int) offset;
        return ((b[o] & 0xffL) << 24 | (b[o + 1] & 0xffL) << 16 | (b[o + 2] & 0xffL) << 8 | (b[o + 3] & 0xffL));
    }

    long u64be(long offset) throws DecodeException {
        return u32be(offset) << 32 | u32be(offset + 4);
    }

    boolean ascii(long offset, String s) throws DecodeException {
        if (offset < 0 || offset + s.length() > b.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (u8(offset + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    byte[] copy(long offset, long n) throws DecodeException {
        need(offset, n);
        byte[] out = new byte[(int) n];
        System.arraycopy(b, (int) offset, out, 0, (int) n);
        return out;
    }

    /** The raw array, for hot loops that have checked their bounds with {@link #need}. */
    byte[] array() {
        return b;
    }
}
