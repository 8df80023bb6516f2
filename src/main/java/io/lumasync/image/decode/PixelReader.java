package io.lumasync.image.decode;

import java.lang.foreign.SegmentAllocator;

/**
 * A decoder that has read and checked a file's header (so its size is known before any pixel memory exists) and
 * decodes the pixels on request into memory from the given allocator.
 */
public interface PixelReader {
    /** Width and height as a file's header announces them. */
    record Size(int width, int height) {
    }

    int width();

    int height();

    /** Bytes the decoded pixels will take, for a memory check before {@link #read}. */
    long decodedBytes();

    Decoded read(SegmentAllocator memory) throws DecodeException;
}
