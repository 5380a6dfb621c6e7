package io.github.chaoswatch.liyorke;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The root certificate of THEORY.md §4.4, step 5: the points of prime period p among the roots of
 * g(x) = f^p(x) − x, found by bisection at every sign change of g between nodes, and assembled into cycles.
 *
 * <p>Since the prime period of a root of f^p(x) = x divides p, a root that is not (to tolerance) a root of
 * f^d(x) = x for any proper divisor d of p has prime period p; for prime p only fixed points must be excluded.
 * Tangential (even-multiplicity) roots show no sign change and are missed; two roots within one bracket cancel. A
 * bracket that also holds a fixed point (f(x) − x changes sign in it) is refined locally, because it may hold a
 * fixed point and two points of period p.
 */
final class CycleRootFinder {

    /** Bisection stops at |Δx| ≤ this × max(1, |x|): a few hundred ulps, below any grid spacing of interest. */
    static final double ROOT_RELATIVE_TOLERANCE = 1e-12;

    /**
     * A root x* is a periodic point of a smaller period d when |f^d(x*) − x*| ≤ this × max(1, |x*|) (THEORY.md
     * §4.4): far above the bisection error times any moderate Lipschitz constant, far below the spacing of distinct
     * cycle points.
     */
    static final double SMALLER_PERIOD_TOLERANCE = 1e-7;

    /**
     * Two cycle points are the same when they differ by at most this × max(1, |x|) × max(1, L): the bisection error
     * 1e-12 carried through one step of f, with a factor 1000 of slack.
     */
    static final double MATCH_RELATIVE_TOLERANCE = 1e-9;

    /** Sub-brackets per local refinement: 32 per level resolves roots 32× closer than the grid spacing. */
    static final int REFINEMENT_FACTOR = 32;

    /** Levels of local refinement: 32³ ≈ 3·10⁴ times the grid resolution near a fixed point. */
    static final int MAX_REFINEMENT_DEPTH = 3;

    /** Bisection steps at most: halving a bracket 200 times exhausts double precision for any finite bracket. */
    private static final int MAX_BISECTIONS = 200;

    private final ScalarMap map;
    private final int period;
    private final int[] divisors;
    private final double lipschitz;
    private int refinementNodes;

    CycleRootFinder(ScalarMap map, int period, double lipschitz) {
        this.map = map;
        this.period = period;
        this.divisors = properDivisors(period);
        this.lipschitz = Math.max(1, lipschitz);
    }

    /** Returns the proper divisors d &lt; p of p, ascending (1 included). */
    static int[] properDivisors(int p) {
        return java.util.stream.IntStream.range(1, p).filter(d -> p % d == 0).toArray();
    }

    /** g(x) = f^p(x) − x. */
    double g(double x) {
        return map.iterate(x, period) - x;
    }

    /** Returns the number of extra nodes evaluated by local refinement so far. */
    int refinementNodes() {
        return refinementNodes;
    }

    /**
     * Finds the cycles of prime period p from nodes x_j (ascending) and g_j = g(x_j).
     *
     * @return the cycles, each once, ordered by their smallest point
     */
    List<PeriodicCycle> find(double[] x, double[] g) {
        List<Double> roots = new ArrayList<>();
        scan(x, g, 0, roots);
        double[] accepted = roots.stream().mapToDouble(Double::doubleValue).filter(this::primePeriod).sorted()
                .toArray();
        return assemble(accepted);
    }

    private void scan(double[] x, double[] g, int depth, List<Double> roots) {
        for (int j = 0; j < x.length; j++) {
            if (g[j] == 0) {
                roots.add(x[j]);
            }
            if (j + 1 < x.length && g[j] * g[j + 1] < 0) {
                bracket(x[j], x[j + 1], g[j], g[j + 1], depth, roots);
            }
        }
    }

    private void bracket(double a, double b, double ga, double gb, int depth, List<Double> roots) {
        double ha = map.apply(a) - a;
        double hb = map.apply(b) - b;
        if (depth < MAX_REFINEMENT_DEPTH && ha * hb <= 0) {
            // The bracket also holds a fixed point (or ends on one): look closer for period-p roots beside it.
            double[] subX = new double[REFINEMENT_FACTOR + 1];
            double[] subG = new double[REFINEMENT_FACTOR + 1];
            for (int i = 0; i <= REFINEMENT_FACTOR; i++) {
                subX[i] = i == REFINEMENT_FACTOR ? b : a + (b - a) * i / REFINEMENT_FACTOR;
                subG[i] = i == 0 ? ga : i == REFINEMENT_FACTOR ? gb : g(subX[i]);
            }
            refinementNodes += REFINEMENT_FACTOR - 1;
            for (int i = 0; i < REFINEMENT_FACTOR; i++) {
                // The ends are nodes of the caller, already examined for exact zeros.
                if (i > 0 && subG[i] == 0) {
                    roots.add(subX[i]);
                }
                if (subG[i] * subG[i + 1] < 0) {
                    bracket(subX[i], subX[i + 1], subG[i], subG[i + 1], depth + 1, roots);
                }
            }
            return;
        }
        roots.add(bisect(a, b, ga));
    }

    private double bisect(double a, double b, double ga) {
        double low = a;
        double high = b;
        boolean lowNegative = ga < 0;
        for (int i = 0; i < MAX_BISECTIONS; i++) {
            double mid = 0.5 * (low + high);
            if (high - low <= ROOT_RELATIVE_TOLERANCE * Math.max(1, Math.abs(mid)) || mid == low || mid == high) {
                return mid;
            }
            double gm = g(mid);
            if (gm == 0) {
                return mid;
            }
            if ((gm < 0) == lowNegative) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    /** True when x is not, to tolerance, a periodic point of a proper divisor of p (so its prime period is p). */
    private boolean primePeriod(double x) {
        for (int d : divisors) {
            double difference = Math.abs(map.iterate(x, d) - x);
            // Positive form: a NaN difference does not count as a periodic point of period p.
            if (!(difference > SMALLER_PERIOD_TOLERANCE * Math.max(1, Math.abs(x)))) {
                return false;
            }
        }
        return true;
    }

    /** Groups accepted roots (ascending) into cycles, each reported once. */
    private List<PeriodicCycle> assemble(double[] roots) {
        boolean[] used = new boolean[roots.length];
        List<PeriodicCycle> cycles = new ArrayList<>();
        for (int r = 0; r < roots.length; r++) {
            if (used[r] || belongsTo(cycles, roots[r])) {
                continue;
            }
            used[r] = true;
            double[] points = new double[period];
            points[0] = roots[r];
            for (int j = 1; j < period; j++) {
                double image = map.apply(points[j - 1]);
                int match = nearestUnused(roots, used, image);
                if (match >= 0 && Math.abs(roots[match] - image) <= tolerance(image)) {
                    used[match] = true;
                    points[j] = roots[match];
                } else {
                    // A cycle point outside the interval (or not resolved as a root): its image is accurate.
                    points[j] = image;
                }
            }
            Arrays.sort(points);
            double[] residuals = new double[period];
            for (int j = 0; j < period; j++) {
                residuals[j] = Math.abs(g(points[j]));
            }
            cycles.add(new PeriodicCycle(points, residuals));
        }
        cycles.sort(Comparator.comparingDouble(c -> c.points()[0]));
        return cycles;
    }

    private boolean belongsTo(List<PeriodicCycle> cycles, double x) {
        for (PeriodicCycle cycle : cycles) {
            for (double point : cycle.points()) {
                if (Math.abs(point - x) <= tolerance(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    private double tolerance(double x) {
        return MATCH_RELATIVE_TOLERANCE * Math.max(1, Math.abs(x)) * lipschitz;
    }

    private static int nearestUnused(double[] sorted, boolean[] used, double value) {
        int insertion = Arrays.binarySearch(sorted, value);
        int center = insertion >= 0 ? insertion : -insertion - 1;
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = Math.max(0, center - 2); i <= Math.min(sorted.length - 1, center + 2); i++) {
            double distance = Math.abs(sorted[i] - value);
            if (!used[i] && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }
}
