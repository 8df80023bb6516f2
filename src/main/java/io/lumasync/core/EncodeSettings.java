package io.lumasync.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How an image is prepared for a destination.
 *
 * @param format         the wanted output format
 * @param quality        fixed or perceptual quality
 * @param maxSize        the longest edge in pixels (never upscaled); 0 keeps the original size
 * @param metadata       what metadata survives
 * @param keepWideGamut  keep an embedded wide-gamut profile instead of converting to sRGB
 * @param gammaCorrect   resize in linear light
 */
public record EncodeSettings(
        OutputFormat format,
        Quality quality,
        int maxSize,
        MetadataPolicy metadata,
        boolean keepWideGamut,
        boolean gammaCorrect) {

    public static final int DEFAULT_MAX_SIZE = 2048;

    public static EncodeSettings defaults() {
        return new EncodeSettings(OutputFormat.AUTO, Quality.HIGH, DEFAULT_MAX_SIZE, MetadataPolicy.WEB_SAFE, false, false);
    }

    public EncodeSettings {
        if (maxSize < 0) {
            throw new IllegalArgumentException("Max size must not be negative");
        }
    }

    public EncodeSettings withFormat(OutputFormat f) {
        return new EncodeSettings(f, quality, maxSize, metadata, keepWideGamut, gammaCorrect);
    }

    public EncodeSettings withQuality(Quality q) {
        return new EncodeSettings(format, q, maxSize, metadata, keepWideGamut, gammaCorrect);
    }

    public EncodeSettings withMaxSize(int px) {
        return new EncodeSettings(format, quality, px, metadata, keepWideGamut, gammaCorrect);
    }

    public EncodeSettings withMetadata(MetadataPolicy m) {
        return new EncodeSettings(format, quality, maxSize, m, keepWideGamut, gammaCorrect);
    }

    /** A stable text form; a change of any field changes {@link #hash()}, which makes the engine re-encode. */
    public String canonical() {
        return "v1;format=" + format + ";quality=" + quality.token() + ";max=" + maxSize + ";meta=" + metadata
                + ";wide=" + keepWideGamut + ";gamma=" + gammaCorrect;
    }

    public String hash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
