package io.lumasync.image.metric;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * The metric's widest loops in the processor's vector lanes (8 floats at a time with AVX2, 16 with AVX-512), through
 * the JDK's incubating vector module. The launchers start the JVM with {@code --add-modules jdk.incubator.vector};
 * without it ({@link LaneSupport#AVAILABLE} false, this class is never loaded) the scalar loops run. Each lane does the
 * float operations of the scalar loop in the same order, so the planes, and the scores, are the same bit for bit
 * either way ({@code LanesTest}); only the time differs (the colour conversion ~10×, the column blur ~2×).
 */
final class Lanes {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Doubles in the widest register, and as many floats: the cube root's last step is taken in double. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FD = VectorSpecies.of(float.class,
            VectorShape.forBitSize(D.vectorBitSize() / 2));

    /**
     * {@link #horizontal}'s two blocks of rows turned on their side, kept per thread: a score blurs some 30 planes,
     * and fresh blocks each time were garbage enough to grow the heap to its bound.
     */
    private static final ThreadLocal<float[][]> SIDE = ThreadLocal.withInitial(() -> new float[][]{new float[0],
            new float[0]});
    /** Pixels converted to XYB at a time: the chunk's three planes of cube roots stay in the fast caches. */
    private static final int CHUNK = 4096;
    private static final ThreadLocal<float[][]> ROOTS = ThreadLocal.withInitial(() -> new float[3][CHUNK]);
    /** Columns turned at a time in {@link #horizontal}. */
    private static final int TURN = 64;

    private Lanes() {
    }

    /**
     * {@link Xyb#intoScalar}, a vector of pixels at a time, in chunks: each chunk's three cube roots are taken in a
     * loop of their own (with the cube root written out in the loop: a vector passed to or returned from a method the
     * compiler does not inline is an object on the heap, and the whole conversion as one method is too big to
     * inline), then combined.
     */
    static void xyb(float[][] linear, float[][] out, int n) {
        xyb(linear, out, 0, n);
    }

    /** {@link #xyb} of the pixels from {@code from} to {@code to}. */
    static void xyb(float[][] linear, float[][] out, int from, int to) {
        float[][] roots = ROOTS.get();
        for (int start = from; start < to; start += CHUNK) {
            int end = Math.min(start + CHUNK, to);
            cubeRoots(linear, start, end, Xyb.M00, Xyb.M01, Xyb.M02, roots[0]);
            cubeRoots(linear, start, end, Xyb.M10, Xyb.M11, Xyb.M12, roots[1]);
            cubeRoots(linear, start, end, Xyb.M20, Xyb.M21, Xyb.M22, roots[2]);
            combine(roots, out, start, end);
        }
    }

    /**
     * cbrt(c0·r + c1·g + c2·b + bias) − cbrt(bias) of the pixels from {@code start} to {@code end}, into
     * {@code dst} from 0: {@link Xyb}'s cube root, lane by lane.
     */
    private static void cubeRoots(float[][] linear, int start, int end, float c0, float c1, float c2, float[] dst) {
        float[] r = linear[0];
        float[] g = linear[1];
        float[] b = linear[2];
        int i = start;
        for (int stop = start + FD.loopBound(end - start); i < stop; i += FD.length()) {
            FloatVector v = FloatVector.fromArray(FD, r, i).mul(c0).add(FloatVector.fromArray(FD, g, i).mul(c1))
                    .add(FloatVector.fromArray(FD, b, i).mul(c2)).add(Xyb.BIAS).max(Xyb.SMALLEST);
            FloatVector third = ((FloatVector) v.reinterpretAsInts().convert(VectorOperators.I2F, 0))
                    .mul(Xyb.THIRD);
            FloatVector y = ((IntVector) third.convert(VectorOperators.F2I, 0)).add(Xyb.CBRT_MAGIC)
                    .reinterpretAsFloats();
            FloatVector y3 = y.mul(y).mul(y);
            y = y.mul(y3.add(v.mul(2f))).div(y3.mul(2f).add(v));
            DoubleVector x = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector d = (DoubleVector) y.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector d3 = d.mul(d).mul(d);
            d = d.mul(d3.add(x.mul(2.0))).div(d3.mul(2.0).add(x));
            ((FloatVector) d.convertShape(VectorOperators.D2F, FD, 0)).add(Xyb.NEG_CBRT_BIAS)
                    .intoArray(dst, i - start);
        }
        for (; i < end; i++) {
            dst[i - start] = Xyb.cubeRoot(c0 * r[i] + c1 * g[i] + c2 * b[i] + Xyb.BIAS);
        }
    }

    /** X, Y and B − Y (rescaled) from the chunk's three cube roots, as {@link Xyb#intoScalar} makes them. */
    private static void combine(float[][] roots, float[][] out, int start, int end) {
        float[] l = roots[0];
        float[] m = roots[1];
        float[] s = roots[2];
        float[] ox = out[0];
        float[] oy = out[1];
        float[] ob = out[2];
        int len = end - start;
        int i = 0;
        for (int stop = F.loopBound(len); i < stop; i += F.length()) {
            FloatVector vl = FloatVector.fromArray(F, l, i);
            FloatVector vm = FloatVector.fromArray(F, m, i);
            FloatVector y = vl.add(vm).mul(0.5f);
            vl.sub(vm).mul(0.5f).mul(14f).add(0.42f).intoArray(ox, start + i);
            y.add(0.01f).intoArray(oy, start + i);
            FloatVector.fromArray(F, s, i).sub(y).add(0.55f).intoArray(ob, start + i);
        }
        for (; i < len; i++) {
            float x = 0.5f * (l[i] - m[i]);
            float y = 0.5f * (l[i] + m[i]);
            ox[start + i] = x * 14f + 0.42f;
            oy[start + i] = y + 0.01f;
            ob[start + i] = (s[i] - y) + 0.55f;
        }
    }

    /**
     * Two rows of {@link RecursiveGaussian}'s column pass (the second when {@code two}), for every column at once:
     * the running values {@code prev} (p1, p3, p5, p21, p23, p25) move on by the rows' sums {@code sumA} and
     * {@code sumB}; outputs go to {@code out} at {@code rowA} / {@code rowB} when asked. Returns the first column the
     * vectors did not reach (the caller finishes the row in scalar).
     */
    static int verticalPair(float[][] prev, float[] sumA, float[] sumB, float[] out, int rowA, int rowB,
                            boolean writeA, boolean two, boolean writeB, float[] n2, float[] d1, int w) {
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
        int x = 0;
        for (int end = F.loopBound(w); x < end; x += F.length()) {
            FloatVector p1 = FloatVector.fromArray(F, prev1, x);
            FloatVector p3 = FloatVector.fromArray(F, prev3, x);
            FloatVector p5 = FloatVector.fromArray(F, prev5, x);
            FloatVector s = FloatVector.fromArray(F, sumA, x);
            FloatVector o1 = s.mul(n20).sub(p1.mul(d10)).sub(FloatVector.fromArray(F, prev21, x));
            FloatVector o3 = s.mul(n21).sub(p3.mul(d11)).sub(FloatVector.fromArray(F, prev23, x));
            FloatVector o5 = s.mul(n22).sub(p5.mul(d12)).sub(FloatVector.fromArray(F, prev25, x));
            if (writeA) {
                o1.add(o3).add(o5).intoArray(out, rowA + x);
            }
            if (two) {
                FloatVector t = FloatVector.fromArray(F, sumB, x);
                FloatVector q1 = t.mul(n20).sub(o1.mul(d10)).sub(p1);
                FloatVector q3 = t.mul(n21).sub(o3.mul(d11)).sub(p3);
                FloatVector q5 = t.mul(n22).sub(o5.mul(d12)).sub(p5);
                if (writeB) {
                    q1.add(q3).add(q5).intoArray(out, rowB + x);
                }
                o1.intoArray(prev21, x);
                o3.intoArray(prev23, x);
                o5.intoArray(prev25, x);
                q1.intoArray(prev1, x);
                q3.intoArray(prev3, x);
                q5.intoArray(prev5, x);
            } else {
                p1.intoArray(prev21, x);
                p3.intoArray(prev23, x);
                p5.intoArray(prev25, x);
                o1.intoArray(prev1, x);
                o3.intoArray(prev3, x);
                o5.intoArray(prev5, x);
            }
        }
        return x;
    }

    /**
     * {@link RecursiveGaussian}'s row pass, as many rows at once as a vector has lanes: each block of rows is turned
     * on its side (lane r holds row r), filtered along the row with the scalar pass's operations lane by lane, and
     * turned back. Rows are read from {@code in} at {@code inOffset} and written to {@code out} at
     * {@code outOffset}. Returns the first row not done (fewer rows than lanes are left to the scalar pass).
     */
    static int horizontal(float[] in, int inOffset, float[] out, int outOffset, int w, int h, int radius, float[] n2,
                          float[] d1) {
        int lanes = F.length();
        if (h < lanes) {
            return 0;
        }
        // The turned rows sit between zeros, 2 × radius before and radius after, so that the filter reads its zero
        // padding from memory like any other column: no test per step, and no bounds check the compiler cannot lift.
        int pad = 2 * radius;
        float[][] buffers = SIDE.get();
        if (buffers[0].length < (w + pad + radius) * lanes) {
            buffers[0] = new float[(w + pad + radius) * lanes];
            buffers[1] = new float[w * lanes];
        }
        float[] side = buffers[0];
        float[] result = buffers[1];
        Arrays.fill(side, (pad + w) * lanes, (pad + w + radius) * lanes, 0f);
        FloatVector zero = FloatVector.zero(F);
        float n20 = n2[0];
        float n21 = n2[1];
        float n22 = n2[2];
        float d10 = d1[0];
        float d11 = d1[1];
        float d12 = d1[2];
        int y = 0;
        for (; y + lanes <= h; y += lanes) {
            // Turned in blocks of columns, so that the block's lanes stay in the first-level cache while they fill.
            for (int x0 = 0; x0 < w; x0 += TURN) {
                int x1 = Math.min(x0 + TURN, w);
                for (int r = 0; r < lanes; r++) {
                    int row = inOffset + (y + r) * w;
                    for (int x = x0, o = (x0 + pad) * lanes + r; x < x1; x++, o += lanes) {
                        side[o] = in[row + x];
                    }
                }
            }
            FloatVector a1 = zero;
            FloatVector a3 = zero;
            FloatVector a5 = zero;
            FloatVector a21 = zero;
            FloatVector a23 = zero;
            FloatVector a25 = zero;
            for (int n = -radius + 1; n < w; n++) {
                FloatVector sum = FloatVector.fromArray(F, side, (n - radius - 1 + pad) * lanes)
                        .add(FloatVector.fromArray(F, side, (n + radius - 1 + pad) * lanes));
                FloatVector o1 = sum.mul(n20).sub(a1.mul(d10)).sub(a21);
                FloatVector o3 = sum.mul(n21).sub(a3.mul(d11)).sub(a23);
                FloatVector o5 = sum.mul(n22).sub(a5.mul(d12)).sub(a25);
                a21 = a1;
                a23 = a3;
                a25 = a5;
                a1 = o1;
                a3 = o3;
                a5 = o5;
                if (n >= 0) {
                    o1.add(o3).add(o5).intoArray(result, n * lanes);
                }
            }
            for (int x0 = 0; x0 < w; x0 += TURN) {
                int x1 = Math.min(x0 + TURN, w);
                for (int r = 0; r < lanes; r++) {
                    int row = outOffset + (y + r) * w;
                    for (int x = x0, o = x0 * lanes + r; x < x1; x++, o += lanes) {
                        out[row + x] = result[o];
                    }
                }
            }
        }
        return y;
    }

    /**
     * The per-pixel terms {@link Ssimulacra2#ssimSums} adds up, for up to {@code len} pixels: into t[0..5] the SSIM
     * error d, d⁴, ringing, ringing⁴, blurring, blurring⁴, by the scalar loop's float and double operations, a vector
     * of pixels at a time (the caller adds them up in pixel order, so the sums are the same bit for bit). Arrays and
     * offsets as {@link Ssimulacra2#ssimSums}. Returns the first pixel not done (the caller finishes in scalar).
     */
    static int ssimTerms(float[] a, int aAt, float[] b, int bAt, float[] mu1, float[] s11, int refAt, float[] mu2,
                         float[] s22, float[] s12, int m, int len, double[][] t) {
        double[] t0 = t[0];
        double[] t1 = t[1];
        int i = 0;
        for (int end = FD.loopBound(len); i < end; i += FD.length()) {
            FloatVector m1 = FloatVector.fromArray(FD, mu1, refAt + i);
            FloatVector m2 = FloatVector.fromArray(FD, mu2, m + i);
            FloatVector m11 = m1.mul(m1);
            FloatVector m22 = m2.mul(m2);
            FloatVector m12 = m1.mul(m2);
            FloatVector diff = m1.sub(m2);
            FloatVector numM = FloatVector.broadcast(FD, 1.0f).sub(diff.mul(diff));
            FloatVector numS = FloatVector.fromArray(FD, s12, m + i).sub(m12).mul(2f).add(Ssimulacra2.C2);
            FloatVector denS = FloatVector.fromArray(FD, s11, refAt + i).sub(m11)
                    .add(FloatVector.fromArray(FD, s22, m + i).sub(m22)).add(Ssimulacra2.C2);
            DoubleVector q = (DoubleVector) numM.mul(numS).div(denS).convertShape(VectorOperators.F2D, D, 0);
            DoubleVector d = DoubleVector.broadcast(D, 1.0).sub(q).max(0.0);
            DoubleVector d2 = d.mul(d);
            d.intoArray(t0, i);
            d2.mul(d2).intoArray(t1, i);
            edge(FloatVector.fromArray(FD, a, aAt + i), m1, FloatVector.fromArray(FD, b, bAt + i), m2, t, i);
        }
        return i;
    }

    /** {@link #ssimTerms}'s ringing and blurring terms alone (into t[2..5]). */
    static int edgeTerms(float[] a, int aAt, float[] b, int bAt, float[] mu1, int refAt, float[] mu2, int m, int len,
                         double[][] t) {
        int i = 0;
        for (int end = FD.loopBound(len); i < end; i += FD.length()) {
            edge(FloatVector.fromArray(FD, a, aAt + i), FloatVector.fromArray(FD, mu1, refAt + i),
                    FloatVector.fromArray(FD, b, bAt + i), FloatVector.fromArray(FD, mu2, m + i), t, i);
        }
        return i;
    }

    /** Ringing and blurring of a vector of pixels, as {@link Ssimulacra2}'s scalar edge term. */
    private static void edge(FloatVector a, FloatVector m1, FloatVector b, FloatVector m2, double[][] t, int i) {
        DoubleVector num = (DoubleVector) b.sub(m2).abs().convertShape(VectorOperators.F2D, D, 0);
        DoubleVector den = (DoubleVector) a.sub(m1).abs().convertShape(VectorOperators.F2D, D, 0);
        DoubleVector edge = num.add(1.0).div(den.add(1.0)).sub(1.0);
        DoubleVector artifact = edge.max(0.0);
        DoubleVector lost = edge.neg().max(0.0);
        DoubleVector a2 = artifact.mul(artifact);
        DoubleVector l2 = lost.mul(lost);
        artifact.intoArray(t[2], i);
        a2.mul(a2).intoArray(t[3], i);
        lost.intoArray(t[4], i);
        l2.mul(l2).intoArray(t[5], i);
    }

    /** sum[x] += in[offset + x] for every column, a vector at a time; returns the first column not reached. */
    static int addRow(float[] in, int offset, float[] sum, int w) {
        int x = 0;
        for (int end = F.loopBound(w); x < end; x += F.length()) {
            FloatVector.fromArray(F, sum, x).add(FloatVector.fromArray(F, in, offset + x)).intoArray(sum, x);
        }
        return x;
    }
}
