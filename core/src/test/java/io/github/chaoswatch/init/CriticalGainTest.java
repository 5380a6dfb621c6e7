package io.github.chaoswatch.init;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mean-field solver against the closed forms of THEORY.md §5.2 and §7.8. */
class CriticalGainTest {

    private static final CriticalGain TANH = CriticalGain.of(new ActivationTanH());

    /** Closed forms evaluated through a quadrature and a root finder with |Δq| ≤ 1e-14(1 + q): rounding level. */
    private static final double CLOSED_FORM_TOLERANCE = 1e-12;

    @Test
    void criticalGainOfTanhWithoutBiasIsOne() {
        // THEORY.md §5.2: χ_1 = σ_w² up to 1, and λ_MF ≈ (σ_w − 1)²·(2/3) just above: the root is resolved to
        // about √(rounding of χ_1) ≈ 1e-8.
        double gain = TANH.criticalGain().orElseThrow();
        assertEquals(1, gain, 1e-6);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9, 1.0})
    void tanhWithoutBiasBelowOneHasZeroFixedPointAndChi1EqualToGainSquared(double gain) {
        // THEORY.md §7.8: σ_b = σ_in = 0, σ_w ≤ 1: q* = 0, χ_1 = σ_w².
        MeanFieldPrediction p = TANH.predict(gain);
        assertEquals(0, p.fixedPoint().orElseThrow(), 0.0);
        assertEquals(gain * gain, p.chi1().orElseThrow(), CLOSED_FORM_TOLERANCE);
        assertEquals(Math.log(gain), p.exponentNatsPerStep().orElseThrow(), CLOSED_FORM_TOLERANCE);
    }

    @Test
    void tanhJustAboveOneIsWeaklyChaoticAsTheExpansionPredicts() {
        // Expansion of §5.2 for σ_w² = 1 + δ: q* ≈ δ/2 + 5δ²/24, χ_1 ≈ 1 + δ²/3 (derived in the test's comment
        // from tanh²(x) = x² − 2x⁴/3 + …, sech⁴(x) = 1 − 2x² + 7x⁴/3 + …); δ = 0.002 leaves O(δ³) = 1e-8.
        double delta = 0.002;
        MeanFieldPrediction p = TANH.predict(Math.sqrt(1 + delta));
        assertEquals(delta / 2 + 5 * delta * delta / 24, p.fixedPoint().orElseThrow(), 1e-8);
        assertEquals(1 + delta * delta / 3, p.chi1().orElseThrow(), 1e-8);
    }

    @ParameterizedTest(name = "σ_w = {0}, σ_b² = {1}, σ_in² = {2}")
    @CsvSource({"0.5, 0.1, 0.0", "0.9, 0.05, 0.2", "0.3, 0.0, 1.0"})
    void identityActivationHasClosedFormFixedPointAndSlope(double gain, double bias, double input) {
        // THEORY.md §7.8: q* = (σ_b² + σ_in²)/(1 − σ_w²), χ_1 = σ_w².
        MeanFieldPrediction p = CriticalGain.of(new ActivationIdentity()).withBiasVariance(bias)
                .withInputVariance(input).predict(gain);
        double expected = (bias + input) / (1 - gain * gain);
        assertEquals(expected, p.fixedPoint().orElseThrow(), CLOSED_FORM_TOLERANCE * (1 + expected));
        assertEquals(gain * gain, p.chi1().orElseThrow(), CLOSED_FORM_TOLERANCE);
    }

    @ParameterizedTest(name = "σ_b² = {0}")
    @ValueSource(doubles = {0.0, 0.01, 0.3, 2.0})
    void reluSlopeIsHalfTheGainSquaredForEveryFixedPoint(double bias) {
        // THEORY.md §5.2, §7.8: E[ReLU'(√q z)²] = ½ for every q (including the q → 0⁺ limit), so χ_1 = σ_w²/2;
        // q* = σ_b²/(1 − σ_w²/2).
        CriticalGain relu = CriticalGain.of(new ActivationReLU()).withBiasVariance(bias);
        for (double gain : new double[] {0.3, 0.8, 1.2, 1.4}) {
            MeanFieldPrediction p = relu.predict(gain);
            assertEquals(gain * gain / 2, p.chi1().orElseThrow(), CLOSED_FORM_TOLERANCE, "gain " + gain);
            double expected = bias / (1 - gain * gain / 2);
            assertEquals(expected, p.fixedPoint().orElseThrow(), CLOSED_FORM_TOLERANCE * (1 + expected));
        }
    }

    @Test
    void unboundedActivationsPastTheirLimitHaveNoFiniteFixedPoint() {
        // ReLU with σ_b² > 0 needs σ_w² < 2; identity needs σ_w < 1: reported, not diverged.
        MeanFieldPrediction relu = CriticalGain.of(new ActivationReLU()).withBiasVariance(0.1).predict(1.5);
        MeanFieldPrediction identity = CriticalGain.of(new ActivationIdentity()).withInputVariance(0.1).predict(1.0);
        for (MeanFieldPrediction p : new MeanFieldPrediction[] {relu, identity}) {
            assertEquals(MeanFieldPrediction.Status.NO_FINITE_FIXED_POINT, p.status(), p.toString());
            assertFalse(p.exponentNatsPerStep().isPresent());
            assertTrue(p.toString().contains("no finite fixed point"), p.toString());
        }
    }

    @Test
    void reluCriticalGainIsTheHeScale() {
        // χ_1 = σ_w²/2 = 1 at σ_w = √2 (He et al. 2015); with a bias q* → ∞ there, so the root is approached from
        // below and resolved to the bisection's relative tolerance.
        double gain = CriticalGain.of(new ActivationReLU()).withBiasVariance(0.1).criticalGain().orElseThrow();
        assertEquals(Math.sqrt(2), gain, 1e-9);
    }

    @Test
    void biasAndInputVarianceRaiseTheCriticalGainOfTanh() {
        // THEORY.md §5.2: input suppresses chaos.
        double bias = TANH.withBiasVariance(0.05).criticalGain().orElseThrow();
        double input = TANH.withInputVariance(0.05).criticalGain().orElseThrow();
        double both = TANH.withBiasVariance(0.05).withInputVariance(0.2).criticalGain().orElseThrow();
        assertTrue(bias > 1.05, "bias: " + bias);
        // Only σ_b² + σ_in² enters the length map.
        assertEquals(bias, input, 1e-9);
        assertTrue(both > bias, "both: " + both);
        assertEquals(0, TANH.withBiasVariance(0.05).predict(bias).exponentNatsPerStep().orElseThrow(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, -0.05, 0.1, 0.3})
    void gainForATargetReproducesTheTargetExponent(double target) {
        CriticalGain meanField = TANH.withBiasVariance(0.02);
        double gain = meanField.gainFor(target).orElseThrow();
        assertEquals(target, meanField.predict(gain).exponentNatsPerStep().orElseThrow(), 1e-9);
    }

    @Test
    void unreachableTargetGivesNoGain() {
        // λ_MF ≥ ln(1e-3) = −6.9 on the search range: −10 nats/step cannot be reached.
        assertFalse(TANH.gainFor(-10).isPresent());
    }

    @Test
    void largeGainsUseMoreNodesAndReportTheQuadratureError() {
        // Saturation makes φ'(√q z)² a narrow spike (width ~1/√q); the doubling check must notice it.
        MeanFieldPrediction moderate = TANH.predict(1.5);
        MeanFieldPrediction large = TANH.predict(3);
        assertTrue(large.quadratureNodes() > moderate.quadratureNodes());
        assertTrue(large.quadratureError() <= CriticalGain.QUADRATURE_RELATIVE_TOLERANCE * large.chi1().orElseThrow());
        // Independent check of χ_1 at σ_w = 3 by a fine trapezoidal rule on [−12, 12] (error far below 1e-9).
        double q = large.fixedPoint().orElseThrow();
        assertEquals(9 * trapezoid(z -> Math.pow(1 - Math.pow(Math.tanh(Math.sqrt(q) * z), 2), 2)),
                large.chi1().orElseThrow(), 1e-9);
        assertEquals(9 * trapezoid(z -> Math.pow(Math.tanh(Math.sqrt(q) * z), 2)), q, 1e-9);
    }

    @Test
    void anyElementwiseActivationIsIntegratedThroughNd4j() {
        // Sigmoid has no Java formula here: ND4J evaluates it. q* > 0 without bias since φ(0) = ½.
        MeanFieldPrediction p = CriticalGain.of(new ActivationSigmoid()).predict(2);
        double q = p.fixedPoint().orElseThrow();
        DoubleUnaryOperator sigmoid = x -> 1 / (1 + Math.exp(-x));
        assertEquals(4 * trapezoid(z -> Math.pow(sigmoid.applyAsDouble(Math.sqrt(q) * z), 2)), q, 1e-9);
        assertEquals(4 * trapezoid(z -> {
            double s = sigmoid.applyAsDouble(Math.sqrt(q) * z);
            return Math.pow(s * (1 - s), 2);
        }), p.chi1().orElseThrow(), 1e-9);
    }

    @Test
    void rejectsInvalidArgumentsWithClearMessages() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TANH.predict(Double.NaN)).getMessage()
                .startsWith("gain = NaN must be finite and > 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TANH.withBiasVariance(-1)).getMessage()
                .startsWith("biasVariance = -1.0 must be finite and >= 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TANH.gainFor(Double.POSITIVE_INFINITY))
                .getMessage().contains("must be finite"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CriticalGain.of(new ActivationSoftmax()))
                .getMessage().contains("not elementwise"));
    }

    /** E[h(z)], z ~ N(0, 1), by the trapezoidal rule with step 1e-4 on [−12, 12] (spectrally accurate here). */
    private static double trapezoid(DoubleUnaryOperator h) {
        double step = 1e-4;
        double sum = 0;
        for (double z = -12; z <= 12 + step / 2; z += step) {
            sum += h.applyAsDouble(z) * Math.exp(-z * z / 2);
        }
        return sum * step / Math.sqrt(2 * Math.PI);
    }
}
