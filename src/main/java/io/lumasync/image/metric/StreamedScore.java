package io.lumasync.image.metric;

/**
 * SSIMULACRA2's error maps, with the images passed through the metric a block of rows at a time, top to bottom,
 * scale by scale. Each block is turned into linear light (and its share of the next scale made from it), into XYB,
 * and blurred along its rows; the column pass then moves on as far as those rows allow, and each finished row's error
 * terms are added up at once. Only a ring of rows per blurred plane is kept, and the rows stay in the processor's
 * caches between the steps. The original is either streamed too ({@link Ssimulacra2#scoreOnce}: a 2048 × 1365 check
 * holds ~30 MB, the next scale's planes being most of it, where whole planes took ~130 MB) or prepared once with its
 * planes kept whole ({@link Ssimulacra2.Reference}: only the candidate is streamed, so a prepared original no longer
 * keeps eight planes of scratch for its candidates).
 * <p>
 * Every value is computed by the same float operations, in the same order, as on whole planes: the column pass's
 * running values carry on from block to block, and each channel's sums run over its pixels in row order.
 */
final class StreamedScore {
    /** Rows taken at a time: a multiple of the widest vector's lanes (16 floats with AVX-512). */
    private static final int BLOCK = 16;
    /** Rows kept per plane: a block, and the rows before it that the column pass still reads (2 × radius + 1). */
    private static final int RING = 32;
    private static final RecursiveGaussian BLUR = Ssimulacra2.BLUR;
    /** The blurred planes per channel: μ1, μ2 (of a and b), σ11, σ22, σ12 (of a·a, b·b, a·b). */
    private static final int MU1 = 0;
    private static final int MU2 = 1;
    private static final int S11 = 2;
    private static final int S22 = 3;
    private static final int S12 = 4;

    static {
        if (2 * BLUR.radius() + 1 > RING - BLOCK || RING % BLOCK != 0) {
            throw new IllegalStateException("The row ring cannot hold the blur's reach");
        }
    }

    /** Where a scale's rows of linear light come from. */
    private interface Rows {
        /** Rows r0 to r1 (exclusive) into the three planes of {@code p} from {@code offset}. */
        void fill(int r0, int r1, float[][] p, int offset);
    }

    private final int width;
    private final int height;
    private final float[][] a;
    private final float[][] b;
    private final float[][][] rows;
    private final float[][][] done;
    private final float[] product;
    /** The next scale's linear light, [original, candidate][odd, even scales], made while a scale streams. */
    private final float[][][][] half = new float[2][2][][];

    /** Buffers for streaming images of width × height (kept by a prepared original between its scores). */
    StreamedScore(int width, int height) {
        this.width = width;
        this.height = height;
        a = new float[3][RING * width];
        b = new float[3][RING * width];
        rows = new float[3][5][RING * width];
        done = new float[3][5][2 * width];
        product = new float[BLOCK * width];
    }

    /**
     * Each scale's 18 terms (per channel: SSIM 1, 4, ringing 1, 4, blurring 1, 4) of {@code distorted} against
     * {@code original}, or against {@code prepared} when it is not null (then {@code original} is not read).
     */
    double[][] perScale(byte[] original, Ssimulacra2.Reference prepared, byte[] distorted, int bands, int scales) {
        double[][] perScale = new double[scales][];
        Rows ref = prepared != null ? null
                : (r0, r1, p, offset) -> LinearPlanes.rows(original, width, bands, r0, r1, p, offset);
        Rows dist = (r0, r1, p, offset) -> LinearPlanes.rows(distorted, width, bands, r0, r1, p, offset);
        int w = width;
        int h = height;
        for (int s = 0; s < scales; s++) {
            int ow = (w + 1) / 2;
            int oh = (h + 1) / 2;
            boolean last = s + 1 == scales;
            float[][] refHalf = last || prepared != null ? null : half(0, s, ow * oh);
            float[][] distHalf = last ? null : half(1, s, ow * oh);
            perScale[s] = scale(s, scales, ref, dist, w, h, refHalf, distHalf, prepared);
            ref = refHalf == null ? null : planes(refHalf, ow);
            dist = distHalf == null ? null : planes(distHalf, ow);
            w = ow;
            h = oh;
        }
        return perScale;
    }

    /** The planes the next scale after {@code s} is made in, reused by every other scale (and the next score). */
    private float[][] half(int side, int s, int size) {
        float[][] p = half[side][s % 2];
        if (p == null || p[0].length < size) {
            p = new float[3][size];
            half[side][s % 2] = p;
        }
        return p;
    }

    /** Rows of whole planes of width w. */
    private static Rows planes(float[][] planes, int w) {
        return (r0, r1, p, offset) -> {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(planes[c], r0 * w, p[c], offset, (r1 - r0) * w);
            }
        };
    }

    /** One scale of w × h; its halved linear light (the next scale) into the half planes that are not null. */
    private double[] scale(int s, int scales, Rows ref, Rows dist, int w, int h, float[][] refHalf,
                           float[][] distHalf, Ssimulacra2.Reference prepared) {
        boolean[] any = new boolean[3];
        boolean[] ssim = new boolean[3];
        RecursiveGaussian.Column[][] columns = new RecursiveGaussian.Column[3][5];
        for (int c = 0; c < 3; c++) {
            any[c] = Ssimulacra2.weighs(c, s, scales, Ssimulacra2.ANY);
            ssim[c] = Ssimulacra2.weighs(c, s, scales, Ssimulacra2.SSIM);
            for (int q = 0; q < 5; q++) {
                boolean needed = q == MU1 || q == MU2 ? any[c] : ssim[c];
                if (needed && (prepared == null || q == MU2 || q == S22 || q == S12)) {
                    columns[c][q] = BLUR.column(w);
                }
            }
        }
        double[][] sums = new double[3][6];
        int radius = BLUR.radius();
        int pair = -radius + 1;   // the column pass's next pair of rows
        for (int r0 = 0; r0 < h; r0 += BLOCK) {
            int r1 = Math.min(r0 + BLOCK, h);
            int offset = r0 % RING * w;
            int end = offset + (r1 - r0) * w;
            dist.fill(r0, r1, b, offset);
            if (distHalf != null) {
                // The block starts on an even row and holds both rows of each pair (or the last, odd row).
                LinearPlanes.halveRows(b, offset, r0, w, h, r0 / 2, (r1 + 1) / 2, distHalf);
            }
            Xyb.into(b, b, offset, end);
            if (prepared == null) {
                ref.fill(r0, r1, a, offset);
                if (refHalf != null) {
                    LinearPlanes.halveRows(a, offset, r0, w, h, r0 / 2, (r1 + 1) / 2, refHalf);
                }
                Xyb.into(a, a, offset, end);
            }
            for (int c = 0; c < 3; c++) {
                if (!any[c]) {
                    continue;
                }
                BLUR.horizontal(b[c], offset, rows[c][MU2], offset, w, r1 - r0);
                if (ssim[c]) {
                    blurProduct(b[c], offset, b[c], offset, r1 - r0, w, rows[c][S22], offset);
                }
                if (prepared == null) {
                    BLUR.horizontal(a[c], offset, rows[c][MU1], offset, w, r1 - r0);
                    if (ssim[c]) {
                        blurProduct(a[c], offset, a[c], offset, r1 - r0, w, rows[c][S11], offset);
                        blurProduct(a[c], offset, b[c], offset, r1 - r0, w, rows[c][S12], offset);
                    }
                } else if (ssim[c]) {
                    blurProduct(prepared.xyb[s][c], r0 * w, b[c], offset, r1 - r0, w, rows[c][S12], offset);
                }
            }
            for (; pair < h && Math.min(pair + radius, h - 1) < r1; pair += 2) {
                add(s, pair, h, w, any, ssim, columns, sums, prepared);
            }
        }
        double[] out = new double[18];
        for (int c = 0; c < 3; c++) {
            if (any[c]) {
                Ssimulacra2.terms(sums[c], (long) w * h, ssim[c], out, c);
            }
        }
        return out;
    }

    /** x·y of {@code n} rows of width w, blurred along the rows into {@code into} from {@code at}. */
    private void blurProduct(float[] x, int xFrom, float[] y, int yFrom, int n, int w, float[] into, int at) {
        for (int i = 0, len = n * w; i < len; i++) {
            product[i] = x[xFrom + i] * y[yFrom + i];
        }
        BLUR.horizontal(product, 0, into, at, w, n);
    }

    /** The column pass over rows {@code pair} and {@code pair + 1}, and those rows' terms added to each channel's. */
    private void add(int s, int pair, int h, int w, boolean[] any, boolean[] ssim,
                     RecursiveGaussian.Column[][] columns, double[][] sums, Ssimulacra2.Reference prepared) {
        for (int c = 0; c < 3; c++) {
            for (int q = 0; q < 5; q++) {
                if (columns[c][q] != null) {
                    columns[c][q].pair(rows[c][q], RING, pair, h, done[c][q]);
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            int row = pair + k;
            if (row < 0 || row >= h) {
                continue;
            }
            int ring = row % RING * w;
            int m = k * w;
            for (int c = 0; c < 3; c++) {
                if (!any[c]) {
                    continue;
                }
                float[][] blurred = done[c];
                // The original's row: its prepared planes (whole), or the ring and this pair's column outputs.
                float[] x = prepared != null ? prepared.xyb[s][c] : a[c];
                float[] mu1 = prepared != null ? prepared.mu[s][c] : blurred[MU1];
                float[] s11 = prepared != null ? prepared.sigma[s][c] : blurred[S11];
                int xAt = prepared != null ? row * w : ring;
                int refAt = prepared != null ? row * w : m;
                if (ssim[c]) {
                    Ssimulacra2.ssimSums(x, xAt, b[c], ring, mu1, s11, refAt, blurred[MU2], blurred[S22],
                            blurred[S12], m, w, sums[c]);
                } else {
                    Ssimulacra2.edgeSums(x, xAt, b[c], ring, mu1, refAt, blurred[MU2], m, w, sums[c]);
                }
            }
        }
    }
}
