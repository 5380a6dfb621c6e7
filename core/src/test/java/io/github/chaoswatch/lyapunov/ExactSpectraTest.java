package io.github.chaoswatch.lyapunov;

import io.github.chaoswatch.dynamics.LstmDynamics;
import io.github.chaoswatch.dynamics.RecurrentDynamics;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spectra with closed forms or published reference values (THEORY.md §7.1–7.6). */
class ExactSpectraTest {

    private static LyapunovSpectrum spectrum(RecurrentDynamics d, int warmup, int steps, int trajectories,
                                             Drive drive) {
        return new SpectrumEstimator.Builder(steps).allExponents().warmupSteps(warmup).trajectories(trajectories)
                .drive(drive).build().estimate(d);
    }

    private static void assertWithinStandardErrors(double expected, LyapunovSpectrum s, int index, double maxError) {
        double value = s.exponents()[index];
        double error = s.standardErrors()[index];
        assertTrue(Double.isFinite(value), s.toString());
        assertTrue(error <= maxError, "standard error " + error + " too large to test anything: " + s);
        assertEquals(expected, value, 4 * error, s.toString());
    }

    @Test
    void logisticMapAtFourIsLn2() {
        // THEORY.md §7.1: λ = ln 2 exactly; 4·10⁵ steps in all give an SE near 1e-3.
        LyapunovSpectrum s = spectrum(TestSystems.logistic(4), 100, 100_000, 4, Drive.autonomous());
        Validation.record("logistic r=4", "λ1", Math.log(2), s.max(), 4 * s.maxStandardError());
        assertWithinStandardErrors(Math.log(2), s, 0, 0.003);
    }

    @Test
    void logisticMapAt3Point9MatchesReference() {
        // THEORY.md §7.1: 0.4960 ± 0.0003 (2·10⁶ steps); tolerance 0.002 at 4·10⁵ steps.
        LyapunovSpectrum s = spectrum(TestSystems.logistic(3.9), 1_000, 100_000, 4, Drive.autonomous());
        Validation.record("logistic r=3.9", "λ1", 0.4960, s.max(), 0.002);
        assertEquals(0.4960, s.max(), 0.002, s.toString());
    }

    @Test
    void logisticTwoCycleIsHalfLogOfDerivativeProduct() {
        // THEORY.md §7.1: r = 3.2, ½ ln|4 + 2r − r²| = ln 0.4 exactly over the stable 2-cycle.
        LyapunovSpectrum s = spectrum(TestSystems.logistic(3.2), 2_000, 10_000, 2, Drive.autonomous());
        Validation.record("logistic r=3.2 (2-cycle)", "λ1", Math.log(0.4), s.max(), 1e-9);
        assertEquals(Math.log(0.4), s.max(), 1e-9, s.toString());
    }

    @Test
    void henonMapMatchesReferenceAndVolumeIdentity() {
        // THEORY.md §7.3: λ = 0.41925, −1.62322 (5·10⁶ steps); the issue asks 0.01, we get far closer.
        LyapunovSpectrum s = spectrum(TestSystems.henon(), 1_000, 250_000, 4, Drive.autonomous());
        double[] l = s.exponents();
        Validation.record("Henon", "λ1", 0.41925, l[0], 0.002);
        Validation.record("Henon", "λ2", -1.62322, l[1], 0.002);
        Validation.record("Henon", "λ1 + λ2 = ln 0.3", Math.log(0.3), l[0] + l[1], 1e-10);
        Validation.record("Henon", "D_KY", 1.2583, s.kaplanYorke().value(), 0.002);
        assertEquals(0.41925, l[0], 0.002, s.toString());
        assertEquals(-1.62322, l[1], 0.002, s.toString());
        // det J = −b at every step: the sum is ln 0.3 to rounding.
        assertEquals(Math.log(0.3), l[0] + l[1], 1e-10 * Math.abs(Math.log(0.3)));
        assertEquals(1.2583, s.kaplanYorke().value(), 0.002);
    }

    @Test
    void diagonalMapGivesLogsOfEntriesIncludingZero() {
        LyapunovSpectrum s = spectrum(TestSystems.linear(new double[][] {{0.5, 0, 0}, {0, 2, 0}, {0, 0, 1}}), 100,
                1_000, 2, Drive.autonomous());
        assertArrayEquals(new double[] {Math.log(2), 0, -Math.log(2)}, s.exponents(), 1e-12);
    }

    @Test
    void scaledRotationGivesAComplexPairOfEqualExponents() {
        double c = 0.9 * Math.cos(0.7);
        double d = 0.9 * Math.sin(0.7);
        LyapunovSpectrum s = spectrum(TestSystems.linear(new double[][] {{c, -d}, {d, c}}), 10, 1_000, 1,
                Drive.autonomous());
        assertArrayEquals(new double[] {Math.log(0.9), Math.log(0.9)}, s.exponents(), 1e-12);
    }

    @Test
    void nonNormalMapGivesEigenvaluesNotSingularValues() {
        // THEORY.md §7.5: transient growth of 10 does not make the exponents positive.
        LyapunovSpectrum s = spectrum(TestSystems.linear(new double[][] {{0.5, 10}, {0, 0.25}}), 200, 10_000, 1,
                Drive.autonomous());
        Validation.record("non-normal [[0.5,10],[0,0.25]]", "λ1", Math.log(0.5), s.max(), 1e-6);
        assertArrayEquals(new double[] {Math.log(0.5), Math.log(0.25)}, s.exponents(), 1e-6);
    }

    @Test
    void cyclicNonNormalSequenceCatchesTransposedPropagation() {
        // THEORY.md §7.5: correct ±(2/3) ln φ_g = ±0.3208079; the transposed product gives ±0.4835248.
        double[][] a1 = {{1, 1}, {0, 1}};
        double[][] a2 = {{1, 0}, {1, 1}};
        double[][] a3 = {{2, 0}, {0, 0.5}};
        LyapunovSpectrum correct = spectrum(TestSystems.cyclic(a1, a2, a3), 99, 30_000, 1, TestSystems.cyclicDrive());
        LyapunovSpectrum transposed = spectrum(TestSystems.transposed(TestSystems.cyclic(a1, a2, a3)), 99, 30_000, 1,
                TestSystems.cyclicDrive());
        Validation.record("cyclic non-normal", "λ1", 0.3208079, correct.max(), 1e-4);
        Validation.record("cyclic non-normal, transposed propagation (must differ)", "λ1", 0.4835248,
                transposed.max(), 1e-4);
        assertArrayEquals(new double[] {0.3208079, -0.3208079}, correct.exponents(), 1e-4);
        assertArrayEquals(new double[] {0.4835248, -0.4835248}, transposed.exponents(), 1e-4);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.8, 1.1})
    void identityRnnWithOrthogonalWeightsHasAllExponentsLogGain(double gain) {
        // THEORY.md §7.6, through the real SimpleRnn adapter: every R_ii is g exactly.
        RecurrentDynamics rnn = TestSystems.simpleRnn(TestSystems.orthogonal(8, gain, 1), new ActivationIdentity());
        LyapunovSpectrum s = spectrum(rnn, 10, 200, 2, Drive.autonomous());
        double[] expected = new double[8];
        Arrays.fill(expected, Math.log(gain));
        Validation.record("identity SimpleRnn, orthogonal RW, g=" + gain, "λ8", Math.log(gain), s.exponents()[7],
                1e-12);
        assertArrayEquals(expected, s.exponents(), 1e-12);
    }

    @Test
    void tanhRnnWithContractingOrthogonalWeightsHasAllExponentsLogGain() {
        // h → 0, φ'(0) = 1: after T_w ≥ 40/|ln g| = 380 steps every exponent is ln g.
        double gain = 0.9;
        RecurrentDynamics rnn = TestSystems.simpleRnn(TestSystems.orthogonal(8, gain, 2), new ActivationTanH());
        LyapunovSpectrum s = spectrum(rnn, 400, 2_000, 2, Drive.autonomous());
        double[] expected = new double[8];
        Arrays.fill(expected, Math.log(gain));
        Validation.record("tanh SimpleRnn, orthogonal RW, g=0.9", "λ1", Math.log(gain), s.max(), 1e-9);
        assertArrayEquals(expected, s.exponents(), 1e-9);
    }

    @Test
    void sigmoidRnnDoesNotGiveLogGainProvingTheActivationIsRead() {
        // With sigmoid, 0 is not a fixed point and φ' ≤ ¼: the same weights must give something else.
        RecurrentDynamics rnn = TestSystems.simpleRnn(TestSystems.orthogonal(8, 0.9, 2), new ActivationSigmoid());
        LyapunovSpectrum s = spectrum(rnn, 400, 2_000, 2, Drive.autonomous());
        assertTrue(s.max() < Math.log(0.9) - 1, s.toString());
    }

    @Test
    void orbitConvergingToAFixedPointHasLogsOfJacobianEigenvalues() {
        // THEORY.md §7.6: tanh, b = 0, zero input, attracting origin: λ_i = ln|μ_i(RW)|.
        double[][] rw = TestSystems.gaussian(6, 0.7, 3);
        EigenDecomposition eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(rw));
        double[] expected = new double[6];
        for (int i = 0; i < 6; i++) {
            expected[i] = Math.log(Math.hypot(eigen.getRealEigenvalue(i), eigen.getImagEigenvalue(i)));
        }
        Arrays.sort(expected);
        reverse(expected);
        assertTrue(expected[0] < 0, "the origin must attract for this test");
        LyapunovSpectrum s = spectrum(TestSystems.simpleRnn(rw, new ActivationTanH()), 500, 20_000, 1,
                Drive.autonomous());
        // Finite-T bias O(ln κ(V)/T) with T = 2·10⁴.
        Validation.record("tanh SimpleRnn at an attracting fixed point", "λ1 = ln|μ1(RW)|", expected[0], s.max(),
                1e-3);
        assertArrayEquals(expected, s.exponents(), 1e-3);
    }

    @Test
    void lstmWithZeroRecurrentWeightsDecaysAtTheForgetGateRate() {
        // THEORY.md §7.6: RW = 0, zero input: n exponents are ln σ(1) = −0.3132617, the other n are −∞.
        int n = 4;
        INDArray w = Nd4j.randn(DataType.DOUBLE, 2, 4 * n);
        INDArray rw = Nd4j.zeros(DataType.DOUBLE, n, 4 * n);
        INDArray b = Nd4j.zeros(DataType.DOUBLE, 1, 4 * n);
        b.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(n, 2 * n)).assign(1.0);
        LstmDynamics lstm = LstmDynamics.of("lstm", w, rw, b, new ActivationTanH(), new ActivationSigmoid());
        // Warm-up 100: c_t decays like σ(1)^t, and with it the drift of φ'(c_t) that biases a short run.
        LyapunovSpectrum s = spectrum(lstm, 100, 200, 1, Drive.autonomous());
        double[] l = s.exponents();
        Validation.record("LSTM, RW = 0", "λ1 = ln σ(1)", -0.3132617, l[0], 1e-12);
        for (int i = 0; i < n; i++) {
            assertEquals(Math.log(1 / (1 + Math.exp(-1))), l[i], 1e-12, s.toString());
            assertEquals(-0.3132617, l[i], 1e-7, s.toString());
            assertEquals(Double.NEGATIVE_INFINITY, l[n + i], s.toString());
        }
        assertEquals(0, s.kaplanYorke().value());
    }

    private static void assertArrayEquals(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Double.isFinite(actual[i]), "exponent " + i + " is " + actual[i]);
            assertEquals(expected[i], actual[i], tolerance, "exponent " + i + " of " + Arrays.toString(actual));
        }
    }

    private static void reverse(double[] values) {
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
