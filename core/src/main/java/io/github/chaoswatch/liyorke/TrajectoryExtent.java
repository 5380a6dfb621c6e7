package io.github.chaoswatch.liyorke;

import java.util.Arrays;

/** The coordinate-wise extent of a trajectory and its diameter √Σ_i (max_t s_{t,i} − min_t s_{t,i})² (§4.7). */
final class TrajectoryExtent {

    private final double[] min;
    private final double[] max;
    private double maxNorm;

    TrajectoryExtent(int d) {
        min = new double[d];
        max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** Adds a state. */
    void add(double[] s) {
        double norm = 0;
        for (int i = 0; i < s.length; i++) {
            min[i] = Math.min(min[i], s[i]);
            max[i] = Math.max(max[i], s[i]);
            norm += s[i] * s[i];
        }
        maxNorm = Math.max(maxNorm, Math.sqrt(norm));
    }

    /** Returns true when every state added was finite. */
    boolean finite() {
        return ConfigurationProblems.finite(diameter()) && ConfigurationProblems.finite(maxNorm);
    }

    /** Returns the diameter. */
    double diameter() {
        double sum = 0;
        for (int i = 0; i < min.length; i++) {
            double extent = max[i] - min[i];
            sum += extent * extent;
        }
        return Math.sqrt(sum);
    }

    /** Returns max_t ‖s_t‖. */
    double maxNorm() {
        return maxNorm;
    }
}
