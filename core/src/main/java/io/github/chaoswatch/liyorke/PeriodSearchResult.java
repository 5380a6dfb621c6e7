package io.github.chaoswatch.liyorke;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a search for a point of prime period p of a one-dimensional map (THEORY.md §4.4).
 *
 * <p>Two certificates may fire. The <b>Li–Yorke certificate</b> (p = 3 only) is a {@link LiYorkeWitness}: a point
 * where f³(a) ≤ a &lt; f(a) &lt; f²(a) or its mirror holds with a margin above rounding. The <b>root certificate</b>
 * lists the {@link PeriodicCycle}s found as sign changes of f^p(x) − x that are not periodic points of a smaller
 * period dividing p. The verdict is positive when either fires; {@link #certificatesAgree()} says whether both did
 * (or neither). A NONE verdict holds on the reported interval at the reported resolution, unless the interval is
 * complete and the map piecewise linear with its breakpoints in the grid, where it is exact up to rounding; or it
 * was decided by the Lipschitz pre-filter, which is exact.
 *
 * @param verdict          PERIOD3, OTHER_PERIOD or NONE
 * @param map              the name of the map searched
 * @param period           p
 * @param interval         where the search ran
 * @param gridSize         M, the number of uniform grid points requested
 * @param nodes            the number of nodes evaluated: the grid, plus the breakpoints of f^p for piecewise-linear
 *                         maps, plus local refinements (0 when the pre-filter decided)
 * @param breakpointsInGrid whether every breakpoint of f^p in the interval was a node (then f^p − x is affine
 *                          between nodes and no transversal root is missed)
 * @param prefilterDecided true when max|slope| &lt; ρ_p proved NONE without a grid (piecewise-linear maps, odd p)
 * @param lipschitz        the Lipschitz constant used: exact max|slope| for piecewise-linear maps, else the largest
 *                         |f'| seen on the nodes (an estimate)
 * @param witness          the Li–Yorke certificate, if it fired (p = 3 only)
 * @param cycles           the cycles of the root certificate, each once, ordered by their smallest point
 * @param description      a human-readable account, including the Sharkovskii consequence
 */
public record PeriodSearchResult(Verdict verdict, String map, int period, SearchInterval interval, int gridSize,
                                 int nodes, boolean breakpointsInGrid, boolean prefilterDecided, double lipschitz,
                                 Optional<LiYorkeWitness> witness, List<PeriodicCycle> cycles, String description) {

    /** What the search found. */
    public enum Verdict {
        /** A point of prime period 3: every period exists and the map is Li–Yorke chaotic. */
        PERIOD3,
        /** A point of the requested prime period p ≠ 3 (see {@link #description()} for what it implies). */
        OTHER_PERIOD,
        /** No point of prime period p on the interval at this resolution (or none at all, see the description). */
        NONE
    }

    /** Copies the list of cycles. */
    public PeriodSearchResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(witness, "witness");
        Objects.requireNonNull(description, "description");
        cycles = List.copyOf(cycles);
    }

    /** Returns true when a point of the requested prime period was found. */
    public boolean found() {
        return verdict != Verdict.NONE;
    }

    /**
     * Returns true when the two certificates agree: for p = 3 both fired or neither did; for other periods (no
     * Li–Yorke certificate) always true.
     */
    public boolean certificatesAgree() {
        return period != 3 || witness.isPresent() == !cycles.isEmpty();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PeriodSearchResult[%s, p=%d, %s: %s]", verdict, period, map, description);
    }
}
