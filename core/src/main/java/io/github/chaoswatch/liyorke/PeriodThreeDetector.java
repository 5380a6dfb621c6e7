package io.github.chaoswatch.liyorke;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Searches a one-dimensional continuous map for a point of prime period 3 (or another period p), the Li–Yorke
 * criterion for chaos (Li &amp; Yorke 1975; THEORY.md §4.2, §4.4).
 *
 * <p>Algorithm, for f on an interval [L, U] (THEORY.md §4.4):
 * <ol>
 *   <li><b>Interval</b>: given, or chosen by {@link SearchInterval#automatic}: the image of f when it is bounded
 *       (complete), else a heuristic around the breakpoints of a piecewise-linear map.</li>
 *   <li><b>Exact pre-filter</b> (piecewise-linear f, odd p): period p forces h_top ≥ ln ρ_p and h_top ≤ ln Lip(f)
 *       (Misiurewicz &amp; Szlenk 1980), so max|slope| &lt; ρ_p (ρ_3 = φ_g = (1 + √5)/2) proves NONE everywhere.</li>
 *   <li><b>Grid</b>: X_j = L + j(U − L)/(M − 1), j = 0 … M − 1; for piecewise-linear f also every breakpoint of f^p in
 *       [L, U], so that f^p(x) − x is affine between nodes and the search is exact up to rounding.</li>
 *   <li><b>Li–Yorke certificate</b> (p = 3): a node a with f³(a) ≤ a &lt; f(a) &lt; f²(a), or mirrored, and margin
 *       m(a) &gt; 1e-9·(1 + L + L²)·(1 + max_j |f^j(a)|) against rounding; the node of largest margin is reported
 *       with η_max = m(a)/(1 + L + L²) (§4.8).</li>
 *   <li><b>Root certificate</b>: bisection at every sign change of f^p(x) − x to |Δx| ≤ 1e-12·max(1, |x|),
 *       excluding periodic points of proper divisors of p (for prime p: fixed points, |f(x) − x| ≤ 1e-7·max(1, |x|));
 *       brackets that also hold a fixed point are refined locally; each cycle is reported once, sorted.</li>
 * </ol>
 * The verdict is positive when either certificate fires. Tangential roots (exactly at a saddle-node bifurcation) and,
 * for smooth maps, two roots closer than the grid spacing are missed: raise {@link Builder#gridSize} near a
 * bifurcation.
 *
 * <p><b>Never use f⁴.</b> Fixed points of f⁴ have period 1, 2 or 4, never 3; "f⁴(x) = x has more solutions than
 * f(x) = x" fires on every 2-cycle, e.g. the logistic map at r = 3.2 (§4.5).
 *
 * <pre>{@code
 * PeriodThreeDetector detector = new PeriodThreeDetector.Builder().gridSize(20_000).build();
 * PeriodSearchResult result = detector.detect(ScalarMap.of(x -> 3.9 * x * (1 - x), x -> 3.9 * (1 - 2 * x),
 *         "logistic"), 0, 1);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PeriodThreeDetector {

    /** Default grid size M: THEORY.md §4.4 asks 10⁴–2·10⁴; 10⁴ resolves the logistic window 10⁻⁴ above r_c. */
    public static final int DEFAULT_GRID_SIZE = 10_000;

    /** Default cap on breakpoint nodes of f^p: 10⁶ doubles fit easily; beyond it the uniform grid alone is used. */
    public static final int DEFAULT_MAX_BREAKPOINT_NODES = 1_000_000;

    /** Largest period searched: f^p has up to ρ^p laps, and p ≤ 16 covers every use of Sharkovskii's order here. */
    public static final int MAX_PERIOD = 16;

    /** Least grid size: fewer points cannot resolve anything. */
    static final int MIN_GRID_SIZE = 3;

    private final int gridSize;
    private final int maxBreakpointNodes;
    private final boolean includeBreakpoints;

    private PeriodThreeDetector(Builder builder) {
        this.gridSize = builder.gridSize;
        this.maxBreakpointNodes = builder.maxBreakpointNodes;
        this.includeBreakpoints = builder.includeBreakpoints;
    }

    /** Returns a detector with the defaults. */
    public static PeriodThreeDetector withDefaults() {
        return new Builder().build();
    }

    /** Searches for period 3 on the automatically chosen interval ({@link SearchInterval#automatic}). */
    public PeriodSearchResult detect(ScalarMap map) {
        return detect(map, 3);
    }

    /** Searches for period 3 on [lower, upper]. */
    public PeriodSearchResult detect(ScalarMap map, double lower, double upper) {
        return detect(map, 3, SearchInterval.given(map, lower, upper));
    }

    /** Searches for prime period p on the automatically chosen interval. */
    public PeriodSearchResult detect(ScalarMap map, int period) {
        Objects.requireNonNull(map, "map");
        checkPeriod(period);
        if (map.isPiecewiseLinear() && map.breakpoints().length == 0 && period > 2) {
            return affine(map, period);
        }
        return detect(map, period, SearchInterval.automatic(map));
    }

    /** Searches for prime period p on [lower, upper]. */
    public PeriodSearchResult detect(ScalarMap map, int period, double lower, double upper) {
        return detect(map, period, SearchInterval.given(map, lower, upper));
    }

    /**
     * Searches for a point of prime period p on the given interval.
     *
     * @param map      the map
     * @param period   p, 2 ≤ p ≤ {@value #MAX_PERIOD}
     * @param interval where to search
     * @return the verdict with its certificates and a description stating the Sharkovskii consequence
     * @throws IllegalArgumentException if p is out of range
     */
    public PeriodSearchResult detect(ScalarMap map, int period, SearchInterval interval) {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(interval, "interval");
        checkPeriod(period);
        PiecewiseLinear pl = map.piecewiseLinearForm();
        if (pl != null && period % 2 == 1 && pl.maxAbsSlope() < Sharkovskii.entropyBase(period)) {
            return prefiltered(map, period, interval, pl.maxAbsSlope());
        }
        double[] breakpoints = null;
        if (pl != null && includeBreakpoints) {
            double[][] iterate = pl.iterateOn(interval.lower(), interval.upper(), period, maxBreakpointNodes);
            breakpoints = iterate == null ? null : iterate[0];
        }
        double[] x = nodes(interval, breakpoints);
        double[] g = new double[x.length];
        double lipschitz = pl != null ? pl.maxAbsSlope() : 0;
        List<double[]> candidates = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            double a = x[j];
            double y = a;
            double f1 = 0;
            double f2 = 0;
            for (int k = 1; k <= period; k++) {
                y = map.apply(y);
                if (k == 1) {
                    f1 = y;
                } else if (k == 2) {
                    f2 = y;
                }
            }
            g[j] = y - a;
            if (pl == null) {
                lipschitz = Math.max(lipschitz, finiteOrZero(Math.abs(map.derivative(a))));
            }
            if (period == 3) {
                double margin = LiYorkeCertificate.margin(a, f1, f2, y);
                if (margin > 0) {
                    candidates.add(new double[] {a, f1, f2, y, margin});
                }
            }
        }
        Optional<LiYorkeWitness> witness = period == 3
                ? LiYorkeCertificate.best(map, candidates, lipschitz, pl != null)
                : Optional.empty();
        CycleRootFinder finder = new CycleRootFinder(map, period, lipschitz);
        List<PeriodicCycle> cycles = finder.find(x, g);
        int nodes = x.length + finder.refinementNodes();
        boolean exactNodes = breakpoints != null;
        PeriodSearchResult.Verdict verdict = witness.isEmpty() && cycles.isEmpty() ? PeriodSearchResult.Verdict.NONE
                : period == 3 ? PeriodSearchResult.Verdict.PERIOD3 : PeriodSearchResult.Verdict.OTHER_PERIOD;
        String description = describe(verdict, map, period, interval, nodes, exactNodes,
                pl != null && includeBreakpoints && !exactNodes, witness, cycles);
        return new PeriodSearchResult(verdict, map.name(), period, interval, gridSize, nodes, exactNodes, false,
                Math.max(1, lipschitz), witness, cycles, description);
    }

    /** Returns v if finite, else 0: a NaN or infinite slope must not poison a maximum. */
    static double finiteOrZero(double v) {
        return ConfigurationProblems.finite(v) ? v : 0;
    }

    /** The uniform grid, merged with the breakpoints of f^p (if any), ascending and without duplicates. */
    private double[] nodes(SearchInterval interval, double[] breakpoints) {
        double lower = interval.lower();
        double upper = interval.upper();
        double[] grid = new double[gridSize];
        for (int j = 0; j < gridSize; j++) {
            grid[j] = j == gridSize - 1 ? upper : lower + j * (upper - lower) / (gridSize - 1);
        }
        if (breakpoints == null) {
            return grid;
        }
        double[] all = Arrays.copyOf(grid, grid.length + breakpoints.length);
        System.arraycopy(breakpoints, 0, all, grid.length, breakpoints.length);
        Arrays.sort(all);
        int count = 0;
        for (int i = 0; i < all.length; i++) {
            if (count == 0 || all[i] != all[count - 1]) {
                all[count++] = all[i];
            }
        }
        return Arrays.copyOf(all, count);
    }

    private PeriodSearchResult prefiltered(ScalarMap map, int period, SearchInterval interval, double slope) {
        double rho = Sharkovskii.entropyBase(period);
        String description = String.format(Locale.ROOT, "NONE, decided by the exact pre-filter: max|slope| = %.6g <"
                + " rho_%d = %.6g, so h_top <= ln %.6g < ln rho_%d (Misiurewicz & Szlenk 1980), while prime period"
                + " %d would force h_top >= ln rho_%d (BGMY 1980). No point of prime period %d exists anywhere on the"
                + " real line.", slope, period, rho, slope, period, period, period, period);
        return new PeriodSearchResult(PeriodSearchResult.Verdict.NONE, map.name(), period, interval, gridSize, 0,
                false, true, Math.max(1, slope), Optional.empty(), List.of(), description);
    }

    private PeriodSearchResult affine(ScalarMap map, int period) {
        double slope = map.maxAbsSlope().orElseThrow();
        SearchInterval everywhere = new SearchInterval(-1, 1, true,
                "not searched: the map is affine and the verdict holds on the whole line");
        return new PeriodSearchResult(PeriodSearchResult.Verdict.NONE, map.name(), period, everywhere, gridSize, 0,
                true, false, Math.max(1, slope), Optional.empty(), List.of(), "NONE: the map is affine, and an affine"
                + " map has no point of prime period " + period + " > 2. Exact.");
    }

    private String describe(PeriodSearchResult.Verdict verdict, ScalarMap map, int period, SearchInterval interval,
                            int nodes, boolean exactNodes, boolean capExceeded, Optional<LiYorkeWitness> witness,
                            List<PeriodicCycle> cycles) {
        StringBuilder text = new StringBuilder();
        String resolution = String.format(Locale.ROOT, "%d nodes (grid M = %d%s)", nodes, gridSize,
                exactNodes ? " plus every breakpoint of f^" + period + " in the interval"
                        : capExceeded ? "; f^" + period + " has more than " + maxBreakpointNodes
                        + " breakpoints, so only the uniform grid was searched" : "");
        if (verdict == PeriodSearchResult.Verdict.NONE) {
            text.append(String.format(Locale.ROOT, "NONE: no point of prime period %d of '%s' on %s at this"
                    + " resolution, %s.", period, map.name(), interval, resolution));
            if (interval.complete() && exactNodes) {
                text.append(" The interval holds every periodic orbit and f^").append(period)
                        .append(" - x is affine between nodes, so this is exact up to rounding and tangential"
                                + " roots.");
            } else if (interval.complete()) {
                text.append(" The interval holds every periodic orbit; roots closer than the grid spacing or"
                        + " tangential roots can still be missed.");
            } else {
                text.append(" Not a proof: periodic orbits outside the interval are not searched.");
            }
            return text.toString();
        }
        text.append(String.format(Locale.ROOT, "Prime period %d found for '%s' on %s, %s.", period, map.name(),
                interval, resolution));
        witness.ifPresent(w -> text.append(" Li-Yorke certificate: ").append(w).append('.'));
        if (!cycles.isEmpty()) {
            text.append(" Root certificate: ").append(cycles.size()).append(cycles.size() == 1 ? " cycle " : " cycles ")
                    .append(cycles.size() <= 6 ? cycles.toString() : cycles.subList(0, 6) + " ...").append('.');
        }
        if (period == 3 && witness.isEmpty()) {
            text.append(" The Li-Yorke condition held at no node with a margin above the rounding guard; refine the"
                    + " grid.");
        } else if (period == 3 && cycles.isEmpty()) {
            text.append(" No 3-cycle was resolved as a sign change (tangential, or two roots in one grid cell);"
                    + " refine the grid.");
        }
        text.append(' ').append(Sharkovskii.consequence(period));
        return text.toString();
    }

    private static void checkPeriod(int period) {
        if (!(period >= 2 && period <= MAX_PERIOD)) {
            throw new IllegalArgumentException("period = " + period + " is out of range; use a period from 2 to "
                    + MAX_PERIOD + " (3 for the Li-Yorke criterion, odd periods 5, 7, ... for Sharkovskii)");
        }
    }

    @Override
    public String toString() {
        return "PeriodThreeDetector[gridSize=" + gridSize + ", includeBreakpoints=" + includeBreakpoints
                + ", maxBreakpointNodes=" + maxBreakpointNodes + "]";
    }

    /** Builds a {@link PeriodThreeDetector}. */
    public static final class Builder {

        private int gridSize = DEFAULT_GRID_SIZE;
        private int maxBreakpointNodes = DEFAULT_MAX_BREAKPOINT_NODES;
        private boolean includeBreakpoints = true;

        /** Starts a builder with the defaults. */
        public Builder() {
        }

        /** Sets M, the number of uniform grid points (default {@value #DEFAULT_GRID_SIZE}; at least 3). */
        public Builder gridSize(int gridSize) {
            this.gridSize = gridSize;
            return this;
        }

        /**
         * Sets whether the breakpoints of f^p of a piecewise-linear map join the grid (default true), which makes
         * the search exact up to rounding; false gives the plain grid search of THEORY.md §4.4.
         */
        public Builder includeBreakpoints(boolean includeBreakpoints) {
            this.includeBreakpoints = includeBreakpoints;
            return this;
        }

        /**
         * Sets the most breakpoints of f^p added to the grid (default {@value #DEFAULT_MAX_BREAKPOINT_NODES}); a
         * map with more falls back to the uniform grid, and its result says so.
         */
        public Builder maxBreakpointNodes(int maxBreakpointNodes) {
            this.maxBreakpointNodes = maxBreakpointNodes;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException listing every invalid setting
         */
        public PeriodThreeDetector build() {
            List<String> problems = new ArrayList<>();
            if (!(gridSize >= MIN_GRID_SIZE)) {
                problems.add("gridSize = " + gridSize + " must be at least " + MIN_GRID_SIZE + "; THEORY.md §4.4"
                        + " recommends 10000-20000");
            }
            if (!(maxBreakpointNodes >= 2)) {
                problems.add("maxBreakpointNodes = " + maxBreakpointNodes + " must be at least 2; use"
                        + " includeBreakpoints(false) to search the uniform grid only");
            }
            ConfigurationProblems.check("PeriodThreeDetector", problems);
            return new PeriodThreeDetector(this);
        }
    }
}
