package io.github.chaoswatch.liyorke;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The distance record of one pair (s, s + δ·diam·u) over the test window (THEORY.md §4.7).
 *
 * <p>Statistics are taken over [T_0, T] after the pair first separated beyond ε_far (step T_0), or over the whole
 * window if it never did. A DIVERGED pair has NaN distances and fractions.
 *
 * @param relativeSeparation δ, the initial distance as a fraction of the attractor diameter
 * @param separationStep     T_0, the first step (1-based within the window) with d_t &gt; ε_far; empty if never
 * @param minDistance        d_min, the liminf proxy
 * @param maxDistance        d_max, the limsup proxy
 * @param closeFraction      P_close, the fraction of steps with d_t &lt; ε_close
 * @param farFraction        P_far, the fraction of steps with d_t &gt; ε_far
 * @param verdict            the pair's verdict
 */
public record PairSeparation(double relativeSeparation, OptionalInt separationStep, double minDistance,
                             double maxDistance, double closeFraction, double farFraction,
                             ScramblingVerdict verdict) {

    /** Checks the references. */
    public PairSeparation {
        Objects.requireNonNull(separationStep, "separationStep");
        Objects.requireNonNull(verdict, "verdict");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "delta=%.0e: %s, T0=%s, d_min=%.3e, d_max=%.3e, P_close=%.3f, P_far=%.3f",
                relativeSeparation, verdict, separationStep.isPresent() ? separationStep.getAsInt() : "never",
                minDistance, maxDistance, closeFraction, farFraction);
    }
}
