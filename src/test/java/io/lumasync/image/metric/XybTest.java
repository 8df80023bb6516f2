package io.lumasync.image.metric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class XybTest {

    @Test
    void fastCubeRootEqualsTheLibraryOneOverTheMetricsRange() {
        // Every third float from just under the XYB bias to past white: millions of values, all exponents used.
        long checked = 0;
        int worst = 0;
        float worstAt = Float.NaN;
        int step = 0;
        for (float v = 0.0037f; v < 1.2f; v = Math.nextUp(v)) {
            if (step++ % 3 == 0) {
                int ulps = Math.abs(Float.floatToRawIntBits(Xyb.fastCbrt(v))
                        - Float.floatToRawIntBits((float) Math.cbrt(v)));
                if (ulps > worst) {
                    worst = ulps;
                    worstAt = v;
                }
                checked++;
            }
        }
        assertThat(worst).as("units in the last place at " + worstAt).isZero();
        assertThat(checked).isGreaterThan(20_000_000);
    }

    @Test
    void theSmallestInputStillHasAFiniteCubeRoot() {
        // Far below anything the metric feeds it (at least 0.0037): only a usable number is asked of it there.
        float exact = (float) Math.cbrt(Xyb.SMALLEST);
        assertThat(Xyb.fastCbrt(Xyb.SMALLEST)).isCloseTo(exact, within(exact * 0.01f));
    }
}
