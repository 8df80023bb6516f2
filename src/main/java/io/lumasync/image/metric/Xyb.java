package io.lumasync.image.metric;

/**
 * The XYB colour space of JPEG XL (an LMS-like opsin absorbance with a cube root), rescaled as SSIMULACRA2 uses it:
 * X·14 + 0.42, Y + 0.01, (B − Y) + 0.55, so every channel sits in about 0..1.
 */
final class Xyb {
    private static final float M00 = 0.30f;
    private static final float M01 = 1.0f - 0.078f - 0.30f;
    private static final float M02 = 0.078f;
    private static final float M10 = 0.23f;
    private static final float M11 = 1.0f - 0.078f - 0.23f;
    private static final float M12 = 0.078f;
    private static final float M20 = 0.24342268924547819f;
    private static final float M21 = 0.20476744424496821f;
    private static final float M22 = 1.0f - M20 - M21;
    private static final float BIAS = 0.0037930732552754493f;
    private static final float NEG_CBRT_BIAS = (float) -Math.cbrt(BIAS);

    private Xyb() {
    }

    static float[][] of(float[][] linear) {
        int n = linear[0].length;
        return into(linear, new float[][]{new float[n], new float[n], new float[n]}, n);
    }

    /**
     * {@link #of} of the first {@code n} values into {@code out}, which may be {@code linear} itself (each pixel is
     * read whole before it is written).
     */
    static float[][] into(float[][] linear, float[][] out, int n) {
        float[] r = linear[0];
        float[] g = linear[1];
        float[] b = linear[2];
        for (int i = 0; i < n; i++) {
            float l = cbrt(M00 * r[i] + M01 * g[i] + M02 * b[i] + BIAS);
            float m = cbrt(M10 * r[i] + M11 * g[i] + M12 * b[i] + BIAS);
            float s = cbrt(M20 * r[i] + M21 * g[i] + M22 * b[i] + BIAS);
            float x = 0.5f * (l - m);
            float y = 0.5f * (l + m);
            out[0][i] = x * 14f + 0.42f;
            out[1][i] = y + 0.01f;
            out[2][i] = (s - y) + 0.55f;
        }
        return out;
    }

    private static float cbrt(float v) {
        return fastCbrt(Math.max(v, 0f)) + NEG_CBRT_BIAS;
    }

    /**
     * The cube root of a non-negative float, equal to {@code (float) Math.cbrt(v)} over the range the metric feeds
     * it (0.0037 to about 1; {@code XybTest} compares millions of floats): a bit-level first guess and two Halley
     * steps in double. The cube roots are most of the metric's colour conversion, done for every pixel of every
     * scale of every candidate, and {@code Math.cbrt} costs several times as much.
     */
    static float fastCbrt(float v) {
        if (v == 0f) {
            return 0f;
        }
        double x = v;
        double y = Float.intBitsToFloat(Float.floatToRawIntBits(v) / 3 + 709921077);
        double y3 = y * y * y;
        y = y * (y3 + 2 * x) / (2 * y3 + x);
        y3 = y * y * y;
        y = y * (y3 + 2 * x) / (2 * y3 + x);
        return (float) y;
    }
}
