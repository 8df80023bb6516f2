package io.lumasync.image.metric;

/** 8-bit sRGB pixels as three planes of linear light, and the 2 × 2 box reduction between scales. */
final class LinearPlanes {
    private static final float[] TO_LINEAR = new float[256];
    /** Transparent pixels are judged on mid grey (sRGB-encoded 0.5), as the reference tool does. */
    private static final float BACKGROUND = 0.5f;

    static {
        for (int i = 0; i < 256; i++) {
            TO_LINEAR[i] = (float) Srgb.toLinear(i / 255.0);
        }
    }

    private LinearPlanes() {
    }

    static float[][] of(byte[] px, int w, int h, int bands) {
        int n = w * h;
        return into(px, w, h, bands, new float[][]{new float[n], new float[n], new float[n]});
    }

    /** {@link #of} into three planes of exactly w × h, reused between scores. */
    static float[][] into(byte[] px, int w, int h, int bands, float[][] p) {
        rows(px, w, bands, 0, h, p, 0);
        return p;
    }

    /** Rows {@code r0} to {@code r1} (exclusive) of {@link #of}, into {@code p} from {@code offset}. */
    static void rows(byte[] px, int w, int bands, int r0, int r1, float[][] p, int offset) {
        boolean grey = bands <= 2;
        boolean alpha = bands == 2 || bands == 4;
        int shift = offset - r0 * w;
        if (bands == 3) {
            // Most photos: three lookups a pixel, without the other layouts' tests.
            float[] r = p[0];
            float[] g = p[1];
            float[] b = p[2];
            for (int i = r0 * w, end = r1 * w, o = i * 3; i < end; i++, o += 3) {
                r[shift + i] = TO_LINEAR[px[o] & 0xff];
                g[shift + i] = TO_LINEAR[px[o + 1] & 0xff];
                b[shift + i] = TO_LINEAR[px[o + 2] & 0xff];
            }
            return;
        }
        for (int i = r0 * w, end = r1 * w; i < end; i++) {
            int o = i * bands;
            for (int c = 0; c < 3; c++) {
                int v = px[o + (grey ? 0 : c)] & 0xff;
                if (alpha) {
                    float a = (px[o + bands - 1] & 0xff) / 255f;
                    float blended = a * (v / 255f) + (1 - a) * BACKGROUND;
                    p[c][shift + i] = (float) Srgb.toLinear(blended);
                } else {
                    p[c][shift + i] = TO_LINEAR[v];
                }
            }
        }
    }

    /** Halves each plane by averaging 2 × 2 blocks (edge pixels repeat when the size is odd). */
    static float[][] halve(float[][] in, int w, int h) {
        return halveInto(in, w, h, new float[3][((w + 1) / 2) * ((h + 1) / 2)]);
    }

    /** {@link #halve} into three planes of exactly the halved size. */
    static float[][] halveInto(float[][] in, int w, int h, float[][] out) {
        halveRows(in, 0, 0, w, h, 0, (h + 1) / 2, out);
        return out;
    }

    /**
     * Rows {@code oy0} to {@code oy1} (exclusive) of {@link #halve}, from a block of rows of a plane of w × h held in
     * {@code in} from {@code offset}, its first row being row {@code r0} (even); the block holds the rows they need.
     */
    static void halveRows(float[][] in, int offset, int r0, int w, int h, int oy0, int oy1, float[][] out) {
        int ow = (w + 1) / 2;
        for (int c = 0; c < 3; c++) {
            float[] src = in[c];
            float[] dst = out[c];
            for (int oy = oy0; oy < oy1; oy++) {
                int y0 = oy * 2;
                int y1 = Math.min(y0 + 1, h - 1);
                int a = offset + (y0 - r0) * w;
                int b = offset + (y1 - r0) * w;
                for (int ox = 0; ox < ow; ox++) {
                    int x0 = ox * 2;
                    int x1 = Math.min(x0 + 1, w - 1);
                    float sum = src[a + x0] + src[a + x1] + src[b + x0] + src[b + x1];
                    dst[oy * ow + ox] = sum * 0.25f;
                }
            }
        }
    }
}
