package io.lumasync.image.metric;

/**
 * SSIMULACRA 2.1 (Jon Sneyers, Cloudinary; the April 2023 definition in libjxl's tools): a perceptual score of a
 * distorted image against its original, 100 = identical, ~90 = visually lossless, ~70 = high quality web,
 * ~50 = medium, below 30 = visibly degraded.
 * <p>
 * Both images go to linear sRGB, then for each of up to 6 scales (halved by 2 × 2 box averaging in linear light):
 * XYB (rescaled to about 0..1, with B − Y), a Gaussian blur (σ 1.5), and per channel three error maps — SSIM without
 * the luminance gamma term, "ringing" (edges the original lacks) and "blurring" (edges the distortion lost) — each
 * summarised by its mean and its 4-norm. The 108 numbers are weighted and mapped to the score.
 * Transparent pixels are blended on mid grey, as the reference tool does.
 */
public final class Ssimulacra2 {
    static final float C2 = 0.0009f;
    private static final int SCALES = 6;
    static final RecursiveGaussian BLUR = new RecursiveGaussian(1.5);

    // The tuned weights of SSIMULACRA 2.1: for each channel (X, Y, B), scale (1:1 … 1:32) and norm (1, 4):
    // SSIM, ringing, blurring.
    private static final double[] WEIGHT = {
            0.0, 0.0007376606707406586, 0.0, 0.0, 0.0007793481682867309, 0.0, 0.0, 0.0004371155730107379, 0.0,
            1.1041726426657346, 0.00066284834129271, 0.00015231632783718752, 0.0, 0.0016406437456599754, 0.0,
            1.8422455520539298, 11.441172603757666, 0.0, 0.0007989109436015163, 0.000176816438078653, 0.0,
            1.8787594979546387, 10.94906990605142, 0.0, 0.0007289346991508072, 0.9677937080626833, 0.0,
            0.00014003424285435884, 0.9981766977854967, 0.00031949755934435053, 0.0004550992113792063, 0.0, 0.0,
            0.0013648766163243398, 0.0, 0.0, 0.0, 0.0, 0.0, 7.466890328078848, 0.0, 17.445833984131262,
            0.0006235601634041466, 0.0, 0.0, 6.683678146179332, 0.00037724407979611296, 1.027889937768264,
            225.20515300849274, 0.0, 0.0, 19.213238186143016, 0.0011401524586618361, 0.001237755635509985,
            176.39317598450694, 0.0, 0.0, 24.43300999870476, 0.28520802612117757, 0.0004485436923833408, 0.0, 0.0,
            0.0, 34.77906344483772, 44.835625328877896, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0008680556573291698, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0005313191874358747, 0.0, 0.00016533814161379112, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0004179171803251336, 0.0017290828234722833, 0.0, 0.0020827005846636437, 0.0, 0.0,
            8.826982764996862, 23.19243343998926, 0.0, 95.1080498811086, 0.9863978034400682, 0.9834382792465353,
            0.0012286405048278493, 171.2667255897307, 0.9807858872435379, 0.0, 0.0, 0.0, 0.0005130064588990679,
            0.0, 0.00010854057858411537};

    private Ssimulacra2() {
    }

    /**
     * Scores {@code distorted} against {@code original}: interleaved 8-bit sRGB pixels of the same size, with
     * {@code bands} 3 (RGB) or 4 (RGBA), or 1/2 for grey (+alpha).
     */
    public static double score(byte[] original, byte[] distorted, int width, int height, int bands) {
        return reference(original, width, height, bands).score(distorted);
    }

    /**
     * Prepares an original once for scoring several candidates against it (a quality search): the original's
     * share of the work (its XYB planes and two of the five blurs per channel and scale) is done here.
     */
    public static Reference reference(byte[] original, int width, int height, int bands) {
        if (original.length != (long) width * height * bands) {
            throw new IllegalArgumentException("The image must be " + width + " × " + height + " × " + bands);
        }
        return new Reference(original.length, width, height, bands, LinearPlanes.of(original, width, height, bands));
    }

    /**
     * {@link #score}, in far less memory when one candidate is scored against an original once (a whole-image check):
     * both images pass through the metric a block of rows at a time ({@link StreamedScore}), so besides the pixels only
     * the next scale's planes (a quarter of the image's size) and a few dozen rows per plane are held, against ~18
     * planes of the image's size for a prepared original and a candidate. The float operations, in the same order,
     * and so the score, are the same as {@link #score}'s.
     */
    public static double scoreOnce(byte[] original, byte[] distorted, int width, int height, int bands) {
        if (original.length != (long) width * height * bands || distorted.length != original.length) {
            throw new IllegalArgumentException("Both images must be " + width + " × " + height + " × " + bands);
        }
        int scales = scalesOf(width, height);
        return finalScore(new StreamedScore(width, height).perScale(original, null, distorted, bands, scales), scales);
    }

    /** An original prepared for scoring. Not thread-safe. */
    public static final class Reference {
        private final int length;
        private final int width;
        private final int height;
        private final int bands;
        // The original's XYB planes and their blurs, per scale (read by StreamedScore).
        final float[][][] xyb = new float[SCALES][][];
        final float[][][] mu = new float[SCALES][][];
        final float[][][] sigma = new float[SCALES][][];
        private final int[] widths = new int[SCALES];
        private final int[] heights = new int[SCALES];
        private final int scales;
        private StreamedScore work;

        private Reference(int length, int width, int height, int bands, float[][] linear) {
            this.length = length;
            this.width = width;
            this.height = height;
            this.bands = bands;
            int w = width;
            int h = height;
            float[][] lin = linear;
            this.scales = scalesOf(width, height);
            for (int s = 0; s < scales; s++) {
                if (s > 0) {
                    lin = LinearPlanes.halve(lin, w, h);
                    w = (w + 1) / 2;
                    h = (h + 1) / 2;
                }
                widths[s] = w;
                heights[s] = h;
                xyb[s] = Xyb.of(lin);
                mu[s] = new float[3][];
                sigma[s] = new float[3][];
                float[] temp = new float[w * h];
                for (int c = 0; c < 3; c++) {
                    if (weighs(c, s, scales, ANY)) {
                        mu[s][c] = blurred(xyb[s][c], null, temp, w, h);
                    }
                    if (weighs(c, s, scales, SSIM)) {
                        sigma[s][c] = blurred(xyb[s][c], xyb[s][c], temp, w, h);
                    }
                }
            }
        }

        /** The SSIMULACRA2 score of {@code distorted} (same size and layout as the original). */
        public double score(byte[] distorted) {
            if (distorted.length != length) {
                throw new IllegalArgumentException("The distorted image must have the original's size and bands");
            }
            if (work == null) {
                // The candidate streams through the metric; its buffers are kept for the next candidate.
                work = new StreamedScore(width, height);
            }
            return finalScore(work.perScale(null, this, distorted, bands, scales), scales);
        }
    }

    static final int SSIM = 0;
    static final int ANY = -1;
    /**
     * Pixels whose error terms are made at a time, before they are added up in pixel order: their six rows of terms
     * stay in the first-level cache, and the vector lanes ({@link Lanes#ssimTerms}) can make them.
     */
    private static final int TERMS = 512;
    private static final ThreadLocal<double[][]> TERM_ROWS = ThreadLocal.withInitial(() -> new double[6][TERMS]);

    /**
     * True when the score depends on channel {@code c} at scale {@code s}: on its SSIM term ({@link #SSIM}), or on
     * any of its terms ({@link #ANY}). Several weights are exactly zero (the X and B channels' SSIM at full scale,
     * where most of the pixels are), and the blurs only they need are skipped, which leaves the score unchanged.
     */
    static boolean weighs(int c, int s, int scales, int term) {
        int first = (c * scales + s) * 6;
        for (int norm = 0; norm < 2; norm++) {
            for (int k = 0; k < 3; k++) {
                if ((term == ANY || term == k) && WEIGHT[first + norm * 3 + k] != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** As the reference counts them: a scale exists while the one before it (or the image) is at least 8 × 8. */
    static int scalesOf(int width, int height) {
        if (width < 8 || height < 8) {
            return 0;
        }
        int n = 1;
        for (int w = width, h = height; n < SCALES && w >= 8 && h >= 8; n++) {
            w = (w + 1) / 2;
            h = (h + 1) / 2;
        }
        return n;
    }

    /** blur(a × b), or blur(a) when b is null. */
    private static float[] blurred(float[] a, float[] b, float[] temp, int w, int h) {
        return blurred(a, b, temp, new float[a.length], w, h);
    }

    /**
     * blur(a × b) into {@code out} (the product is formed in {@code out} itself: the blur reads its input whole
     * into {@code temp} before writing), with {@code temp} as scratch.
     */
    private static float[] blurred(float[] a, float[] b, float[] temp, float[] out, int w, int h) {
        float[] in = a;
        if (b != null) {
            int n = w * h;
            for (int i = 0; i < n; i++) {
                out[i] = a[i] * b[i];
            }
            in = out;
        }
        BLUR.blur(in, temp, out, w, h);
        return out;
    }

    /**
     * Adds to {@code sums} (over the pixels: SSIM error d, d⁴, ringing, ringing⁴, blurring, blurring⁴) the terms of
     * {@code len} pixels of a channel: the original's XYB {@code a} from {@code aAt} and its blurs μ1, σ11 from
     * {@code refAt}; the candidate's {@code b} from {@code bAt} and its blurs μ2, σ22, σ12 from {@code m}.
     */
    static void ssimSums(float[] a, int aAt, float[] b, int bAt, float[] mu1, float[] s11, int refAt, float[] mu2,
                         float[] s22, float[] s12, int m, int len, double[] sums) {
        double[][] t = TERM_ROWS.get();
        for (int from = 0; from < len; from += TERMS) {
            int n = Math.min(TERMS, len - from);
            int done = LaneSupport.AVAILABLE ? Lanes.ssimTerms(a, aAt + from, b, bAt + from, mu1, s11, refAt + from,
                    mu2, s22, s12, m + from, n, t) : 0;
            for (int i = done; i < n; i++) {
                int r = refAt + from + i;
                int j = m + from + i;
                float m1 = mu1[r];
                float m2 = mu2[j];
                float m11 = m1 * m1;
                float m22 = m2 * m2;
                float m12 = m1 * m2;
                // SSIM without the luminance denominator: XYB is already perceptually uniform.
                float numM = 1.0f - (m1 - m2) * (m1 - m2);
                float numS = 2 * (s12[j] - m12) + C2;
                float denS = (s11[r] - m11) + (s22[j] - m22) + C2;
                double d = Math.max(1.0 - (numM * numS / denS), 0.0);
                t[0][i] = d;
                t[1][i] = quartic(d);
                edge(a[aAt + from + i], m1, b[bAt + from + i], m2, t, i);
            }
            add(t, n, 0, sums);
        }
    }

    /** {@link #ssimSums}'s ringing and blurring sums alone, for a channel and scale whose SSIM has no weight. */
    static void edgeSums(float[] a, int aAt, float[] b, int bAt, float[] mu1, int refAt, float[] mu2, int m, int len,
                         double[] sums) {
        double[][] t = TERM_ROWS.get();
        for (int from = 0; from < len; from += TERMS) {
            int n = Math.min(TERMS, len - from);
            int done = LaneSupport.AVAILABLE ? Lanes.edgeTerms(a, aAt + from, b, bAt + from, mu1, refAt + from, mu2,
                    m + from, n, t) : 0;
            for (int i = done; i < n; i++) {
                edge(a[aAt + from + i], mu1[refAt + from + i], b[bAt + from + i], mu2[m + from + i], t, i);
            }
            add(t, n, 2, sums);
        }
    }

    /**
     * Ringing and blurring of one pixel into t[2..5][i]: edge = (1 + |b − μ2|) / (1 + |a − μ1|) − 1, what the
     * candidate adds (ringing) or loses (blurring) of the original's local detail.
     */
    private static void edge(float a, float m1, float b, float m2, double[][] t, int i) {
        double edge = (1.0 + Math.abs(b - m2)) / (1.0 + Math.abs(a - m1)) - 1.0;
        double artifact = Math.max(edge, 0.0);
        double lost = Math.max(-edge, 0.0);
        t[2][i] = artifact;
        t[3][i] = quartic(artifact);
        t[4][i] = lost;
        t[5][i] = quartic(lost);
    }

    /**
     * Adds up terms {@code first}..5 (first 0 or 2) of {@code n} pixels made in the vector lanes, in pixel order; the
     * sums run side by side, as in the scalar loop (one after the other, each waited on its own additions).
     */
    private static void add(double[][] t, int n, int first, double[] sums) {
        double[] t0 = t[0];
        double[] t1 = t[1];
        double[] t2 = t[2];
        double[] t3 = t[3];
        double[] t4 = t[4];
        double[] t5 = t[5];
        double s0 = sums[0];
        double s1 = sums[1];
        double s2 = sums[2];
        double s3 = sums[3];
        double s4 = sums[4];
        double s5 = sums[5];
        if (first == 0) {
            for (int i = 0; i < n; i++) {
                s0 += t0[i];
                s1 += t1[i];
                s2 += t2[i];
                s3 += t3[i];
                s4 += t4[i];
                s5 += t5[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                s2 += t2[i];
                s3 += t3[i];
                s4 += t4[i];
                s5 += t5[i];
            }
        }
        sums[0] = s0;
        sums[1] = s1;
        sums[2] = s2;
        sums[3] = s3;
        sums[4] = s4;
        sums[5] = s5;
    }

    /**
     * Channel c's terms into out[c*6 .. c*6+5] (SSIM mean and 4-norm, ringing 1, 4, blurring 1, 4) from its sums
     * over {@code n} pixels; the SSIM terms stay 0 when it has no weight.
     */
    static void terms(double[] sums, long n, boolean ssim, double[] out, int c) {
        double inv = 1.0 / n;
        if (ssim) {
            out[c * 6] = sums[0] * inv;
            out[c * 6 + 1] = Math.sqrt(Math.sqrt(sums[1] * inv));
        }
        out[c * 6 + 2] = sums[2] * inv;
        out[c * 6 + 3] = Math.sqrt(Math.sqrt(sums[3] * inv));
        out[c * 6 + 4] = sums[4] * inv;
        out[c * 6 + 5] = Math.sqrt(Math.sqrt(sums[5] * inv));
    }

    static double finalScore(double[][] perScale, int scales) {
        double sum = 0;
        int i = 0;
        // As in the reference: the weight index runs on over the scales that exist, so small images (fewer
        // scales) use the same sequence of weights.
        for (int c = 0; c < 3; c++) {
            for (int s = 0; s < scales; s++) {
                for (int norm = 0; norm < 2; norm++) {
                    sum += WEIGHT[i++] * Math.abs(perScale[s][c * 6 + norm]);
                    sum += WEIGHT[i++] * Math.abs(perScale[s][c * 6 + 2 + norm]);
                    sum += WEIGHT[i++] * Math.abs(perScale[s][c * 6 + 4 + norm]);
                }
            }
        }
        double x = sum * 0.9562382616834844;
        x = 2.326765642916932 * x - 0.020884521182843837 * x * x + 6.248496625763138e-05 * x * x * x;
        return x > 0 ? 100.0 - 10.0 * Math.pow(x, 0.6276336467831387) : 100.0;
    }

    private static double quartic(double x) {
        double s = x * x;
        return s * s;
    }
}
