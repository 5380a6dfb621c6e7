package io.github.chaoswatch.lyapunov;

/**
 * The Kaplan–Yorke (Lyapunov) dimension of a spectrum (Kaplan &amp; Yorke 1979; THEORY.md §2.6).
 *
 * <p>With S_j = λ_1 + … + λ_j and j the largest index with S_j ≥ 0: D_KY = j + S_j/|λ_{j+1}|. It is 0 when
 * λ_1 &lt; 0, only a lower bound when all k computed exponents sum to a non-negative number but the state has more
 * dimensions, and equal to D with a "not dissipative" flag when the whole spectrum sums to ≥ 0.
 *
 * @param value the dimension, or its lower bound
 * @param kind  whether {@code value} is determined, a lower bound, or the full dimension of a non-dissipative map
 */
public record KaplanYorkeDimension(double value, Kind kind) implements java.io.Serializable {

    /** What {@link #value()} means. */
    public enum Kind {
        /** D_KY = value. */
        DETERMINED,
        /** D_KY ≥ value: the partial spectrum never turned negative. */
        AT_LEAST,
        /** The full spectrum sums to ≥ 0: no volume contraction, D_KY = D. */
        NOT_DISSIPATIVE
    }

    /**
     * Computes D_KY from exponents sorted in descending order (any unit; −∞ allowed).
     *
     * @param exponents the k largest exponents, descending
     * @param stateSize the state dimension D ≥ k
     */
    public static KaplanYorkeDimension of(double[] exponents, int stateSize) {
        int k = exponents.length;
        if (k == 0 || exponents[0] < 0) {
            return new KaplanYorkeDimension(0, Kind.DETERMINED);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double next = sum + exponents[j];
            if (next < 0) {
                // S_j ≥ 0 > S_{j+1} forces λ_{j+1} < 0, so the denominator is never 0.
                return new KaplanYorkeDimension(j + sum / Math.abs(exponents[j]), Kind.DETERMINED);
            }
            sum = next;
        }
        return new KaplanYorkeDimension(k, k < stateSize ? Kind.AT_LEAST : Kind.NOT_DISSIPATIVE);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DETERMINED -> String.format(java.util.Locale.ROOT, "%.4f", value);
            case AT_LEAST -> String.format(java.util.Locale.ROOT, ">= %.0f", value);
            case NOT_DISSIPATIVE -> String.format(java.util.Locale.ROOT, "%.0f (not dissipative)", value);
        };
    }
}
