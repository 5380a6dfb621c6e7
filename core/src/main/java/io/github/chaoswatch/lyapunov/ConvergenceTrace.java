package io.github.chaoswatch.lyapunov;

import java.util.Arrays;

/**
 * The running estimates λ_i(t) = S_i(t)/t at log-spaced numbers of measured steps t, averaged over trajectories, for
 * convergence plots (THEORY.md §2.5). Immutable; getters return copies.
 */
public final class ConvergenceTrace {

    private final int[] steps;
    private final double[][] estimates;

    ConvergenceTrace(int[] steps, double[][] estimates) {
        this.steps = steps.clone();
        this.estimates = Arrays.stream(estimates).map(double[]::clone).toArray(double[][]::new);
    }

    /** Returns the numbers of measured steps at which the estimates were taken, increasing. */
    public int[] steps() {
        return steps.clone();
    }

    /** Returns the estimate of exponent {@code index} (0 = largest) at each point of {@link #steps()}. */
    public double[] exponent(int index) {
        return Arrays.stream(estimates).mapToDouble(row -> row[index]).toArray();
    }

    /** Returns the number of points. */
    public int size() {
        return steps.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvergenceTrace other && Arrays.equals(steps, other.steps)
                && Arrays.deepEquals(estimates, other.estimates);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(steps) + Arrays.deepHashCode(estimates);
    }

    @Override
    public String toString() {
        return "ConvergenceTrace[" + steps.length + " points up to " + (steps.length == 0 ? 0 : steps[steps.length - 1])
                + " steps]";
    }
}
