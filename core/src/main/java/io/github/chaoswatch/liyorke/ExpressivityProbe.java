package io.github.chaoswatch.liyorke;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Counts the oscillations of the iterates of a map: the laps (maximal monotone pieces) of f^T on an interval for
 * T = 1 … T_max, and fits their exponential growth rate (THEORY.md §4.8; Chatziafratis, Nagarajan, Panageas &amp; Wang
 * 2020, arXiv:1912.04378; Chatziafratis, Panageas, Sanford &amp; Stavroulakis 2022, arXiv:2210.05212).
 *
 * <p>For a piecewise-linear map the laps are counted exactly from the breakpoints of f^T (composition adds the
 * preimages of f's breakpoints), as long as f^T has at most {@link Builder#maxKnots} pieces; the profile stops at
 * the last T within the cap. For other maps they are counted on a uniform grid of {@link Builder#gridSize} points,
 * which misses laps narrower than the spacing. The growth rate is the least-squares slope of ln ℓ(f^T) against T
 * over T ≥ {@link Builder#fitFrom} (transients at small T bias it), in nats per iteration, and is compared with
 * ln φ_g, the least rate a map with period 3 can have.
 *
 * <p>Immutable and thread-safe.
 */
public final class ExpressivityProbe {

    /** Default grid size for maps that are not piecewise linear: 10⁵ points resolve laps down to 1e-5 of the interval. */
    public static final int DEFAULT_GRID_SIZE = 100_000;

    /** Default cap on the knots of f^T: 2·10⁶ doubles per array, about 32 MB in all. */
    public static final int DEFAULT_MAX_KNOTS = 2_000_000;

    private final int maxIterations;
    private final int gridSize;
    private final int maxKnots;
    private final int fitFrom;

    private ExpressivityProbe(Builder builder) {
        this.maxIterations = builder.maxIterations;
        this.gridSize = builder.gridSize;
        this.maxKnots = builder.maxKnots;
        this.fitFrom = builder.fitFrom;
    }

    /** Probes {@code map} on its automatic search interval ({@link SearchInterval#automatic}). */
    public ExpressivityProfile probe(ScalarMap map) {
        SearchInterval interval = SearchInterval.automatic(map);
        return probe(map, interval.lower(), interval.upper());
    }

    /**
     * Probes {@code map} on [lower, upper].
     *
     * @throws IllegalArgumentException unless lower &lt; upper, both finite
     */
    public ExpressivityProfile probe(ScalarMap map, double lower, double upper) {
        Objects.requireNonNull(map, "map");
        if (!(ConfigurationProblems.finite(lower) && ConfigurationProblems.finite(upper) && lower < upper)) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] is invalid; pass finite ends"
                    + " with lower < upper");
        }
        PiecewiseLinear pl = map.piecewiseLinearForm();
        int[] laps = pl != null ? exactLaps(pl, lower, upper) : gridLaps(map, lower, upper);
        boolean exact = pl != null;
        OptionalDouble rate = fit(laps);
        String comparison = rate.isEmpty() ? "too few iterates to fit a rate"
                : String.format(Locale.ROOT, "rate %.4f nats/iteration (factor %.4f per loop) %s ln phi_g = %.4f, the"
                        + " least rate of a map with period 3", rate.getAsDouble(), Math.exp(rate.getAsDouble()),
                rate.getAsDouble() >= ExpressivityProfile.GOLDEN_RATIO_RATE ? ">=" : "<",
                ExpressivityProfile.GOLDEN_RATIO_RATE);
        String description = String.format(Locale.ROOT, "Laps of f^T for '%s' on [%.6g, %.6g], T = 1..%d (%s): %s;"
                        + " fit over T >= %d: %s.%s", map.name(), lower, upper, laps.length,
                exact ? "exact, from breakpoints" : "on a grid of " + gridSize + " points", Arrays.toString(laps),
                fitFrom, comparison, laps.length < maxIterations ? " Stopped at T = " + laps.length + ": f^"
                        + (laps.length + 1) + " has more than " + maxKnots + " pieces." : "");
        return new ExpressivityProfile(map.name(), lower, upper, laps, exact, fitFrom, rate, description);
    }

    private int[] exactLaps(PiecewiseLinear pl, double lower, double upper) {
        List<Integer> laps = new ArrayList<>();
        double[][] graph = {{lower, upper}, {lower, upper}};
        for (int t = 1; t <= maxIterations; t++) {
            graph = pl.compose(graph[0], graph[1], maxKnots);
            if (graph == null) {
                break;
            }
            laps.add(PiecewiseLinear.laps(graph[1]));
        }
        return laps.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] gridLaps(ScalarMap map, double lower, double upper) {
        double[] y = new double[gridSize];
        for (int j = 0; j < gridSize; j++) {
            y[j] = j == gridSize - 1 ? upper : lower + j * (upper - lower) / (gridSize - 1);
        }
        int[] laps = new int[maxIterations];
        for (int t = 0; t < maxIterations; t++) {
            for (int j = 0; j < gridSize; j++) {
                y[j] = map.apply(y[j]);
            }
            laps[t] = PiecewiseLinear.laps(y);
        }
        return laps;
    }

    /** Least-squares slope of ln laps against T over T ≥ fitFrom; empty with fewer than two points. */
    private OptionalDouble fit(int[] laps) {
        int n = laps.length - fitFrom + 1;
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double meanT = 0;
        double meanLog = 0;
        for (int t = fitFrom; t <= laps.length; t++) {
            meanT += (double) t / n;
            meanLog += Math.log(laps[t - 1]) / n;
        }
        double covariance = 0;
        double variance = 0;
        for (int t = fitFrom; t <= laps.length; t++) {
            covariance += (t - meanT) * (Math.log(laps[t - 1]) - meanLog);
            variance += (t - meanT) * (t - meanT);
        }
        return OptionalDouble.of(covariance / variance);
    }

    @Override
    public String toString() {
        return "ExpressivityProbe[maxIterations=" + maxIterations + ", fitFrom=" + fitFrom + ", gridSize=" + gridSize
                + ", maxKnots=" + maxKnots + "]";
    }

    /** Builds an {@link ExpressivityProbe}. */
    public static final class Builder {

        private final int maxIterations;
        private int gridSize = DEFAULT_GRID_SIZE;
        private int maxKnots = DEFAULT_MAX_KNOTS;
        private int fitFrom = 1;

        /**
         * Starts a builder.
         *
         * @param maxIterations T_max, the largest iterate counted (at least 2; laps grow exponentially, so 10–15
         *                      is typical)
         */
        public Builder(int maxIterations) {
            this.maxIterations = maxIterations;
        }

        /** Sets the grid size for maps that are not piecewise linear (default {@value #DEFAULT_GRID_SIZE}; ≥ 3). */
        public Builder gridSize(int gridSize) {
            this.gridSize = gridSize;
            return this;
        }

        /** Sets the cap on the knots of f^T for exact counting (default {@value #DEFAULT_MAX_KNOTS}; ≥ 2). */
        public Builder maxKnots(int maxKnots) {
            this.maxKnots = maxKnots;
            return this;
        }

        /** Sets the first T of the fit (default 1; at most T_max − 1), to skip a transient. */
        public Builder fitFrom(int fitFrom) {
            this.fitFrom = fitFrom;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException listing every invalid setting
         */
        public ExpressivityProbe build() {
            List<String> problems = new ArrayList<>();
            if (!(maxIterations >= 2)) {
                problems.add("maxIterations = " + maxIterations + " must be at least 2 to fit a rate");
            }
            if (!(fitFrom >= 1 && fitFrom <= maxIterations - 1)) {
                problems.add("fitFrom = " + fitFrom + " must be between 1 and maxIterations - 1 = "
                        + (maxIterations - 1));
            }
            if (!(gridSize >= 3)) {
                problems.add("gridSize = " + gridSize + " must be at least 3");
            }
            if (!(maxKnots >= 2)) {
                problems.add("maxKnots = " + maxKnots + " must be at least 2");
            }
            ConfigurationProblems.check("ExpressivityProbe", problems);
            return new ExpressivityProbe(this);
        }
    }
}
