package io.github.chaoswatch.init;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link EdgeOfChaosInit}: the mean-field gain for an offset from the edge of chaos (THEORY.md §5.2). */
class EdgeOfChaosInitTest {

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, -0.1, -0.01})
    void orderedOffsetForTanhWithoutBiasIsTheGainExpOffset(double offset) {
        // THEORY.md §7.8: q* = 0 and χ_1 = σ_w² for σ_w ≤ 1, so λ_MF = ln σ_w; the bisection resolves 1e-12.
        assertEquals(Math.exp(offset), new EdgeOfChaosInit(offset).gain(), 1e-10);
    }

    @Test
    void zeroOffsetIsTheCriticalGain() {
        assertEquals(1, new EdgeOfChaosInit(0).gain(), 1e-6);
        EdgeOfChaosInit withInput = new EdgeOfChaosInit.Builder(0).biasVariance(0.02).inputVariance(0.1).build();
        double expected = CriticalGain.of(new ActivationTanH()).withBiasVariance(0.02).withInputVariance(0.1)
                .criticalGain().orElseThrow();
        assertEquals(expected, withInput.gain(), 0.0);
        assertTrue(withInput.gain() > 1, "input and bias variance raise the critical gain");
    }

    @Test
    void fillsSquareWeightsWithVarianceGainSquaredOverUnits() {
        // n = 60: 3600 entries, relative standard error of the sample variance √(2/3600) = 2.4%; 4 SE allowed.
        int n = 60;
        EdgeOfChaosInit init = new EdgeOfChaosInit.Builder(0.1).seed(5).build();
        INDArray rw = init.init(n, n, new long[] {n, n}, 'f', Nd4j.zeros(DataType.DOUBLE, n * n));
        double expected = init.gain() * init.gain() / n;
        assertEquals(expected, rw.varNumber().doubleValue(), 4 * Math.sqrt(2.0 / (n * n)) * expected);
    }

    @Test
    void rejectsGatedLayouts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EdgeOfChaosInit(0)
                .init(4, 7, new long[] {4, 16}, 'f', Nd4j.zeros(DataType.DOUBLE, 64)));
        assertTrue(e.getMessage().contains("SimpleRnn") && e.getMessage().contains("GainCalibrator"),
                e.getMessage());
    }

    @Test
    void builderListsEveryProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EdgeOfChaosInit
                .Builder(Double.NaN).biasVariance(-1).inputVariance(Double.POSITIVE_INFINITY)
                .activation(Activation.SOFTMAX).build());
        String message = e.getMessage();
        assertTrue(message.startsWith("invalid EdgeOfChaosInit configuration: "), message);
        for (String part : new String[] {"offset = NaN", "biasVariance = -1.0", "inputVariance = Infinity",
                "not elementwise"}) {
            assertTrue(message.contains(part), "missing '" + part + "' in: " + message);
        }
    }

    @Test
    void unreachableOffsetSaysWhichRangeWasSearched() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EdgeOfChaosInit(-10));
        assertTrue(e.getMessage().contains("no gain in [0.001, 1000.0]"), e.getMessage());
    }
}
