package io.lumasync.image.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Photoshop stores a transparent document's flattened composite blended over white; dividing that white back out
 * gives the colours the alpha channel belongs to (otherwise soft edges turn light when shown on a dark page).
 */
final class Unmatte {
    private Unmatte() {
    }

    /**
     * @param inkSpace the colour bands count ink (CMYK), so white is 0 rather than the maximum
     */
    static void fromWhite(MemorySegment px, long pixels, int bands, boolean sixteenBit, boolean inkSpace) {
        int max = sixteenBit ? 65535 : 255;
        for (long i = 0; i < pixels; i++) {
            long base = i * bands;
            int a = get(px, base + bands - 1, sixteenBit);
            if (a == 0 || a == max) {
                continue;
            }
            for (int c = 0; c < bands - 1; c++) {
                int v = get(px, base + c, sixteenBit);
                // composite = colour × a + white × (1 − a), in units of max
                long colour = inkSpace ? Math.round((double) v * max / a)
                        : Math.round(((double) v - (max - a)) * max / a);
                put(px, base + c, Math.clamp(colour, 0, max), sixteenBit);
            }
        }
    }

    private static int get(MemorySegment px, long sample, boolean sixteenBit) {
        return sixteenBit ? px.get(ValueLayout.JAVA_SHORT_UNALIGNED, sample * 2) & 0xffff
                : px.get(ValueLayout.JAVA_BYTE, sample) & 0xff;
    }

    private static void put(MemorySegment px, long sample, int v, boolean sixteenBit) {
        if (sixteenBit) {
            px.set(ValueLayout.JAVA_SHORT_UNALIGNED, sample * 2, (short) v);
        } else {
            px.set(ValueLayout.JAVA_BYTE, sample, (byte) v);
        }
    }
}
