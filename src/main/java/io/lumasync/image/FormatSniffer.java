package io.lumasync.image;

import io.lumasync.core.ImageFormat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Tells an image format from its first bytes, never from its name. */
public final class FormatSniffer {
    private FormatSniffer() {
    }

    public static Optional<ImageFormat> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(b, 0, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of(ImageFormat.PNG);
        }
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
            return Optional.of(ImageFormat.GIF);
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return Optional.of(ImageFormat.WEBP);
        }
        if (ascii(b, 4, "ftyp") && b.length >= 12) {
            String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
            if (brand.startsWith("avi")) {
                return Optional.of(ImageFormat.AVIF);
            }
            if (brand.startsWith("hei") || brand.startsWith("mif1") || brand.startsWith("msf1")
                    || brand.startsWith("hev")) {
                return Optional.of(ImageFormat.HEIF);
            }
            if (brand.startsWith("crx")) {
                return Optional.of(ImageFormat.RAW);
            }
        }
        if (ascii(b, 0, "II*\0") || ascii(b, 0, "MM\0*")) {
            return Optional.of(ImageFormat.TIFF); // also most RAW files (NEF, CR2, ARW, DNG…): decided by name later
        }
        if (ascii(b, 0, "IIRO") || ascii(b, 0, "IIU\0") || ascii(b, 0, "FUJIFILMCCD-RAW")) {
            return Optional.of(ImageFormat.RAW);
        }
        if (ascii(b, 0, "BM") && b.length > 14) {
            return Optional.of(ImageFormat.BMP);
        }
        if (ascii(b, 0, "8BPS")) {
            return Optional.of(ImageFormat.PSD);
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] b, int offset, String s) {
        return startsWith(b, offset, s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (b.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
