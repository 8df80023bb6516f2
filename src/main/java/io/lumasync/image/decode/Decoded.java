package io.lumasync.image.decode;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Optional;

/**
 * Decoded pixels: band-interleaved rows, top row first, colour bands then alpha (if any), 8-bit samples or
 * 16-bit samples in the platform's byte order (what libvips expects of an image in memory).
 *
 * @param pixels exactly width × height × bands × (sixteenBit ? 2 : 1) bytes
 * @param icc    the embedded colour profile, if the file carries one
 * @param notes  what the user should know about how the file was read
 */
public record Decoded(int width, int height, int bands, boolean sixteenBit, Space space, MemorySegment pixels,
                      Optional<byte[]> icc, List<String> notes) {

    /** The colour model of the pixels. */
    public enum Space {
        GREY(1), RGB(3), CMYK(4);

        private final int colours;

        Space(int colours) {
            this.colours = colours;
        }

        public int colours() {
            return colours;
        }
    }

    public boolean hasAlpha() {
        return bands > space.colours();
    }
}
