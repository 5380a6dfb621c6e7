package io.github.chaoswatch.lyapunov;

import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.linalg.DenseMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identities and invariances of the estimators (THEORY.md §2.5, §2.6, §7.7, §7.8). */
class EstimatorPropertiesTest {

    private static final RecurrentDynamics CHAOTIC = TestSystems.randomTanhRnn(20, 3, 7);

    @Test
    void sumOfFullSpectrumEqualsMeanLogDeterminant() {
        // THEORY.md §2.5: with k = D and τ = 1, Σ ln R_ii(t) = ln|det J_t| at every step.
        List<Double> logDeterminants = new ArrayList<>();
        RecurrentDynamics recording = new Recording(CHAOTIC, logDeterminants);
        int warmup = 50;
        int steps = 500;
        LyapunovSpectrum s = new SpectrumEstimator.Builder(steps).allExponents().warmupSteps(warmup)
                .trajectories(1).build().estimate(recording);
        double expected = logDeterminants.subList(logDeterminants.size() - steps, logDeterminants.size()).stream()
                .mapToDouble(Double::doubleValue).sum() / steps;
        double sum = java.util.Arrays.stream(s.exponents()).sum();
        Validation.record("volume identity, tanh SimpleRnn N=20", "Σλ = mean ln|det J|", expected, sum, 1e-10);
        assertEquals(expected, sum, 1e-10 * Math.abs(expected));
    }

    @Test
    void largestExponentAloneEqualsFirstOfFullSpectrum() {
        // THEORY.md §2.5: the first column of Q_0 is the same for k = 1 and k = D, so λ_1 agrees to rounding.
        SpectrumEstimator.Builder builder = new SpectrumEstimator.Builder(2_000).warmupSteps(100).trajectories(2);
        double alone = builder.exponents(1).build().estimate(CHAOTIC).max();
        double full = builder.allExponents().build().estimate(CHAOTIC).max();
        Validation.record("k = 1 vs k = D, tanh SimpleRnn N=20", "λ1", full, alone, 1e-10);
        assertEquals(full, alone, 1e-10);
    }

    @Test
    void partialSpectrumEqualsLeadingExponentsOfFullSpectrum() {
        SpectrumEstimator.Builder builder = new SpectrumEstimator.Builder(1_000).warmupSteps(100).trajectories(2);
        double[] partial = builder.exponents(5).build().estimate(CHAOTIC).exponents();
        double[] full = builder.allExponents().build().estimate(CHAOTIC).exponents();
        for (int i = 0; i < 5; i++) {
            assertEquals(full[i], partial[i], 1e-10, "exponent " + i);
        }
    }

    @Test
    void bitsAreNatsDividedByLn2() {
        SpectrumEstimator.Builder builder = new SpectrumEstimator.Builder(500).exponents(4);
        LyapunovSpectrum nats = builder.build().estimate(CHAOTIC);
        LyapunovSpectrum bits = builder.unit(LyapunovUnit.BITS_PER_STEP).build().estimate(CHAOTIC);
        for (int i = 0; i < 4; i++) {
            assertEquals(nats.exponents()[i] / Math.log(2), bits.exponents()[i], 1e-14);
            assertEquals(nats.standardErrors()[i] / Math.log(2), bits.standardErrors()[i], 1e-14);
        }
        assertEquals(1.0, LyapunovUnit.BITS_PER_STEP.fromNats(Math.log(2)), 1e-15);
        assertEquals(nats.kaplanYorke(), bits.kaplanYorke());
    }

    @Test
    void equalSeedsGiveIdenticalResultsAndOtherSeedsDoNot() {
        SpectrumEstimator.Builder builder = new SpectrumEstimator.Builder(300).exponents(3);
        LyapunovSpectrum first = builder.seed(5).build().estimate(CHAOTIC);
        LyapunovSpectrum again = builder.seed(5).build().estimate(CHAOTIC);
        LyapunovSpectrum other = builder.seed(6).build().estimate(CHAOTIC);
        assertEquals(first, again);
        assertNotEquals(first.exponents()[0], other.exponents()[0]);
    }

    @ParameterizedTest(name = "gain {0}, {1} exponents")
    @CsvSource({"1.5, 128", "3, 128", "1.5, 48", "3, 48"})
    void fastPathsGiveTheHouseholderExponents(double gain, int exponents) {
        // The fast paths must not change the answer: every exponent within 1e-6 of explicit Householder (issue #2).
        // k = D = 128 takes the factored frame (SimpleRnn has a cheap Jacobian); k = 48 takes CholeskyQR where the
        // frame is well conditioned. Gain 3 saturates units until J is nearly singular.
        RecurrentDynamics rnn = TestSystems.randomTanhRnn(128, gain, 8);
        SpectrumEstimator.Builder builder = new SpectrumEstimator.Builder(200).exponents(exponents).warmupSteps(50)
                .trajectories(1);
        double[] fast = builder.orthonormalization(Orthonormalization.AUTO).build().estimate(rnn).exponents();
        double[] reference = builder.orthonormalization(Orthonormalization.HOUSEHOLDER).build().estimate(rnn)
                .exponents();
        double worst = 0;
        for (int i = 0; i < reference.length; i++) {
            worst = Math.max(worst, Math.abs(reference[i] - fast[i]));
        }
        Validation.record("fast path vs Householder, N=128, k=" + exponents + ", g=" + gain, "max |Δλi|", 0, worst,
                1e-6);
        for (int i = 0; i < reference.length; i++) {
            assertEquals(reference[i], fast[i], 1e-6, "exponent " + i);
        }
    }

    @Test
    void longerOrthonormalizationIntervalAgreesWithinStandardErrors() {
        SpectrumEstimator.Builder builder = new SpectrumEstimator.Builder(4_000).exponents(6).warmupSteps(100);
        LyapunovSpectrum every = builder.build().estimate(CHAOTIC);
        LyapunovSpectrum fifth = builder.orthonormalizationInterval(5).build().estimate(CHAOTIC);
        for (int i = 0; i < 6; i++) {
            double tolerance = 4 * Math.hypot(every.standardErrors()[i], fifth.standardErrors()[i]);
            assertEquals(every.exponents()[i], fifth.exponents()[i], tolerance, "exponent " + i);
        }
    }

    @Test
    void intervalTooLongForDoublePrecisionIsHalvedNotTrusted() {
        // diag(2, 0.5, 1e-3): (λ_1 − λ_3)·τ = 7.6·τ nats; at τ = 40 the frame loses the small columns entirely
        // unless the conditioning check halves τ.
        RecurrentDynamics map = TestSystems.linear(new double[][] {{2, 0, 0}, {0, 0.5, 0}, {0, 0, 1e-3}});
        LyapunovSpectrum s = new SpectrumEstimator.Builder(4_000).allExponents().orthonormalizationInterval(40)
                .trajectories(1).build().estimate(map);
        assertEquals(Math.log(2), s.exponents()[0], 1e-9);
        assertEquals(Math.log(0.5), s.exponents()[1], 1e-9);
        assertEquals(Math.log(1e-3), s.exponents()[2], 1e-9);
    }

    @Test
    void overflowingStateIsReportedAsDivergedNotThrown() {
        RecurrentDynamics exploding = new TestSystems.ExplicitMap("exploding", 2, 0) {
            @Override
            public void step(double[] s, double[] x, double[] next) {
                next[0] = 1e3 * s[0];
                next[1] = 1e3 * s[1];
            }

            @Override
            double[][] jacobianAt(double[] s, double[] x) {
                return new double[][] {{1e3, 0}, {0, 1e3}};
            }
        };
        LyapunovSpectrum s = new SpectrumEstimator.Builder(1_000).build().estimate(exploding);
        assertEquals(LyapunovSpectrum.Status.DIVERGED, s.status());
        assertTrue(s.statusMessage().contains("non-finite state at step"), s.statusMessage());
        assertFalse(s.isOk());
        LyapunovSpectrum direct = new DirectEstimate.Builder(1_000).build().estimate(exploding);
        assertEquals(LyapunovSpectrum.Status.DIVERGED, direct.status());
    }

    @Test
    void buildReportsEveryInvalidSettingAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new SpectrumEstimator.Builder(5).exponents(-2).warmupSteps(-1).trajectories(0)
                        .orthonormalizationInterval(0).build());
        for (String part : new String[] {"steps = 5", "exponents = -2", "warmupSteps = -1", "trajectories = 0",
                "orthonormalizationInterval = 0"}) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void estimateRejectsMoreExponentsThanStates() {
        SpectrumEstimator estimator = new SpectrumEstimator.Builder(100).exponents(30).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimator.estimate(CHAOTIC));
        assertEquals("invalid spectrum estimation configuration: exponents = 30 exceeds the state size 20 of 'rnn';"
                + " use at most 20", e.getMessage());
    }

    @Test
    void estimateRejectsProbeInputsOfTheWrongSize() {
        Drive drive = Drive.of(new double[][][] {{{1, 2}, {3, 4}}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new SpectrumEstimator.Builder(100).build().estimate(CHAOTIC, drive));
        assertTrue(e.getMessage().contains("the probe inputs have 2 features but 'rnn' takes 1"), e.getMessage());
    }

    @Test
    void driveRejectsNonFiniteInputs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                Drive.of(new double[][][] {{{1}, {Double.NaN}}}));
        assertTrue(e.getMessage().contains("non-finite input NaN at step 1"), e.getMessage());
    }

    @Test
    void kaplanYorkeDimensionFollowsItsDefinition() {
        // THEORY.md §7.8.
        assertEquals(new KaplanYorkeDimension(2.3, KaplanYorkeDimension.Kind.DETERMINED),
                KaplanYorkeDimension.of(new double[] {0.5, -0.2, -1.0}, 3));
        assertEquals(0, KaplanYorkeDimension.of(new double[] {-0.1, -0.5}, 2).value());
        assertEquals(new KaplanYorkeDimension(2, KaplanYorkeDimension.Kind.NOT_DISSIPATIVE),
                KaplanYorkeDimension.of(new double[] {0.3, 0.1}, 2));
        assertEquals(new KaplanYorkeDimension(2, KaplanYorkeDimension.Kind.AT_LEAST),
                KaplanYorkeDimension.of(new double[] {0.3, 0.1}, 5));
        assertEquals(1.2583, KaplanYorkeDimension.of(new double[] {0.41925, -1.62322}, 2).value(), 1e-4);
        assertEquals(1, KaplanYorkeDimension.of(new double[] {0.2, Double.NEGATIVE_INFINITY}, 2).value(), 1e-15);
    }

    @Test
    void entropyBoundSumsPositiveExponentsOnly() {
        LyapunovSpectrum s = new SpectrumEstimator.Builder(1_000).allExponents().trajectories(1).build()
                .estimate(TestSystems.linear(new double[][] {{Math.exp(0.5), 0, 0}, {0, Math.exp(0.1), 0},
                        {0, 0, Math.exp(-0.2)}}));
        assertEquals(0.6, s.entropyBound(), 1e-12);
        assertEquals(2, s.positiveCount());
    }

    @Test
    void traceEndsAtTheFinalEstimateAndDoublingCheckFlagsShortRuns() {
        LyapunovSpectrum s = new SpectrumEstimator.Builder(2_000).exponents(3).build().estimate(CHAOTIC);
        ConvergenceTrace trace = s.trace();
        int[] steps = trace.steps();
        assertEquals(2_000, steps[steps.length - 1]);
        assertEquals(s.max(), trace.exponent(0)[trace.size() - 1], 1e-12);
        assertTrue(s.converged(), s.toString());
        // A rate that drifts from −1 to −2 over the run: the first half averages −1.25, the whole −1.5, and all
        // trajectories agree (SE = 0), so the doubling check must fail.
        int steps2 = 1_000;
        double[][][] ramp = new double[1][steps2][1];
        for (int t = 0; t < steps2; t++) {
            ramp[0][t][0] = t / (double) steps2;
        }
        RecurrentDynamics drifting = new TestSystems.ExplicitMap("drifting", 1, 1) {
            @Override
            public void step(double[] s, double[] x, double[] next) {
                next[0] = Math.exp(-1 - x[0]) * s[0];
            }

            @Override
            double[][] jacobianAt(double[] s, double[] x) {
                return new double[][] {{Math.exp(-1 - x[0])}};
            }
        };
        LyapunovSpectrum slow = new SpectrumEstimator.Builder(steps2).warmupSteps(0).drive(Drive.of(ramp)).build()
                .estimate(drifting);
        assertEquals(-1.5, slow.max(), 1e-3);
        assertFalse(slow.converged(), slow.toString());
    }

    @Test
    void directEstimateAgreesWithQrOnAChaoticTanhNetwork() {
        // Issue #2: N = 200, gain 3, within 0.02; THEORY.md §2.8: within 3 combined standard errors. Different
        // seeds, so the two methods follow different trajectories and the comparison is statistical.
        RecurrentDynamics rnn = TestSystems.randomTanhRnn(200, 3, 9);
        LyapunovSpectrum qr = new SpectrumEstimator.Builder(4_000).exponents(1).warmupSteps(200).seed(1).build()
                .estimate(rnn);
        LyapunovSpectrum direct = new DirectEstimate.Builder(4_000).warmupSteps(200).seed(2).build().estimate(rnn);
        Validation.record("two-trajectory vs QR, tanh SimpleRnn N=200 g=3", "λ1 (QR " + String.format(
                java.util.Locale.ROOT, "%.4f", qr.max()) + ")", qr.max(), direct.max(),
                3 * Math.hypot(qr.maxStandardError(), direct.maxStandardError()));
        assertTrue(qr.max() > 0.1, qr.toString());
        assertEquals(qr.max(), direct.max(), 0.02);
        assertEquals(qr.max(), direct.max(), 3 * Math.hypot(qr.maxStandardError(), direct.maxStandardError()));
    }

    @Test
    void directEstimateAgreesWithQrOnLogisticAndHenon() {
        for (RecurrentDynamics map : new RecurrentDynamics[] {TestSystems.logistic(3.9), TestSystems.henon()}) {
            LyapunovSpectrum qr = new SpectrumEstimator.Builder(50_000).exponents(1).seed(1).build().estimate(map);
            LyapunovSpectrum direct = new DirectEstimate.Builder(50_000).seed(2).build().estimate(map);
            Validation.record("two-trajectory vs QR, " + map.name(), "λ1 (QR " + String.format(java.util.Locale.ROOT,
                    "%.4f", qr.max()) + ")", qr.max(), direct.max(),
                    3 * Math.hypot(qr.maxStandardError(), direct.maxStandardError()));
            assertEquals(qr.max(), direct.max(), 3 * Math.hypot(qr.maxStandardError(), direct.maxStandardError()),
                    map.name());
        }
    }

    /** Records ln|det J_t| of every step the estimator takes (explicit Jacobian, LU). */
    private static final class Recording implements RecurrentDynamics {
        private final RecurrentDynamics inner;
        private final List<Double> logDeterminants;

        Recording(RecurrentDynamics inner, List<Double> logDeterminants) {
            this.inner = inner;
            this.logDeterminants = logDeterminants;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public String layerType() {
            return inner.layerType();
        }

        @Override
        public int stateSize() {
            return inner.stateSize();
        }

        @Override
        public int inputSize() {
            return inner.inputSize();
        }

        @Override
        public void step(double[] state, double[] input, double[] next) {
            inner.step(state, input, next);
        }

        @Override
        public void tangentStep(double[] state, double[] input, double[] next, DenseMatrix stateTangents,
                                DenseMatrix inputTangents, DenseMatrix product) {
            double det = new LUDecomposition(MatrixUtils.createRealMatrix(inner.jacobian(state, input)))
                    .getDeterminant();
            logDeterminants.add(Math.log(Math.abs(det)));
            inner.tangentStep(state, input, next, stateTangents, inputTangents, product);
        }

        @Override
        public double[] initialState(SplittableRandom random) {
            return inner.initialState(random);
        }
    }
}
