package io.lumasync.image.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Bounds-checked reads of a whole file (mapped, so only the parts read are ever loaded, and never onto the Java
 * heap): every read past the end is a {@link DecodeException} ("truncated"), never an index error, so a cut-off
 * file gives a plain message.
 */
final class Bytes {
    private static final ValueLayout.OfShort LE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt LE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final MemorySegment b;

    Bytes(MemorySegment b) {
        this.b = b;
    }

    long length() {
        return b.byteSize();
    }

    /** Fails unless {@code n} bytes exist from {@code offset}. */
    void need(long offset, long n) throws DecodeException {
        if (offset < 0 || n < 0 || offset > b.byteSize() - n) {
            throw DecodeException.truncated();
        }
    }

    int u8(long offset) throws DecodeException {
        need(offset, 1);
        return b.get(ValueLayout.JAVA_BYTE, offset) & 0xff;
    }

    int u16le(long offset) throws DecodeException {
        need(offset, 2);
        return b.get(LE16, offset) & 0xffff;
    }

    long u32le(long offset) throws DecodeException {
        need(offset, 4);
        return b.get(LE32, offset) & 0xffffffffL;
    }

    int i32le(long offset) throws DecodeException {
        return (int) u32le(offset);
    }

    int u16be(long offset) throws DecodeException {
        need(offset, 2);
        return b.get(BE16, offset) & 0xffff;
    }

    long u32be(long offset) throws DecodeException {
        need(offset, 4);
        return b.get(BE32, offset) & 0xffffffffL;
    }

    long u64be(long offset) throws DecodeException {
        return u32be(offset) << 32 | u32be(offset + 4);
    }

    boolean ascii(long offset, String s) throws DecodeException {
        if (offset < 0 || offset > b.byteSize() - s.length()) {
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
        return b.asSlice(offset, n).toArray(ValueLayout.JAVA_BYTE);
    }

    /** Copies {@code n} bytes from {@code offset} into {@code out} at {@code at}. */
    void copy(long offset, byte[] out, int at, int n) throws DecodeException {
        need(offset, n);
        MemorySegment.copy(b, ValueLayout.JAVA_BYTE, offset, out, at, n);
    }
}
