package io.lumasync.image.metric;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RecursiveGaussianTest {
    private static final double SIGMA = 1.5;

    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"64, 48", "37, 23", "5, 9", "1, 7", "9, 1", "300, 3", "3, 300", "257, 129", "3, 5", "17, 9",
            "64, 33", "130, 71", "257, 128"})
    void theBlurIsTheOneDimensionalFilterAlongRowsThenColumnsBitForBit(int w, int h) {
        // The fast passes (pairs of rows, two rows per sweep down the columns; with the vector module, which the build
        // gives the tests, blocks of rows and columns a vector wide, and the rest in scalar) must do exactly the
        // arithmetic of the filter run on one row or one column at a time, in the same float operations.
        Random random = new Random(w * 1000L + h);
        float[] in = new float[w * h];
        for (int i = 0; i < in.length; i++) {
            in[i] = random.nextFloat();
        }
        float[] out = new float[in.length];
        new RecursiveGaussian(SIGMA).blur(in.clone(), new float[in.length], out, w, h);

        float[] rows = new float[in.length];
        for (int y = 0; y < h; y++) {
            filter(in, rows, y * w, 1, w);
        }
        float[] expected = new float[in.length];
        for (int x = 0; x < w; x++) {
            filter(rows, expected, x, w, h);
        }
        assertThat(out).containsExactly(expected);
    }

    /**
     * The filter of Charalampidis' recursive Gaussian as libjxl's tools define it, along one line of {@code size}
     * values starting at {@code start}, {@code stride} apart: three second-order terms fed with in[n−N−1] + in[n+N−1].
     */
    private static void filter(float[] in, float[] out, int start, int stride, int size) {
        RecursiveGaussian g = new RecursiveGaussian(SIGMA);
        float[] n2 = g.n2();
        float[] d1 = g.d1();
        int radius = g.radius();
        float[] prev = new float[3];
        float[] prev2 = new float[3];
        for (int n = -radius + 1; n < size; n++) {
            int left = n - radius - 1;
            int right = n + radius - 1;
            float sum = (left >= 0 ? in[start + left * stride] : 0f) + (right < size ? in[start + right * stride] : 0f);
            float[] o = new float[3];
            for (int k = 0; k < 3; k++) {
                o[k] = n2[k] * sum - d1[k] * prev[k] - prev2[k];
                prev2[k] = prev[k];
                prev[k] = o[k];
            }
            if (n >= 0) {
                out[start + n * stride] = o[0] + o[1] + o[2];
            }
        }
    }
}
