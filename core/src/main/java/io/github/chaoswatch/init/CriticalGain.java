package io.github.chaoswatch.init;

import io.github.chaoswatch.dynamics.ElementwiseActivation;

import org.nd4j.linalg.activations.IActivation;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mean-field theory of a random recurrent layer h_{t+1} = φ(W h_t + b + U x_t): the predicted largest Lyapunov
 * exponent at any gain, the critical gain (the edge of chaos) and the gain for a target exponent (THEORY.md §5.2).
 *
 * <p>Model: W_ij ~ N(0, σ_w²/n) with σ_w the <em>gain</em>, b_i ~ N(0, σ_b²), and an input drive of variance σ_in² per
 * unit (the variance of the entries of x_t·W in DL4J terms). For n → ∞ the pre-activation variance follows the length
 * map
 * <pre>
 *   q_{t+1} = G(q_t) = σ_w²·E_z[φ(√q_t·z)²] + σ_b² + σ_in²,   z ~ N(0, 1),
 * </pre>
 * with fixed point q*; the slope of the correlation map there, χ_1 = σ_w²·E_z[φ'(√q*·z)²], gives the predicted
 * largest exponent λ_MF = ½ ln χ_1 nats/step. Order/chaos boundary: χ_1 = 1 (Molgedey, Schuchhardt &amp; Schuster
 * 1992; Poole et al. 2016, arXiv:1606.05340; Schoenholz et al. 2017, arXiv:1611.01232). For tanh without bias and
 * input the critical gain is exactly 1; bias or input variance raise it.
 *
 * <p><b>Numerics.</b> Expectations by Gauss–Hermite quadrature (Golub &amp; Welsch 1969) with
 * {@value #DEFAULT_NODES} nodes, doubled until χ_1 changes by at most {@value #QUADRATURE_RELATIVE_TOLERANCE}
 * (relative) or {@value #MAX_NODES} nodes are reached; the estimate is reported. q* is the largest root of
 * G(q) = q below the start q_0 = σ_w² + σ_b² + σ_in² (where the iteration of the length map from q_0 goes for the
 * monotone maps of tanh, sigmoid, ReLU and identity), found by a geometric scan and bisection to
 * |Δq| ≤ {@value #FIXED_POINT_TOLERANCE}·(1 + q). With σ_b = σ_in = 0 and φ(0) = 0 the root may be q* = 0; χ_1 is then
 * the limit q → 0⁺, σ_w²·E[φ'(0⁺·z)²] (σ_w²/2 for ReLU, whose one-sided derivative at 0 is 0). Gains for a target
 * exponent are found by bisection on a bracket around 1, expanded geometrically within
 * [{@value #MIN_GAIN}, {@value #MAX_GAIN}].
 *
 * <p><b>Limits.</b> Mean field assumes n → ∞, i.i.d. Gaussian weights and an i.i.d. input drive. Use it to start a
 * calibration on the real layer ({@link GainCalibrator}), not as the answer. Gated layers (LSTM) are not covered.
 *
 * <pre>{@code
 * CriticalGain tanh = CriticalGain.of(new ActivationTanH()).withBiasVariance(0.05);
 * double edge = tanh.criticalGain().orElseThrow();            // > 1 because of the bias
 * double lambda = tanh.predict(1.5).exponentNatsPerStep().orElseThrow();
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@code with...} methods return modified copies.
 */
public final class CriticalGain {

    /** Initial number of Gauss–Hermite nodes: enough for tanh at moderate gains (THEORY.md §5.2). */
    public static final int DEFAULT_NODES = 100;

    /**
     * Upper limit of the node doubling. Large gains saturate tanh so that φ'(√q·z)² is a spike of width ~1/√q, which
     * Gauss–Hermite resolves only slowly; beyond this the prediction carries its (reported) quadrature error.
     */
    public static final int MAX_NODES = 1_600;

    /**
     * Node doubling stops when χ_1 changes by at most this relative amount: λ_MF is then exact to 5e-11 nats/step,
     * far below the standard error of any measured exponent.
     */
    public static final double QUADRATURE_RELATIVE_TOLERANCE = 1e-10;

    /** Bisection on G(q) = q stops at |Δq| ≤ this·(1 + q) (THEORY.md §5.2). Dimensionless (q is a variance). */
    public static final double FIXED_POINT_TOLERANCE = 1e-14;

    /**
     * A length map still growing at q = this has no finite fixed point in any practical sense (pre-activations of
     * standard deviation 10¹⁵); it is reported as {@link MeanFieldPrediction.Status#NO_FINITE_FIXED_POINT}.
     */
    public static final double MAX_FIXED_POINT = 1e30;

    /** Smallest gain tried by {@link #gainFor}. */
    public static final double MIN_GAIN = 1e-3;

    /** Largest gain tried by {@link #gainFor}. */
    public static final double MAX_GAIN = 1e3;

    /** {@link #gainFor} bisects until the bracket [g_lo, g_hi] has g_hi/g_lo − 1 ≤ this (relative gain). */
    public static final double GAIN_RELATIVE_TOLERANCE = 1e-12;

    /** Bisection steps at most (the tolerances are reached in about 60). */
    static final int MAX_BISECTIONS = 200;

    private static final Map<Integer, GaussHermite> RULES = new ConcurrentHashMap<>();

    private final ElementwiseActivation activation;
    private final double biasVariance;
    private final double inputVariance;

    private CriticalGain(ElementwiseActivation activation, double biasVariance, double inputVariance) {
        this.activation = activation;
        this.biasVariance = biasVariance;
        this.inputVariance = inputVariance;
    }

    /**
     * Returns the mean field for activation φ, with σ_b² = σ_in² = 0.
     *
     * @param activation any elementwise, parameter-free DL4J activation (tanh, sigmoid, ReLU, softsign, ...)
     * @throws IllegalArgumentException for softmax or an activation with parameters
     */
    public static CriticalGain of(IActivation activation) {
        Objects.requireNonNull(activation, "activation");
        return new CriticalGain(ElementwiseActivation.of(activation, "the mean field"), 0, 0);
    }

    /**
     * Returns a copy with bias variance σ_b² (default 0; DL4J's SimpleRnn starts with b = 0).
     *
     * @throws IllegalArgumentException if the variance is negative or not finite
     */
    public CriticalGain withBiasVariance(double biasVariance) {
        return new CriticalGain(activation, InitArguments.variance("biasVariance", biasVariance), inputVariance);
    }

    /**
     * Returns a copy with input variance σ_in², the variance of the entries of x_t·W (default 0: autonomous).
     *
     * @throws IllegalArgumentException if the variance is negative or not finite
     */
    public CriticalGain withInputVariance(double inputVariance) {
        return new CriticalGain(activation, biasVariance, InitArguments.variance("inputVariance", inputVariance));
    }

    /** Returns the activation φ. */
    public IActivation activation() {
        return activation.activation();
    }

    /** Returns σ_b². */
    public double biasVariance() {
        return biasVariance;
    }

    /** Returns σ_in². */
    public double inputVariance() {
        return inputVariance;
    }

    /**
     * Returns q*, χ_1 and λ_MF = ½ ln χ_1 at gain σ_w.
     *
     * @throws IllegalArgumentException unless the gain is finite and &gt; 0
     */
    public MeanFieldPrediction predict(double gain) {
        InitArguments.gain(gain);
        int nodes = DEFAULT_NODES;
        double constant = biasVariance + inputVariance;
        LengthMap.Solution coarse = new LengthMap(activation, constant, rule(nodes)).solve(gain);
        while (true) {
            LengthMap.Solution fine = new LengthMap(activation, constant, rule(2 * nodes)).solve(gain);
            if (coarse == null || fine == null) {
                if (coarse == null && fine == null) {
                    return new MeanFieldPrediction(gain, MeanFieldPrediction.Status.NO_FINITE_FIXED_POINT,
                            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 2 * nodes, 0);
                }
                // The two rules disagree on whether q* is finite: the gain sits at an unbounded activation's limit.
                // Refine, and report no finite fixed point if even the finest rules disagree.
                if (2 * nodes >= MAX_NODES) {
                    return new MeanFieldPrediction(gain, MeanFieldPrediction.Status.NO_FINITE_FIXED_POINT,
                            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 2 * nodes, 0);
                }
            } else {
                double error = Math.abs(fine.chi1() - coarse.chi1());
                // Positive form: a NaN error keeps doubling until the cap.
                if (error <= QUADRATURE_RELATIVE_TOLERANCE * fine.chi1() || 2 * nodes >= MAX_NODES) {
                    return new MeanFieldPrediction(gain, MeanFieldPrediction.Status.FIXED_POINT,
                            OptionalDouble.of(fine.fixedPoint()), OptionalDouble.of(fine.chi1()),
                            OptionalDouble.of(0.5 * Math.log(fine.chi1())), 2 * nodes, error);
                }
            }
            nodes *= 2;
            coarse = fine;
        }
    }

    /**
     * Returns the critical gain, where χ_1 = 1 and λ_MF = 0 (the edge of chaos); 1 for tanh without bias and input.
     *
     * @return the gain, or empty if λ_MF − 0 changes sign nowhere in [{@value #MIN_GAIN}, {@value #MAX_GAIN}]
     */
    public OptionalDouble criticalGain() {
        return gainFor(0);
    }

    /**
     * Returns the gain σ_w with λ_MF(σ_w) = {@code exponentNatsPerStep}, i.e. χ_1 = e^{2λ*}, by bisection.
     *
     * <p>The bracket starts at σ_w = 1 and is expanded geometrically (×2 or ÷2) until λ_MF − λ* changes sign; gains
     * without a finite fixed point count as above any target (the state grows without bound). Bisection in log-gain
     * then runs to a relative width of {@value #GAIN_RELATIVE_TOLERANCE}. λ_MF need not be monotone in σ_w for every
     * activation: the result is <em>a</em> crossing, the one nearest to 1 along the expansion.
     *
     * @param exponentNatsPerStep the target λ*, nats per step (negative: ordered; 0: edge; positive: chaotic)
     * @return the gain, or empty if there is no sign change in [{@value #MIN_GAIN}, {@value #MAX_GAIN}]
     * @throws IllegalArgumentException if the target is not finite
     */
    public OptionalDouble gainFor(double exponentNatsPerStep) {
        InitArguments.exponent("target exponent", exponentNatsPerStep);
        double lo;
        double hi;
        if (below(1, exponentNatsPerStep)) {
            lo = 1;
            hi = 2;
            while (below(hi, exponentNatsPerStep)) {
                lo = hi;
                hi *= 2;
                if (hi > MAX_GAIN) {
                    return OptionalDouble.empty();
                }
            }
        } else {
            hi = 1;
            lo = 0.5;
            while (!below(lo, exponentNatsPerStep)) {
                hi = lo;
                lo /= 2;
                if (lo < MIN_GAIN) {
                    return OptionalDouble.empty();
                }
            }
        }
        for (int i = 0; i < MAX_BISECTIONS && hi / lo - 1 > GAIN_RELATIVE_TOLERANCE; i++) {
            double mid = Math.sqrt(lo * hi);
            if (below(mid, exponentNatsPerStep)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return OptionalDouble.of(Math.sqrt(lo * hi));
    }

    /** True if λ_MF(gain) &lt; target; a gain without a finite fixed point is above every target. */
    private boolean below(double gain, double target) {
        MeanFieldPrediction p = predict(gain);
        return p.hasFixedPoint() && p.exponentNatsPerStep().getAsDouble() < target;
    }

    /** Returns the cached m-node rule (rules are immutable; computing 1600 nodes takes milliseconds). */
    static GaussHermite rule(int nodes) {
        return RULES.computeIfAbsent(nodes, GaussHermite::of);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CriticalGain other && activation.activation().equals(other.activation.activation())
                && Double.compare(biasVariance, other.biasVariance) == 0
                && Double.compare(inputVariance, other.inputVariance) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(activation.activation(), biasVariance, inputVariance);
    }

    @Override
    public String toString() {
        return "CriticalGain[activation=" + activation.activation() + ", biasVariance=" + biasVariance
                + ", inputVariance=" + inputVariance + "]";
    }

}
