package io.lumasync.image.metric;

/** The sRGB transfer curve (IEC 61966-2-1). */
final class Srgb {
    private Srgb() {
    }

    static double toLinear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
