package io.lumasync.image.metric;

/**
 * The XYB colour space of JPEG XL (an LMS-like opsin absorbance with a cube root), rescaled as SSIMULACRA2 uses it:
 * X·14 + 0.42, Y + 0.01, (B − Y) + 0.55, so every channel sits in about 0..1.
 */
final class Xyb {
    static final float M00 = 0.30f;
    static final float M01 = 1.0f - 0.078f - 0.30f;
    static final float M02 = 0.078f;
    static final float M10 = 0.23f;
    static final float M11 = 1.0f - 0.078f - 0.23f;
    static final float M12 = 0.078f;
    static final float M20 = 0.24342268924547819f;
    static final float M21 = 0.20476744424496821f;
    static final float M22 = 1.0f - M20 - M21;
    static final float BIAS = 0.0037930732552754493f;
    static final float NEG_CBRT_BIAS = (float) -Math.cbrt(BIAS);
    /** The cube root's input is at least this (the metric's are at least {@link #BIAS}; far smaller ones underflow). */
    static final float SMALLEST = 1e-6f;
    static final float THIRD = 1f / 3;
    /** Added to a third of a float's bits, a first guess at its cube root within a few percent. */
    static final int CBRT_MAGIC = 709921077;

    private Xyb() {
    }

    static float[][] of(float[][] linear) {
        int n = linear[0].length;
        return into(linear, new float[][]{new float[n], new float[n], new float[n]}, n);
    }

    /**
     * {@link #of} of the first {@code n} values into {@code out}, which may be {@code linear} itself (each pixel is
     * read whole before it is written). In the processor's vector lanes when the JVM has the vector module
     * ({@link Lanes}), with the same float operations as {@link #intoScalar}, so the planes are the same either way.
     */
    static float[][] into(float[][] linear, float[][] out, int n) {
        into(linear, out, 0, n);
        return out;
    }

    /** {@link #into} of the pixels from {@code from} to {@code to} (a block of rows). */
    static void into(float[][] linear, float[][] out, int from, int to) {
        if (LaneSupport.AVAILABLE) {
            Lanes.xyb(linear, out, from, to);
        } else {
            intoScalar(linear, out, from, to);
        }
    }

    /** {@link #into} one pixel at a time. */
    static float[][] intoScalar(float[][] linear, float[][] out, int n) {
        intoScalar(linear, out, 0, n);
        return out;
    }

    /** {@link #intoScalar} of the pixels from {@code from} to {@code n}. */
    static void intoScalar(float[][] linear, float[][] out, int from, int n) {
        float[] r = linear[0];
        float[] g = linear[1];
        float[] b = linear[2];
        for (int i = from; i < n; i++) {
            float l = cubeRoot(M00 * r[i] + M01 * g[i] + M02 * b[i] + BIAS);
            float m = cubeRoot(M10 * r[i] + M11 * g[i] + M12 * b[i] + BIAS);
            float s = cubeRoot(M20 * r[i] + M21 * g[i] + M22 * b[i] + BIAS);
            float x = 0.5f * (l - m);
            float y = 0.5f * (l + m);
            out[0][i] = x * 14f + 0.42f;
            out[1][i] = y + 0.01f;
            out[2][i] = (s - y) + 0.55f;
        }
    }

    /** The cube root of a mix of linear light plus the bias, less the bias's own (0 for black). */
    static float cubeRoot(float v) {
        return fastCbrt(Math.max(v, SMALLEST)) + NEG_CBRT_BIAS;
    }

    /**
     * The cube root of a positive float (at least {@link #SMALLEST}), equal to {@code (float) Math.cbrt(v)} over the
     * range the metric feeds it (0.0037 to about 1; {@code XybTest} compares millions of floats): a bit-level first
     * guess, a Halley step in float and one in double, without a branch, so that the vector lanes ({@link Lanes}) do
     * exactly the same operations. The cube roots are most of the metric's colour conversion, done for every pixel of
     * every scale of every candidate, and {@code Math.cbrt} costs several times as much.
     */
    static float fastCbrt(float v) {
        float y = Float.intBitsToFloat((int) (Float.floatToRawIntBits(v) * THIRD) + CBRT_MAGIC);
        float y3 = y * y * y;
        y = y * (y3 + 2 * v) / (2 * y3 + v);
        double x = v;
        double d = y;
        double d3 = d * d * d;
        return (float) (d * (d3 + 2 * x) / (2 * d3 + x));
    }
}
