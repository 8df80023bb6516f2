package io.lumasync.image.bench;

import java.util.List;

final class Stats {
    private Stats() {
    }

    static double median(List<? extends Number> values) {
        double[] v = values.stream().mapToDouble(Number::doubleValue).filter(d -> !Double.isNaN(d)).sorted()
                .toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
