package io.lumasync.core;

import java.util.Locale;

/**
 * Encoder quality: either a fixed encoder setting (1–100) or a perceptual target that the pipeline searches for
 * (a SSIMULACRA2 score the output must reach against the resized original).
 */
public sealed interface Quality {

    /** A fixed encoder quality, 1–100. */
    record Fixed(int value) implements Quality {
        public Fixed {
            if (value < 1 || value > 100) {
                throw new IllegalArgumentException("Quality must be between 1 and 100, not " + value);
            }
        }

        @Override
        public String token() {
            return Integer.toString(value);
        }
    }

    /** A perceptual target: the smallest output whose SSIMULACRA2 score is at least {@code targetScore}. */
    record Perceptual(String preset, double targetScore) implements Quality {
        @Override
        public String token() {
            return preset;
        }
    }

    /**
     * No search: each format at the encoder quality measured to land near WebP q80's look (AVIF 60, WebP 80,
     * JPEG 82), one encode of the first format the destination takes. The cost of skipping the search is in
     * docs/benchmarks.md.
     */
    record Fast() implements Quality {
        @Override
        public String token() {
            return "fast";
        }
    }

    Quality HIGH = new Perceptual("high", 80);
    Quality BALANCED = new Perceptual("balanced", 70);
    Quality SMALL = new Perceptual("small", 60);
    Quality FAST = new Fast();

    /** The user-facing spelling, stable across releases (it enters the settings hash). */
    String token();

    static Quality parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "auto", "high" -> HIGH;
            case "balanced" -> BALANCED;
            case "small" -> SMALL;
            case "fast" -> FAST;
            default -> {
                try {
                    yield new Fixed(Integer.parseInt(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "Unknown quality '" + text + "': use auto, high, balanced, small, fast or a number 1-100");
                }
            }
        };
    }
}
