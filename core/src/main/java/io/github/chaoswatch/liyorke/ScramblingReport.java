package io.github.chaoswatch.liyorke;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of a {@link ScramblingTest}: the verdict over all pairs, the scale it was judged on, and every pair.
 *
 * <p>The overall verdict is DIVERGED if any pair diverged, else SCRAMBLED_LIKE if any pair was, else SEPARATED if
 * any pair was, else ASYMPTOTIC. Report it next to λ_1 and D_KY: in high dimension a SEPARATED verdict is expected
 * even for Li–Yorke chaotic maps (see {@link ScramblingTest}).
 *
 * <p>When the reference trajectory itself diverged, the verdict is DIVERGED, the scales are NaN and there are no
 * pairs.
 *
 * @param dynamics       the name of the dynamics tested
 * @param verdict        the overall verdict
 * @param diameter       diam, the attractor diameter the thresholds are relative to
 * @param farThreshold   ε_far = 0.1·diam
 * @param closeThreshold ε_close = 1e-3·diam
 * @param pairs          every pair, in the order of the separations δ, then of the random directions
 * @param description    a human-readable account, including what was measured and how diam was found
 * @param settings       the test's settings, for reproduction
 */
public record ScramblingReport(String dynamics, ScramblingVerdict verdict, double diameter, double farThreshold,
                               double closeThreshold, List<PairSeparation> pairs, String description,
                               String settings) {

    /** Copies the list of pairs. */
    public ScramblingReport {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(settings, "settings");
        pairs = List.copyOf(pairs);
    }

    /** Returns the number of pairs with the given verdict. */
    public long count(ScramblingVerdict pairVerdict) {
        return pairs.stream().filter(p -> p.verdict() == pairVerdict).count();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ScramblingReport[%s: %s, diam=%.4g, %d scrambled-like / %d separated /"
                        + " %d asymptotic of %d pairs]", dynamics, verdict, diameter,
                count(ScramblingVerdict.SCRAMBLED_LIKE), count(ScramblingVerdict.SEPARATED),
                count(ScramblingVerdict.ASYMPTOTIC), pairs.size());
    }
}
