package io.github.chaoswatch.liyorke;

import java.util.Locale;

/**
 * What a point of prime period p implies (THEORY.md §4.2): the Sharkovskii order, the entropy bound of Block,
 * Guckenheimer, Misiurewicz &amp; Young (1980) and Li–Yorke chaos.
 */
final class Sharkovskii {

    /** The golden ratio φ_g = (1 + √5)/2 = ρ_3, the least Lipschitz constant that allows period 3. */
    static final double GOLDEN_RATIO = (1 + Math.sqrt(5)) / 2;

    /** Bisection steps for ρ_p on [1, 2]: 2^-60 is below double resolution there. */
    private static final int ROOT_BISECTIONS = 60;

    private Sharkovskii() {
    }

    /**
     * Returns ρ_p, the largest root of x^p − 2x^{p−2} − 1 for odd p ≥ 3 (ρ_3 = φ_g): a map with a point of prime
     * period p has h_top ≥ ln ρ_p, hence Lipschitz constant ≥ ρ_p (Misiurewicz &amp; Szlenk 1980).
     */
    static double entropyBase(int p) {
        if (p == 3) {
            return GOLDEN_RATIO;
        }
        // The polynomial is −2 at x = 1 and 2^{p−1} − 1 > 0 at x = 2, and increasing beyond its largest root.
        double low = 1;
        double high = 2;
        for (int i = 0; i < ROOT_BISECTIONS; i++) {
            double mid = 0.5 * (low + high);
            if (Math.pow(mid, p) - 2 * Math.pow(mid, p - 2) - 1 < 0) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    /** Returns true when p is a power of 2 (1, 2, 4, …). */
    static boolean powerOfTwo(int p) {
        return Integer.bitCount(p) == 1;
    }

    /** Returns the consequence of a point of prime period p, as a sentence. */
    static String consequence(int p) {
        if (p == 3) {
            return String.format(Locale.ROOT, "Period 3 implies every prime period (Sharkovskii 1964) and"
                    + " h_top >= ln rho_3 = ln phi_g = %.4f nats > 0 (BGMY 1980), hence Li-Yorke chaos: an"
                    + " uncountable scrambled set (Li & Yorke 1975).", Math.log(GOLDEN_RATIO));
        }
        if (p % 2 == 1) {
            return String.format(Locale.ROOT, "Odd period %d > 1 implies every period after it in the Sharkovskii"
                    + " order (all odd periods > %d and all even periods) and h_top >= ln rho_%d = %.4f nats > 0"
                    + " (BGMY 1980), hence Li-Yorke chaos (Jankova & Smital 1986); it does not imply period 3.", p,
                    p, p, Math.log(entropyBase(p)));
        }
        if (!powerOfTwo(p)) {
            return "Period " + p + " is not a power of 2, so h_top > 0 (Misiurewicz; BGMY 1980) and the map is"
                    + " Li-Yorke chaotic (Jankova & Smital 1986).";
        }
        return "Period " + p + " is a power of 2: it forces only the smaller powers of 2 (Sharkovskii 1964) and"
                + " implies neither positive entropy nor chaos.";
    }
}
