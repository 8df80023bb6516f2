package io.lumasync.image.metric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XybTest {

    @Test
    void fastCubeRootEqualsTheLibraryOneOverTheMetricsRange() {
        // Every third float from just under the XYB bias to past white: millions of values, all exponents used.
        long checked = 0;
        float firstDifferent = Float.NaN;
        int step = 0;
        for (float v = 0.0037f; v < 1.2f; v = Math.nextUp(v)) {
            if (step++ % 3 == 0) {
                if (Xyb.fastCbrt(v) != (float) Math.cbrt(v) && Float.isNaN(firstDifferent)) {
                    firstDifferent = v;
                }
                checked++;
            }
        }
        assertThat(firstDifferent).as("first value whose cube root differs").isNaN();
        assertThat(checked).isGreaterThan(20_000_000);
        assertThat(Xyb.fastCbrt(0f)).isZero();
    }
}
