package io.lumasync.cli;

import io.lumasync.core.EncodeSettings;
import io.lumasync.core.MetadataPolicy;
import io.lumasync.core.OutputFormat;
import io.lumasync.core.Quality;
import picocli.CommandLine.Option;

/** The encode options shared by push and sources add; unset ones take the saved defaults. */
final class EncodeOptions {
    @Option(names = "--format", paramLabel = "auto|avif|webp|jpeg|original",
            description = "Output format (default: auto = the smallest the destination accepts).")
    String format;

    @Option(names = "--quality", paramLabel = "auto|high|balanced|small|fast|1-100",
            description = "Perceptual preset or fixed encoder quality (default: auto).")
    String quality;

    @Option(names = "--max-size", paramLabel = "PX", description = "Longest edge in pixels, never upscaled (default 2048; 0 = keep).")
    Integer maxSize;

    @Option(names = "--metadata", paramLabel = "web-safe|keep-all|strip-all",
            description = "Metadata policy (default web-safe: GPS and serial numbers removed, copyright kept).")
    String metadata;

    /** The base settings with the given options applied; a misspelt value is a usage error (exit 2). */
    EncodeSettings apply(EncodeSettings base) throws io.lumasync.core.ConfigurationException {
        try {
            return applyUnchecked(base);
        } catch (IllegalArgumentException e) {
            throw new io.lumasync.core.ConfigurationException(e.getMessage());
        }
    }

    private EncodeSettings applyUnchecked(EncodeSettings base) {
        EncodeSettings s = base;
        if (format != null) {
            s = s.withFormat(OutputFormat.parse(format));
        }
        if (quality != null) {
            s = s.withQuality(Quality.parse(quality));
        }
        if (maxSize != null) {
            s = s.withMaxSize(maxSize);
        }
        if (metadata != null) {
            s = s.withMetadata(MetadataPolicy.parse(metadata));
        }
        return s;
    }
}
