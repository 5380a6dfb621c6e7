package io.github.chaoswatch.liyorke;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The binned-median fit of a return map s_{t+1} ≈ r(s_t) (THEORY.md §4.6): the range of s_t is cut into B equal
 * bins, each non-empty bin contributes the knot (median s_t, median s_{t+1}), and r interpolates linearly between
 * knots and is constant beyond them. Medians, not means, so that rare excursions do not bend the fit.
 */
final class MedianReturnMap {

    private MedianReturnMap() {
    }

    /** Binned-median fit of (s_t, s_{t+1}), t = 0 … T − 1, as a piecewise-linear map constant beyond its knots. */
    static ScalarMap fit(double[] s, double low, double high, int bins, String name) {
        int pairs = s.length - 1;
        List<List<Integer>> members = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            members.add(new ArrayList<>());
        }
        for (int t = 0; t < pairs; t++) {
            int b = (int) Math.min(bins - 1, Math.floor((s[t] - low) / (high - low) * bins));
            members.get(Math.max(0, b)).add(t);
        }
        double[] knots = new double[bins];
        double[] values = new double[bins];
        int count = 0;
        for (List<Integer> bin : members) {
            if (bin.isEmpty()) {
                continue;
            }
            double x = median(bin.stream().mapToDouble(t -> s[t]).toArray());
            double y = median(bin.stream().mapToDouble(t -> s[t + 1]).toArray());
            // Bins are disjoint and ascending, so medians ascend; guard against equal medians at a shared edge.
            if (count == 0 || x > knots[count - 1]) {
                knots[count] = x;
                values[count++] = y;
            }
        }
        return ScalarMap.piecewiseLinear("return map of " + name, Arrays.copyOf(knots, count),
                Arrays.copyOf(values, count), 0, 0);
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }

}
