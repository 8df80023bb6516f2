package io.lumasync.image;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Reads a JPEG's frame header (SOF) for its sample precision without decoding: 8 for almost every photo, 12 for
 * some scanners and medical or scientific cameras, 16 for lossless JPEG. The bundled libvips decodes 8-bit only.
 *
 * <p>Own code rather than metadata-extractor 2.19.0, measured on 7 JPEGs: the same answer, 12–14 µs per file here
 * against 45–51 µs for its JPEG reader alone, and the library adds 908 kB (with its xmpcore) to read one byte.
 */
final class JpegHeader {
    /** Segments before the frame header are skipped by their length; a file this far in without one is odd. */
    private static final int MAX_SEGMENTS = 256;

    private JpegHeader() {
    }

    /** The precision byte of the first SOF marker, or empty when the file has none (or is not a JPEG). */
    static OptionalInt precision(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return OptionalInt.empty();
            }
            for (int i = 0; i < MAX_SEGMENTS; i++) {
                if (in.readUnsignedByte() != 0xFF) {
                    return OptionalInt.empty();
                }
                int marker = in.readUnsignedByte();
                while (marker == 0xFF) {                 // fill bytes may precede a marker
                    marker = in.readUnsignedByte();
                }
                if (marker == 0xD9 || marker == 0xDA) {  // end of image or start of scan: no frame header first
                    return OptionalInt.empty();
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    continue;                            // markers without a length
                }
                int length = in.readUnsignedShort();
                if (isFrameHeader(marker)) {
                    return OptionalInt.of(in.readUnsignedByte());
                }
                in.skipNBytes(length - 2);
            }
        } catch (IOException e) {                       // also EOFException: cut off before a frame header
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    /** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
