package io.lumasync.image.metric;

/**
 * CIEDE2000 colour difference between sRGB pixels (Sharma, Wu, Dalal 2005), for checking that conversions keep
 * colours: 1.0 is about the smallest difference a trained eye notices side by side.
 */
public final class DeltaE2000 {
    private DeltaE2000() {
    }

    /**
     * Mean ΔE2000 over two interleaved 8-bit sRGB images of the same size ({@code bands} 3 or 4; alpha ignored).
     */
    public static double mean(byte[] a, byte[] b, int bands) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("Images differ in size: " + a.length + " vs " + b.length + " bytes");
        }
        double sum = 0;
        int n = a.length / bands;
        for (int i = 0; i < n; i++) {
            int o = i * bands;
            sum += delta(lab(a[o] & 0xff, a[o + 1] & 0xff, a[o + 2] & 0xff),
                    lab(b[o] & 0xff, b[o + 1] & 0xff, b[o + 2] & 0xff));
        }
        return sum / n;
    }

    /** CIELAB (D65) of an 8-bit sRGB colour. */
    public static double[] lab(int r, int g, int b) {
        double lr = Srgb.toLinear(r / 255.0);
        double lg = Srgb.toLinear(g / 255.0);
        double lb = Srgb.toLinear(b / 255.0);
        double x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / 0.95047;
        double y = 0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb;
        double z = (0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[]{116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    /** ΔE2000 between two CIELAB colours (kL = kC = kH = 1). */
    public static double delta(double[] lab1, double[] lab2) {
        double l1 = lab1[0];
        double a1 = lab1[1];
        double b1 = lab1[2];
        double l2 = lab2[0];
        double a2 = lab2[1];
        double b2 = lab2[2];
        double c1 = Math.hypot(a1, b1);
        double c2 = Math.hypot(a2, b2);
        double cMean = (c1 + c2) / 2;
        double c7 = Math.pow(cMean, 7);
        double g = 0.5 * (1 - Math.sqrt(c7 / (c7 + Math.pow(25, 7))));
        double a1p = (1 + g) * a1;
        double a2p = (1 + g) * a2;
        double c1p = Math.hypot(a1p, b1);
        double c2p = Math.hypot(a2p, b2);
        double h1p = hue(b1, a1p);
        double h2p = hue(b2, a2p);
        double dL = l2 - l1;
        double dC = c2p - c1p;
        double dhp;
        if (c1p * c2p == 0) {
            dhp = 0;
        } else if (Math.abs(h2p - h1p) <= 180) {
            dhp = h2p - h1p;
        } else if (h2p - h1p > 180) {
            dhp = h2p - h1p - 360;
        } else {
            dhp = h2p - h1p + 360;
        }
        double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp / 2));
        double lMean = (l1 + l2) / 2;
        double cpMean = (c1p + c2p) / 2;
        double hpMean;
        if (c1p * c2p == 0) {
            hpMean = h1p + h2p;
        } else if (Math.abs(h1p - h2p) <= 180) {
            hpMean = (h1p + h2p) / 2;
        } else if (h1p + h2p < 360) {
            hpMean = (h1p + h2p + 360) / 2;
        } else {
            hpMean = (h1p + h2p - 360) / 2;
        }
        double t = 1 - 0.17 * Math.cos(Math.toRadians(hpMean - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hpMean))
                + 0.32 * Math.cos(Math.toRadians(3 * hpMean + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hpMean - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hpMean - 275) / 25, 2));
        double cp7 = Math.pow(cpMean, 7);
        double rc = 2 * Math.sqrt(cp7 / (cp7 + Math.pow(25, 7)));
        double sl = 1 + 0.015 * Math.pow(lMean - 50, 2) / Math.sqrt(20 + Math.pow(lMean - 50, 2));
        double sc = 1 + 0.045 * cpMean;
        double sh = 1 + 0.015 * cpMean * t;
        double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        double x = dL / sl;
        double y = dC / sc;
        double z = dH / sh;
        return Math.sqrt(x * x + y * y + z * z + rt * y * z);
    }

    private static double hue(double b, double ap) {
        if (b == 0 && ap == 0) {
            return 0;
        }
        double h = Math.toDegrees(Math.atan2(b, ap));
        return h < 0 ? h + 360 : h;
    }
}
