package io.github.chaoswatch.liyorke;

import java.util.SplittableRandom;

/**
 * The first principal component of a trajectory by power iteration on its covariance
 * C = (1/T) Σ (h_t − h̄)(h_t − h̄)ᵀ, applied as C·v = (1/T) Σ (h_t − h̄)((h_t − h̄)·v) and never formed.
 */
final class PrincipalComponent {

    /** Power iterations at most; the gap between the first two principal variances sets the rate. */
    static final int MAX_POWER_ITERATIONS = 2_000;

    /** Power iteration stops when the direction moves less than this (Euclidean norm of the change). */
    static final double POWER_TOLERANCE = 1e-12;

    private PrincipalComponent() {
    }

    /**
     * Returns the unit first principal component of {@code states}, from a seeded random start, with its largest
     * component made positive so the sign is reproducible.
     */
    static double[] direction(double[][] states, double[] mean, SplittableRandom random) {
        int d = mean.length;
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = random.nextGaussian();
        }
        v = normalized(v);
        for (int iteration = 0; iteration < MAX_POWER_ITERATIONS; iteration++) {
            double[] w = covarianceTimes(states, mean, v);
            double norm = Math.sqrt(dot(w, w));
            if (!(norm > 0)) {
                return v;
            }
            double change = 0;
            for (int i = 0; i < d; i++) {
                w[i] /= norm;
                change += (w[i] - v[i]) * (w[i] - v[i]);
            }
            v = w;
            if (Math.sqrt(change) <= POWER_TOLERANCE) {
                break;
            }
        }
        int largest = 0;
        for (int i = 1; i < d; i++) {
            largest = Math.abs(v[i]) > Math.abs(v[largest]) ? i : largest;
        }
        if (v[largest] < 0) {
            for (int i = 0; i < d; i++) {
                v[i] = -v[i];
            }
        }
        return v;
    }

    private static double[] covarianceTimes(double[][] states, double[] mean, double[] v) {
        int d = mean.length;
        double[] w = new double[d];
        for (double[] h : states) {
            double projection = 0;
            for (int i = 0; i < d; i++) {
                projection += (h[i] - mean[i]) * v[i];
            }
            for (int i = 0; i < d; i++) {
                w[i] += projection * (h[i] - mean[i]) / states.length;
            }
        }
        return w;
    }

    /** Returns vᵀCv / trace(C), the share of the variance along the unit vector v (0 for a constant trajectory). */
    static double explainedVariance(double[][] states, double[] mean, double[] v) {
        double along = dot(v, covarianceTimes(states, mean, v));
        double total = 0;
        for (double[] h : states) {
            for (int i = 0; i < mean.length; i++) {
                total += (h[i] - mean[i]) * (h[i] - mean[i]) / states.length;
            }
        }
        return total > 0 ? along / total : 0;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double[] normalized(double[] v) {
        double norm = Math.sqrt(dot(v, v));
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }

}
