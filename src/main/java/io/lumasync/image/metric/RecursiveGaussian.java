package io.lumasync.image.metric;

import java.util.Arrays;

/**
 * The Gaussian blur SSIMULACRA2 is defined with: Charalampidis' recursive approximation using truncated cosines
 * ("Recursive Implementation of the Gaussian Filter Using Truncated Cosine Functions", IEEE TSP 2016), three
 * second-order IIR terms, zero padding at the borders, as in libjxl's tools. Float arithmetic on purpose: the
 * reference scores were computed in float. The column pass runs in the processor's vector lanes when it can
 * ({@link Lanes}), with the same results.
 */
final class RecursiveGaussian {
    private final int radius;
    private final float[] n2 = new float[3];
    private final float[] d1 = new float[3];

    RecursiveGaussian(double sigma) {
        double r = Math.round(3.2795 * sigma + 0.2546);
        double[] omega = {Math.PI / (2 * r), 3 * Math.PI / (2 * r), 5 * Math.PI / (2 * r)};
        double p1 = 1 / Math.tan(0.5 * omega[0]);
        double p3 = -1 / Math.tan(0.5 * omega[1]);
        double p5 = 1 / Math.tan(0.5 * omega[2]);
        double r1 = p1 * p1 / Math.sin(omega[0]);
        double r3 = -p3 * p3 / Math.sin(omega[1]);
        double r5 = p5 * p5 / Math.sin(omega[2]);
        double[] rho = new double[3];
        for (int i = 0; i < 3; i++) {
            rho[i] = Math.exp(-0.5 * sigma * sigma * omega[i] * omega[i]) / r;
        }
        double d13 = p1 * r3 - r1 * p3;
        double d35 = p3 * r5 - r3 * p5;
        double d51 = p5 * r1 - r5 * p1;
        double zeta15 = d35 / d13;
        double zeta35 = d51 / d13;
        double[][] a = {{p1, p3, p5}, {r1, r3, r5}, {zeta15, zeta35, 1}};
        double[] gamma = {1, r * r - sigma * sigma, zeta15 * rho[0] + zeta35 * rho[1] + rho[2]};
        double[] beta = solve(a, gamma);
        this.radius = (int) r;
        for (int i = 0; i < 3; i++) {
            n2[i] = (float) (-beta[i] * Math.cos(omega[i] * (r + 1)));
            d1[i] = (float) (-2 * Math.cos(omega[i]));
        }
    }

    /** The filter's coefficients and radius, for tests that check the passes against the plain definition. */
    float[] n2() {
        return n2.clone();
    }

    float[] d1() {
        return d1.clone();
    }

    int radius() {
        return radius;
    }

    /** Blurs a plane (row-major, w × h) into {@code out}; {@code temp} is scratch of the same size. */
    void blur(float[] in, float[] temp, float[] out, int w, int h) {
        horizontal(in, 0, temp, 0, w, h);
        vertical(temp, out, w, h);
    }

    /**
     * The row pass over {@code rows} rows of width {@code w}, read from {@code in} at {@code inOffset} and written to
     * {@code out} at {@code outOffset}: each row on its own, so a block of rows gives the same values as the whole
     * plane.
     */
    void horizontal(float[] in, int inOffset, float[] out, int outOffset, int w, int rows) {
        int done = LaneSupport.AVAILABLE ? Lanes.horizontal(in, inOffset, out, outOffset, w, rows, radius, n2, d1) : 0;
        for (int y = done; y < rows; y += 2) {
            // An odd last row is paired with itself: the same values are written twice.
            int second = Math.min(y + 1, rows - 1);
            horizontalPair(in, out, inOffset + y * w, inOffset + second * w, outOffset + y * w,
                    outOffset + second * w, w);
        }
    }

    /**
     * One 1-D pass along two rows at once (read from {@code inA} and {@code inB}, written to {@code outA} and
     * {@code outB}): out[n] = sum over the three
     * IIR terms, each fed with in[n−N−1] + in[n+N−1]. Every output waits on the one before it, so one row alone keeps
     * the processor waiting; a second, independent row fills those waits (the pass took half the metric's time).
     */
    private void horizontalPair(float[] in, float[] out, int inA, int inB, int outA, int outB, int size) {
        float a1 = 0;
        float a3 = 0;
        float a5 = 0;
        float a21 = 0;
        float a23 = 0;
        float a25 = 0;
        float b1 = 0;
        float b3 = 0;
        float b5 = 0;
        float b21 = 0;
        float b23 = 0;
        float b25 = 0;
        for (int n = -radius + 1; n < size; n++) {
            int left = n - radius - 1;
            int right = n + radius - 1;
            float sumA = (left >= 0 ? in[inA + left] : 0f) + (right < size ? in[inA + right] : 0f);
            float sumB = (left >= 0 ? in[inB + left] : 0f) + (right < size ? in[inB + right] : 0f);
            float oa1 = n2[0] * sumA - d1[0] * a1 - a21;
            float oa3 = n2[1] * sumA - d1[1] * a3 - a23;
            float oa5 = n2[2] * sumA - d1[2] * a5 - a25;
            float ob1 = n2[0] * sumB - d1[0] * b1 - b21;
            float ob3 = n2[1] * sumB - d1[1] * b3 - b23;
            float ob5 = n2[2] * sumB - d1[2] * b5 - b25;
            a21 = a1;
            a23 = a3;
            a25 = a5;
            a1 = oa1;
            a3 = oa3;
            a5 = oa5;
            b21 = b1;
            b23 = b3;
            b25 = b5;
            b1 = ob1;
            b3 = ob3;
            b5 = ob5;
            if (n >= 0) {
                out[outA + n] = oa1 + oa3 + oa5;
                out[outB + n] = ob1 + ob3 + ob5;
            }
        }
    }

    /** The same pass down every column of a whole plane, two rows at a time ({@link Column#step}). */
    private void vertical(float[] in, float[] out, int w, int h) {
        Column column = new Column(w);
        // The second row's chain continues from the first row's outputs, still in registers.
        for (int n = -radius + 1; n < h; n += 2) {
            int a = n - radius - 1;
            int b = n + radius - 1;
            rowSum(in, column.sumA, a >= 0 ? a * w : -1, b < h ? b * w : -1, w);
            boolean two = n + 1 < h;
            if (two) {
                rowSum(in, column.sumB, a + 1 >= 0 ? (a + 1) * w : -1, b + 1 < h ? (b + 1) * w : -1, w);
            }
            column.step(out, n * w, n * w + w, n >= 0, two, two && n + 1 >= 0);
        }
    }

    /** A column pass fed a few rows at a time ({@link Column}), for planes of width {@code w}. */
    Column column(int w) {
        return new Column(w);
    }

    /**
     * The column pass's running values for one plane, for a pass fed a few rows at a time (a streamed score keeps
     * only the rows the pass still reads): {@link #pair} gives output rows n and n + 1 (n from −radius + 1 in steps
     * of 2, as {@link #vertical} takes them) once the row pass has made rows up to n + radius.
     */
    final class Column {
        private final int w;
        private final float[][] prev;
        private final float[] sumA;
        private final float[] sumB;

        Column(int w) {
            this.w = w;
            this.prev = new float[6][w];
            this.sumA = new float[w];
            this.sumB = new float[w];
        }

        /**
         * Output rows n and n + 1 of a plane of height {@code h} into {@code out} (two rows: n at 0, n + 1 at w;
         * rows outside the plane are not written), from the row pass's rows kept in {@code ring}: row r at
         * (r mod ringRows) × w.
         */
        void pair(float[] ring, int ringRows, int n, int h, float[] out) {
            int a = n - radius - 1;
            int b = n + radius - 1;
            rowSum(ring, sumA, a >= 0 ? a % ringRows * w : -1, b < h ? b % ringRows * w : -1, w);
            boolean two = n + 1 < h;
            if (two) {
                rowSum(ring, sumB, a + 1 >= 0 ? (a + 1) % ringRows * w : -1,
                        b + 1 < h ? (b + 1) % ringRows * w : -1, w);
            }
            step(out, 0, w, n >= 0, two, two && n + 1 >= 0);
        }

        /**
         * Two rows of the pass for every column (the second when {@code two}): the arithmetic per column is exactly
         * that of {@link #horizontalPair}, but memory is read row by row (walking one column of a 2048 px wide plane
         * would touch a new cache line for every pixel, and took most of the metric's time), and each column's six
         * running values are loaded and stored once per two rows (~30 % faster than one row at a time).
         */
        private void step(float[] out, int rowA, int rowB, boolean writeA, boolean two, boolean writeB) {
            float[] prev1 = prev[0];
            float[] prev3 = prev[1];
            float[] prev5 = prev[2];
            float[] prev21 = prev[3];
            float[] prev23 = prev[4];
            float[] prev25 = prev[5];
            float n20 = n2[0];
            float n21 = n2[1];
            float n22 = n2[2];
            float d10 = d1[0];
            float d11 = d1[1];
            float d12 = d1[2];
            int from = LaneSupport.AVAILABLE ? Lanes.verticalPair(prev, sumA, sumB, out, rowA, rowB, writeA, two,
                    writeB, n2, d1, w) : 0;
            for (int x = from; x < w; x++) {
                float p1 = prev1[x];
                float p3 = prev3[x];
                float p5 = prev5[x];
                float p21 = prev21[x];
                float p23 = prev23[x];
                float p25 = prev25[x];
                float s = sumA[x];
                float o1 = n20 * s - d10 * p1 - p21;
                float o3 = n21 * s - d11 * p3 - p23;
                float o5 = n22 * s - d12 * p5 - p25;
                if (writeA) {
                    out[rowA + x] = o1 + o3 + o5;
                }
                if (two) {
                    float t = sumB[x];
                    float q1 = n20 * t - d10 * o1 - p1;
                    float q3 = n21 * t - d11 * o3 - p3;
                    float q5 = n22 * t - d12 * o5 - p5;
                    if (writeB) {
                        out[rowB + x] = q1 + q3 + q5;
                    }
                    prev21[x] = o1;
                    prev23[x] = o3;
                    prev25[x] = o5;
                    prev1[x] = q1;
                    prev3[x] = q3;
                    prev5[x] = q5;
                } else {
                    prev21[x] = p1;
                    prev23[x] = p3;
                    prev25[x] = p5;
                    prev1[x] = o1;
                    prev3[x] = o3;
                    prev5[x] = o5;
                }
            }
        }
    }

    /**
     * in[row−N−1] + in[row+N−1] for every column, into {@code sum}: the two rows are at {@code left} and
     * {@code right} in {@code in}, or −1 for a row outside the plane (zero).
     */
    private static void rowSum(float[] in, float[] sum, int left, int right, int w) {
        if (left >= 0) {
            System.arraycopy(in, left, sum, 0, w);
        } else {
            Arrays.fill(sum, 0f);
        }
        if (right >= 0) {
            for (int x = LaneSupport.AVAILABLE ? Lanes.addRow(in, right, sum, w) : 0; x < w; x++) {
                sum[x] += in[right + x];
            }
        }
    }

    /** Solves a 3 × 3 linear system by Cramer's rule (the matrix is tiny and well conditioned). */
    private static double[] solve(double[][] m, double[] v) {
        double det = det(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]);
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] t = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int r = 0; r < 3; r++) {
                t[r][c] = v[r];
            }
            x[c] = det(t[0][0], t[0][1], t[0][2], t[1][0], t[1][1], t[1][2], t[2][0], t[2][1], t[2][2]) / det;
        }
        return x;
    }

    private static double det(double a, double b, double c, double d, double e, double f, double g, double h,
                              double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }
}
