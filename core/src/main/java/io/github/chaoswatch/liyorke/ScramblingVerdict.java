package io.github.chaoswatch.liyorke;

/**
 * What the scrambled-pair test saw for a pair of nearby trajectories, or for all pairs together (THEORY.md §4.7).
 *
 * <p>With d_t the distance of the pair, ε_far = 0.1·diam, ε_close = 1e-3·diam and T_0 the first step with
 * d_t &gt; ε_far:
 */
public enum ScramblingVerdict {
    /**
     * The pair never separated beyond ε_far, or separated and then came within ε_close without separating beyond
     * ε_far again: its orbits converge (liminf = limsup = 0 as far as the window shows). No scrambling.
     */
    ASYMPTOTIC,
    /**
     * After separating at T_0 the pair came within ε_close and later separated beyond ε_far again: the finite-time
     * picture of liminf d_t = 0 &lt; limsup d_t, a scrambled pair.
     */
    SCRAMBLED_LIKE,
    /**
     * After separating at T_0 the pair never came within ε_close again: different attractors (d_min stays away from
     * 0), or chaos in too many dimensions for close returns to be seen in the window. Not a proof of no scrambling.
     */
    SEPARATED,
    /** A state became non-finite; there is no verdict. */
    DIVERGED
}
