package io.github.chaoswatch.liyorke;

import java.util.Arrays;

/**
 * A continuous piecewise-linear map of the real line, given by knots ξ_0 &lt; … &lt; ξ_{m−1}, the values y_i = f(ξ_i),
 * and the slopes of the two unbounded end pieces:
 * <pre>
 *   f(x) = y_0 + s_L·(x − ξ_0)                                        for x ≤ ξ_0
 *   f(x) = y_i + (y_{i+1} − y_i)·(x − ξ_i)/(ξ_{i+1} − ξ_i)            for ξ_i ≤ x ≤ ξ_{i+1}
 *   f(x) = y_{m−1} + s_R·(x − ξ_{m−1})                                for x ≥ ξ_{m−1}
 * </pre>
 * Knots need not be genuine breakpoints (the slope may be equal on both sides); {@link #breakpoints()} returns only
 * those where it changes. Immutable.
 */
final class PiecewiseLinear {

    private final double[] knots;
    private final double[] values;
    /** slopes[i] is the slope on [ξ_i, ξ_{i+1}]; cached because every evaluation needs it. */
    private final double[] slopes;
    private final double leftSlope;
    private final double rightSlope;

    private PiecewiseLinear(double[] knots, double[] values, double leftSlope, double rightSlope) {
        this.knots = knots;
        this.values = values;
        this.leftSlope = leftSlope;
        this.rightSlope = rightSlope;
        this.slopes = new double[knots.length - 1];
        for (int i = 0; i < slopes.length; i++) {
            slopes[i] = (values[i + 1] - values[i]) / (knots[i + 1] - knots[i]);
        }
    }

    /**
     * Returns the map through the given knots (copied).
     *
     * @throws IllegalArgumentException if there is no knot, the knots are not strictly increasing, or a number is
     *                                  not finite
     */
    static PiecewiseLinear of(double[] knots, double[] values, double leftSlope, double rightSlope) {
        if (knots.length == 0 || knots.length != values.length) {
            throw new IllegalArgumentException("a piecewise-linear map needs at least one knot and one value per knot;"
                    + " got " + knots.length + " knots and " + values.length + " values");
        }
        for (int i = 0; i < knots.length; i++) {
            if (!(ConfigurationProblems.finite(knots[i]) && ConfigurationProblems.finite(values[i]))) {
                throw new IllegalArgumentException("knot " + i + " (" + knots[i] + ", " + values[i]
                        + ") is not finite; every knot and value must be a finite number");
            }
            // Positive form: equal or decreasing knots fail.
            if (i > 0 && !(knots[i] > knots[i - 1])) {
                throw new IllegalArgumentException("knots must be strictly increasing, but knot " + i + " = "
                        + knots[i] + " follows " + knots[i - 1] + "; sort them and merge duplicates");
            }
        }
        if (!(ConfigurationProblems.finite(leftSlope) && ConfigurationProblems.finite(rightSlope))) {
            throw new IllegalArgumentException("end slopes " + leftSlope + " and " + rightSlope
                    + " must be finite");
        }
        return new PiecewiseLinear(knots.clone(), values.clone(), leftSlope, rightSlope);
    }

    /** Returns f(x); NaN for NaN. */
    double apply(double x) {
        int last = knots.length - 1;
        if (x <= knots[0]) {
            return values[0] + leftSlope * (x - knots[0]);
        }
        if (x >= knots[last]) {
            return values[last] + rightSlope * (x - knots[last]);
        }
        if (!(x == x)) {
            return Double.NaN;
        }
        int i = piece(x);
        return values[i] + slopes[i] * (x - knots[i]);
    }

    /** Returns the right derivative f'(x+): the slope of the piece starting at or containing x. */
    double slopeAt(double x) {
        int last = knots.length - 1;
        if (x < knots[0]) {
            return leftSlope;
        }
        if (x >= knots[last]) {
            return rightSlope;
        }
        return slopes[piece(x)];
    }

    /** Index i with ξ_i ≤ x &lt; ξ_{i+1}, for ξ_0 ≤ x &lt; ξ_{m−1}. */
    private int piece(double x) {
        int found = Arrays.binarySearch(knots, x);
        return found >= 0 ? found : -found - 2;
    }

    /** Returns max |slope| over all pieces, end pieces included: the exact Lipschitz constant on ℝ. */
    double maxAbsSlope() {
        double max = Math.max(Math.abs(leftSlope), Math.abs(rightSlope));
        for (double s : slopes) {
            max = Math.max(max, Math.abs(s));
        }
        return max;
    }

    /** Returns the knots at which the slope changes, ascending (empty for an affine map). */
    double[] breakpoints() {
        int m = knots.length;
        double[] out = new double[m];
        int count = 0;
        for (int i = 0; i < m; i++) {
            double before = i == 0 ? leftSlope : slopes[i - 1];
            double after = i == m - 1 ? rightSlope : slopes[i];
            if (before != after) {
                out[count++] = knots[i];
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Returns inf f(ℝ); −∞ when f is unbounded below. */
    double rangeLower() {
        if (leftSlope > 0 || rightSlope < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return Arrays.stream(values).min().orElseThrow();
    }

    /** Returns sup f(ℝ); +∞ when f is unbounded above. */
    double rangeUpper() {
        if (leftSlope < 0 || rightSlope > 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Arrays.stream(values).max().orElseThrow();
    }

    /**
     * Returns min(max(f, lower), upper), with knots inserted where f crosses a bound; {@code lower} may be −∞ and
     * {@code upper} +∞.
     */
    PiecewiseLinear clamp(double lower, double upper) {
        int m = knots.length;
        double[] outKnots = new double[3 * m + 4];
        double[] outValues = new double[outKnots.length];
        int count = 0;
        double[] levels = {lower, upper};
        // Crossings on the left ray, in increasing x: the ray is y_0 + s_L·(x − ξ_0) for x < ξ_0.
        if (leftSlope != 0) {
            double[] xs = new double[2];
            int n = 0;
            for (double level : levels) {
                double x = knots[0] + (level - values[0]) / leftSlope;
                if (ConfigurationProblems.finite(level) && x < knots[0]) {
                    xs[n++] = x;
                }
            }
            Arrays.sort(xs, 0, n);
            for (int j = 0; j < n; j++) {
                outKnots[count] = xs[j];
                outValues[count++] = apply(xs[j]);
            }
        }
        for (int i = 0; i < m; i++) {
            outKnots[count] = knots[i];
            outValues[count++] = values[i];
            if (i < m - 1) {
                double[] xs = new double[2];
                int n = 0;
                for (double level : levels) {
                    if (ConfigurationProblems.finite(level) && (values[i] - level) * (values[i + 1] - level) < 0) {
                        double x = knots[i] + (level - values[i]) / slopes[i];
                        if (x > knots[i] && x < knots[i + 1]) {
                            xs[n++] = x;
                        }
                    }
                }
                Arrays.sort(xs, 0, n);
                for (int j = 0; j < n; j++) {
                    outKnots[count] = xs[j];
                    outValues[count++] = apply(xs[j]);
                }
            }
        }
        if (rightSlope != 0) {
            double[] xs = new double[2];
            int n = 0;
            for (double level : levels) {
                double x = knots[m - 1] + (level - values[m - 1]) / rightSlope;
                if (ConfigurationProblems.finite(level) && x > knots[m - 1]) {
                    xs[n++] = x;
                }
            }
            Arrays.sort(xs, 0, n);
            for (int j = 0; j < n; j++) {
                outKnots[count] = xs[j];
                outValues[count++] = apply(xs[j]);
            }
        }
        for (int i = 0; i < count; i++) {
            outValues[i] = Math.min(Math.max(outValues[i], lower), upper);
        }
        // An end ray keeps its slope only if it heads into the band; otherwise it is clamped flat.
        double newLeft = leftSlope == 0 || !inside(leftSlope > 0 ? Double.NEGATIVE_INFINITY
                : Double.POSITIVE_INFINITY, lower, upper) ? 0 : leftSlope;
        double newRight = rightSlope == 0 || !inside(rightSlope > 0 ? Double.POSITIVE_INFINITY
                : Double.NEGATIVE_INFINITY, lower, upper) ? 0 : rightSlope;
        return of(Arrays.copyOf(outKnots, count), Arrays.copyOf(outValues, count), newLeft, newRight);
    }

    private static boolean inside(double limit, double lower, double upper) {
        return limit >= lower && limit <= upper;
    }

    /**
     * Returns the knots and values of fⁿ restricted to [lower, upper], as {@code {knots, values}}: every breakpoint
     * of fⁿ inside the interval plus both ends, so that fⁿ is affine between consecutive knots. Returns null when
     * more than {@code maxKnots} knots would be needed.
     */
    double[][] iterateOn(double lower, double upper, int n, int maxKnots) {
        double[][] graph = {{lower, upper}, {lower, upper}};
        for (int step = 0; step < n && graph != null; step++) {
            graph = compose(graph[0], graph[1], maxKnots);
        }
        return graph;
    }

    /**
     * Returns the graph of f∘h as {@code {knots, values}}, given h by its knots {@code xs} (ascending) and values
     * {@code ys} with h affine between knots; null when it needs more than {@code maxKnots} knots.
     *
     * <p>On each affine piece of h, the preimages of f's knots lying strictly inside the piece's image are new
     * knots; their values are f's knot values exactly.
     */
    double[][] compose(double[] xs, double[] ys, int maxKnots) {
        double[] nextXs = new double[Math.max(16, 2 * xs.length)];
        double[] nextYs = new double[nextXs.length];
        int count = 0;
        for (int i = 0; i < xs.length; i++) {
            if (count + 1 > nextXs.length) {
                nextXs = Arrays.copyOf(nextXs, 2 * nextXs.length);
                nextYs = Arrays.copyOf(nextYs, nextXs.length);
            }
            nextXs[count] = xs[i];
            nextYs[count++] = apply(ys[i]);
            if (i == xs.length - 1 || ys[i] == ys[i + 1]) {
                continue;
            }
            double y0 = ys[i];
            double y1 = ys[i + 1];
            int from = Arrays.binarySearch(knots, Math.min(y0, y1));
            from = from >= 0 ? from + 1 : -from - 1;
            int to = Arrays.binarySearch(knots, Math.max(y0, y1));
            to = to >= 0 ? to - 1 : -to - 2;
            int inside = to - from + 1;
            if (inside <= 0) {
                continue;
            }
            if (count + inside + 1 > maxKnots) {
                return null;
            }
            if (count + inside + 1 > nextXs.length) {
                int size = Math.max(2 * nextXs.length, count + inside + 1);
                nextXs = Arrays.copyOf(nextXs, size);
                nextYs = Arrays.copyOf(nextYs, size);
            }
            double scale = (xs[i + 1] - xs[i]) / (y1 - y0);
            for (int j = 0; j < inside; j++) {
                int knot = y1 > y0 ? from + j : to - j;
                double x = xs[i] + (knots[knot] - y0) * scale;
                // Rounding may push a preimage onto an end of its piece; keep the knots strictly increasing.
                if (x > nextXs[count - 1] && x < xs[i + 1]) {
                    nextXs[count] = x;
                    nextYs[count++] = values[knot];
                }
            }
        }
        return count > maxKnots ? null : new double[][] {Arrays.copyOf(nextXs, count), Arrays.copyOf(nextYs, count)};
    }

    /**
     * Returns the number of laps (maximal monotone pieces) of a piecewise-linear graph through (x_i, y_i): one more
     * than the number of changes of direction, flat pieces ignored.
     */
    static int laps(double[] ys) {
        int laps = 1;
        int direction = 0;
        for (int i = 0; i + 1 < ys.length; i++) {
            int sign = Double.compare(ys[i + 1], ys[i]);
            if (sign != 0) {
                if (direction != 0 && sign != direction) {
                    laps++;
                }
                direction = sign;
            }
        }
        return laps;
    }

    /** Returns the number of knots. */
    int knotCount() {
        return knots.length;
    }

    double[] knots() {
        return knots.clone();
    }

    double[] values() {
        return values.clone();
    }

    double leftSlope() {
        return leftSlope;
    }

    double rightSlope() {
        return rightSlope;
    }

    @Override
    public String toString() {
        return "PiecewiseLinear[" + knots.length + " knots, slopes " + leftSlope + " ... " + rightSlope + "]";
    }
}
