package io.lumasync.core;

import java.util.Locale;
import java.util.Optional;

/** Image formats Lumasync reads or writes. The encodable web formats are AVIF, WEBP and JPEG. */
public enum ImageFormat {
    AVIF("image/avif", "avif"),
    WEBP("image/webp", "webp"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    TIFF("image/tiff", "tif"),
    HEIF("image/heif", "heic"),
    BMP("image/bmp", "bmp"),
    PSD("image/vnd.adobe.photoshop", "psd"),
    RAW("image/x-raw", "raw");

    private final String mimeType;
    private final String extension;

    ImageFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format a file name's extension names, if any (a hint only: formats are decided by content). */
    public static Optional<ImageFormat> fromExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return switch (fileName.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "avif" -> Optional.of(AVIF);
            case "webp" -> Optional.of(WEBP);
            case "jpg", "jpeg", "jpe", "jfif" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "gif" -> Optional.of(GIF);
            case "tif", "tiff" -> Optional.of(TIFF);
            case "heic", "heif", "hif" -> Optional.of(HEIF);
            case "bmp" -> Optional.of(BMP);
            case "psd", "psb" -> Optional.of(PSD);
            case "nef", "cr2", "cr3", "arw", "raf", "orf", "rw2", "dng", "nrw", "pef", "srw" -> Optional.of(RAW);
            default -> Optional.empty();
        };
    }

    public static Optional<ImageFormat> fromMimeType(String mime) {
        for (ImageFormat f : values()) {
            if (f.mimeType.equalsIgnoreCase(mime)) {
                return Optional.of(f);
            }
        }
        return "image/jpg".equalsIgnoreCase(mime) ? Optional.of(JPEG) : Optional.empty();
    }

    /** True for names whose extension is an image format Lumasync can read. */
    public static boolean looksLikeImage(String fileName) {
        return fromExtension(fileName).isPresent();
    }
}
