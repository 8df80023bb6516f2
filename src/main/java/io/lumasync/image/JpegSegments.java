package io.lumasync.image;

import java.util.Arrays;
import java.util.Optional;

/** Finds one metadata segment in the head of a JPEG, walking the segments up to the scan, bounded and never throwing. */
final class JpegSegments {
    private static final int MAX_SEGMENTS = 256;

    private JpegSegments() {
    }

    /** The payload (after the length) of the first segment {@code marker} whose payload starts with {@code prefix}. */
    static Optional<byte[]> payload(byte[] b, int marker, byte[] prefix) {
        if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) {
            return Optional.empty();
        }
        int p = 2;
        for (int i = 0; i < MAX_SEGMENTS && p + 4 <= b.length; i++) {
            if ((b[p] & 0xff) != 0xFF) {
                return Optional.empty();
            }
            int m = b[p + 1] & 0xff;
            if (m == 0xDA || m == 0xD9) {
                return Optional.empty();
            }
            int len = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            if (len < 2 || p + 2 + len > b.length) {
                return Optional.empty();
            }
            if (m == marker && len - 2 >= prefix.length
                    && Arrays.equals(b, p + 4, p + 4 + prefix.length, prefix, 0, prefix.length)) {
                return Optional.of(Arrays.copyOfRange(b, p + 4, p + 2 + len));
            }
            p += 2 + len;
        }
        return Optional.empty();
    }
}
