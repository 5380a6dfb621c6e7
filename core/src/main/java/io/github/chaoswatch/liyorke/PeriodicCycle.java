package io.github.chaoswatch.liyorke;

import java.util.Arrays;
import java.util.Locale;

/**
 * A periodic orbit {x_1 &lt; … &lt; x_p} of prime period p, found as roots of f^p(x) − x (THEORY.md §4.4, step 5).
 *
 * <p>The points are sorted ascending; {@link #residuals()} gives |f^p(x_i) − x_i| for each, the accuracy to which
 * the points are a cycle. Immutable; array accessors return copies.
 *
 * @param points    the p points of the cycle, ascending
 * @param residuals |f^p(x_i) − x_i|, in the order of {@code points}
 */
public record PeriodicCycle(double[] points, double[] residuals) {

    /**
     * Copies the arrays.
     *
     * @throws IllegalArgumentException if the lengths differ or there are no points
     */
    public PeriodicCycle {
        if (points.length == 0 || points.length != residuals.length) {
            throw new IllegalArgumentException("a cycle needs one residual per point; got " + points.length
                    + " points and " + residuals.length + " residuals");
        }
        points = points.clone();
        residuals = residuals.clone();
    }

    /** Returns the points, ascending (a copy). */
    @Override
    public double[] points() {
        return points.clone();
    }

    /** Returns |f^p(x_i) − x_i| for each point (a copy). */
    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    /** Returns the period p (the number of points). */
    public int period() {
        return points.length;
    }

    /** Returns the largest residual. */
    public double maxResidual() {
        return Arrays.stream(residuals).max().orElseThrow();
    }

    /** Returns true when every point is within {@code tolerance} of the matching point of {@code expected}. */
    public boolean matches(double[] expected, double tolerance) {
        if (expected.length != points.length) {
            return false;
        }
        double[] sorted = expected.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (!(Math.abs(sorted[i] - points[i]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodicCycle other && Arrays.equals(points, other.points)
                && Arrays.equals(residuals, other.residuals);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(points) + Arrays.hashCode(residuals);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < points.length; i++) {
            text.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.10g", points[i]));
        }
        return text.append(String.format(Locale.ROOT, "} (max residual %.1e)", maxResidual())).toString();
    }
}
