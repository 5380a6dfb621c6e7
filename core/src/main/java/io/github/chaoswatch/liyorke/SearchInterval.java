package io.github.chaoswatch.liyorke;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The interval [lower, upper] on which a periodic orbit is searched, and why it was chosen (THEORY.md §4.4, step 1).
 *
 * <p>{@link #complete()} is true when every periodic orbit of the map lies in the interval, because the interval
 * contains the map's whole image (every periodic point x = f(f^{p−1}(x)) is a value of f). Otherwise the choice is
 * a heuristic, and a NONE answer holds only on this interval.
 *
 * @param lower    left end, finite
 * @param upper    right end, finite, &gt; lower
 * @param complete whether the interval contains every periodic orbit of the map
 * @param reason   how the interval was chosen
 */
public record SearchInterval(double lower, double upper, boolean complete, String reason) {

    /**
     * Half-width, relative to max(1, |c|), of the interval around the single image point c of a constant map: any
     * proper interval will do, since c is the only periodic point.
     */
    static final double CONSTANT_IMAGE_PAD = 1e-6;

    /**
     * Extension used when the breakpoint hull has zero width and f vanishes on it (one breakpoint at a fixed point
     * 0): a unit neighbourhood, in the units of x, keeps the interval proper.
     */
    static final double DEGENERATE_EXTENSION = 1;

    /**
     * Validates the interval.
     *
     * @throws IllegalArgumentException unless lower &lt; upper, both finite
     */
    public SearchInterval {
        Objects.requireNonNull(reason, "reason");
        // Positive form: NaN fails.
        if (!(ConfigurationProblems.finite(lower) && ConfigurationProblems.finite(upper) && lower < upper)) {
            throw new IllegalArgumentException("search interval [" + lower + ", " + upper
                    + "] is invalid; pass finite ends with lower < upper");
        }
    }

    /**
     * Returns an interval given by the caller; it is complete if it contains the map's known image.
     *
     * @throws IllegalArgumentException unless lower &lt; upper, both finite
     */
    public static SearchInterval given(ScalarMap map, double lower, double upper) {
        boolean complete = map.hasBoundedImage() && lower <= map.imageLower() && upper >= map.imageUpper();
        return new SearchInterval(lower, upper, complete, complete ? "given; contains the image of the map"
                : "given by the caller");
    }

    /**
     * Chooses the interval automatically (THEORY.md §4.4, step 1).
     *
     * <ul>
     *   <li>Bounded image (clipped, sigmoid or tanh output, declared or exact): exactly the image [inf f, sup f];
     *       complete.</li>
     *   <li>Piecewise-linear map with unbounded image (identity or ReLU output): the convex hull of a 3-cycle must
     *       contain a breakpoint, because an affine map has no point of prime period 3. With the breakpoint hull
     *       [β_min, β_max], its width w and M = max |f| over it (attained at breakpoints), search
     *       [β_min − w − M, β_max + w + M], cut to the image where that is bounded on one side. A heuristic.</li>
     * </ul>
     *
     * @throws IllegalArgumentException for a map that is neither piecewise linear nor has a bounded image (pass the
     *                                  interval), or a piecewise-linear map without breakpoints (affine)
     */
    public static SearchInterval automatic(ScalarMap map) {
        if (map.hasBoundedImage() && map.imageLower() < map.imageUpper()) {
            return new SearchInterval(map.imageLower(), map.imageUpper(), true, "the image of the map");
        }
        if (map.hasBoundedImage()) {
            // A constant map: widen the single image point so the interval is proper; the point is its only orbit.
            double c = map.imageLower();
            double pad = Math.max(1, Math.abs(c)) * CONSTANT_IMAGE_PAD;
            return new SearchInterval(c - pad, c + pad, true, "the image of the map (a single point)");
        }
        if (!map.isPiecewiseLinear()) {
            throw new IllegalArgumentException("map '" + map.name() + "' is neither piecewise linear nor declares a"
                    + " bounded image, so no search interval can be chosen; pass one (detect(map, lower, upper)) or"
                    + " declare the image with withImageBounds(lower, upper)");
        }
        double[] breakpoints = map.breakpoints();
        if (breakpoints.length == 0) {
            throw new IllegalArgumentException("map '" + map.name() + "' is affine (no breakpoints): it has no"
                    + " point of prime period above 2, and no interval is needed");
        }
        double low = breakpoints[0];
        double high = breakpoints[breakpoints.length - 1];
        double maxAbs = Arrays.stream(breakpoints).map(x -> Math.abs(map.apply(x))).max().orElseThrow();
        double extension = (high - low) + maxAbs;
        if (!(extension > 0)) {
            extension = DEGENERATE_EXTENSION;
        }
        double lower = Math.max(low - extension, map.imageLower());
        double upper = Math.min(high + extension, map.imageUpper());
        if (!(lower < upper)) {
            // The image misses the extended hull, so no cycle can surround a breakpoint and any proper interval gives
            // the right NONE: keep the uncut one.
            lower = low - extension;
            upper = high + extension;
        }
        return new SearchInterval(lower, upper, false, String.format(Locale.ROOT,
                "heuristic: breakpoint hull [%.6g, %.6g] extended by its width and max|f| = %.6g on it%s", low, high,
                maxAbs, ConfigurationProblems.finite(map.imageLower()) || ConfigurationProblems.finite(
                        map.imageUpper()) ? ", cut to the image" : ""));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%.6g, %.6g] (%s%s)", lower, upper, reason,
                complete ? "; complete" : "");
    }
}
