package io.github.chaoswatch.init;

import io.github.chaoswatch.dynamics.ElementwiseActivation;

import java.util.function.DoubleUnaryOperator;

/**
 * The mean-field length map of one activation, bias-plus-input variance and quadrature rule, and its fixed point
 * (THEORY.md §5.2):
 * <pre>
 *   G(q) = σ_w²·E_z[φ(√q·z)²] + σ_b² + σ_in²,   q* = G(q*),   χ_1 = σ_w²·E_z[φ'(√q*·z)²].
 * </pre>
 * q* is the largest root of G(q) = q below the start q_0 = σ_w² + σ_b² + σ_in² (expanded by doubling while G(q) &gt; q):
 * a geometric scan down from q_0 brackets it and bisection refines it to |Δq| ≤
 * {@value CriticalGain#FIXED_POINT_TOLERANCE}·(1 + q). For the monotone length maps of tanh, sigmoid, ReLU and
 * identity this is where the iteration of the map from q_0 goes. Immutable.
 */
final class LengthMap {

    /**
     * Roots below this fraction of q_0 are reported as q* = 0: χ_1 changes by O(q*) there, far below any tolerance.
     */
    static final double ZERO_FIXED_POINT_FRACTION = 1e-15;

    /**
     * G(q) − q is a sum of up to {@value CriticalGain#MAX_NODES} terms with a relative rounding error near 1e-15·q. An
     * upper bracket must lie below 0 by more than this·q, so that rounding cannot fake a fixed point of an unbounded
     * activation at its limiting gain, where G(q) − q = σ_b² + σ_in² &gt; 0 exactly for every q. Gains within about
     * this relative distance of such a limit are reported as having no finite fixed point (q* would exceed
     * (σ_b² + σ_in²)/this anyway).
     */
    private static final double ROUNDING_MARGIN = 1e-12;

    /** The q of the q → 0⁺ limit: √q·z is then ±1e-154, on the correct side of any kink at 0. */
    private static final double LIMIT_Q = Double.MIN_NORMAL;

    /** Geometric factor of the downward scan for the largest root of G(q) = q. */
    private static final double SCAN_FACTOR = 4;

    private final ElementwiseActivation activation;
    private final double constant;
    private final double[] points;
    private final double[] probabilities;

    /**
     * Creates the map for φ, σ_b² + σ_in² = {@code constant} and the quadrature {@code rule}.
     */
    LengthMap(ElementwiseActivation activation, double constant, GaussHermite rule) {
        this.activation = activation;
        this.constant = constant;
        this.points = rule.normalPoints();
        this.probabilities = rule.normalWeights();
    }

    /** q* and χ_1. */
    record Solution(double fixedPoint, double chi1) {
    }

    /** Returns q* and χ_1 at gain σ_w, or null when G(q) &gt; q up to {@value CriticalGain#MAX_FIXED_POINT}. */
    Solution solve(double gain) {
        double s2 = gain * gain;
        DoubleUnaryOperator excess = q -> s2 * meanSquare(q, false) + constant - q;
        double start = s2 + constant;
        double hi = start;
        // Positive form: NaN (an activation overflowing) keeps expanding and ends as "no finite fixed point".
        while (!(excess.applyAsDouble(hi) <= -ROUNDING_MARGIN * hi)) {
            hi *= 2;
            if (hi > CriticalGain.MAX_FIXED_POINT) {
                return null;
            }
        }
        double floor = ZERO_FIXED_POINT_FRACTION * start;
        double lo = hi / SCAN_FACTOR;
        while (excess.applyAsDouble(lo) <= 0) {
            hi = lo;
            lo /= SCAN_FACTOR;
            if (lo < floor) {
                lo = 0;
                if (!(excess.applyAsDouble(0) > 0)) {
                    // G(q) ≤ q all the way down: the only fixed point is q* = 0 (to within the floor).
                    return new Solution(0, s2 * meanSquare(LIMIT_Q, true));
                }
                break;
            }
        }
        for (int i = 0; i < CriticalGain.MAX_BISECTIONS
                && hi - lo > CriticalGain.FIXED_POINT_TOLERANCE * (1 + hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (excess.applyAsDouble(mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double q = 0.5 * (lo + hi);
        return new Solution(q, s2 * meanSquare(Math.max(q, LIMIT_Q), true));
    }

    /** Returns E_z[φ(√q·z)²], or E_z[φ'(√q·z)²] when {@code derivative}. */
    private double meanSquare(double q, boolean derivative) {
        double root = Math.sqrt(q);
        double[] scaled = new double[points.length];
        for (int k = 0; k < scaled.length; k++) {
            scaled[k] = root * points[k];
        }
        double[] values = new double[points.length];
        activation.evaluate(scaled, derivative ? null : values, derivative ? values : null);
        double mean = 0;
        for (int k = 0; k < values.length; k++) {
            mean += probabilities[k] * values[k] * values[k];
        }
        return mean;
    }
}
