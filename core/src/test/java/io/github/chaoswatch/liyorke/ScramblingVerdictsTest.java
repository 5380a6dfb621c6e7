package io.github.chaoswatch.liyorke;

import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.dynamics.SimpleRnnDynamics;
import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verdicts of the scrambled-pair test on maps whose behaviour is known (THEORY.md §4.7). */
class ScramblingVerdictsTest {

    /** A tanh SimpleRnn with W [nIn, n] ~ N(0, 1/nIn) (zeros if inputScale = 0), RW ~ N(0, g²/n), b = 0. */
    static RecurrentDynamics tanhRnn(int n, int inputs, double gain, double inputScale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] w = new double[inputs][n];
        double[][] rw = new double[n][n];
        for (double[] row : w) {
            for (int i = 0; i < n; i++) {
                row[i] = inputScale * random.nextGaussian() / Math.sqrt(inputs);
            }
        }
        for (double[] row : rw) {
            for (int i = 0; i < n; i++) {
                row[i] = gain * random.nextGaussian() / Math.sqrt(n);
            }
        }
        return SimpleRnnDynamics.of("tanh SimpleRnn n=" + n + " g=" + gain, Nd4j.create(w).castTo(DataType.DOUBLE),
                Nd4j.create(rw).castTo(DataType.DOUBLE), Nd4j.zeros(DataType.DOUBLE, n), new ActivationTanH());
    }

    @Test
    void drivenContractingRnnIsAsymptotic() {
        // Gain 0.5 with |tanh'| ≤ 1 contracts every pair at least by ~0.5 per step under the same inputs (echo
        // state): every pair synchronizes.
        RecurrentDynamics d = tanhRnn(16, 2, 0.5, 1, 11);
        double[][] inputs = new double[500][2];
        SplittableRandom random = new SplittableRandom(12);
        for (double[] x : inputs) {
            x[0] = random.nextGaussian();
            x[1] = random.nextGaussian();
        }
        ScramblingReport report = new ScramblingTest.Builder(1_000).build().test(d, inputs);
        assertEquals(ScramblingVerdict.ASYMPTOTIC, report.verdict(), report.description());
        assertEquals(12, report.count(ScramblingVerdict.ASYMPTOTIC));
    }

    @Test
    void autonomousContractionToAFixedPointIsAsymptotic() {
        // The window sits on the fixed point 0, so diam falls back to the whole run (described in the report).
        ScramblingReport report = new ScramblingTest.Builder(500).build().test(tanhRnn(8, 1, 0.5, 0, 3));
        assertEquals(ScramblingVerdict.ASYMPTOTIC, report.verdict(), report.description());
        assertTrue(report.description().contains("window sits on a fixed point"), report.description());
    }

    @Test
    void chaoticRandomTanhRnnIsScrambledLikeOrSeparatedWithPositiveLargestExponent() {
        // THEORY.md §5.2, §7.7: gain 3 is deep in the chaotic regime (χ_1 = 9 > 1 at q* = 0); n = 50 is large enough
        // for the finite network to be chaotic (at n = 16 some draws settle on a torus with λ_1 ≈ 0). W = 0 and b = 0
        // with zero input: the autonomous network. D_KY is then far above 3, so SEPARATED is the expected verdict.
        RecurrentDynamics d = tanhRnn(50, 1, 3, 0, 7);
        LyapunovSpectrum spectrum = new SpectrumEstimator.Builder(2000).exponents(1).build().estimate(d);
        assertTrue(Double.isFinite(spectrum.max()), spectrum.toString());
        assertTrue(spectrum.max() - 2 * spectrum.maxStandardError() > 0, "lambda_1 must be confidently positive: "
                + spectrum);
        ScramblingReport report = new ScramblingTest.Builder(5_000).build().test(d);
        assertTrue(Set.of(ScramblingVerdict.SCRAMBLED_LIKE, ScramblingVerdict.SEPARATED).contains(report.verdict()),
                report.description());
        assertTrue(report.count(ScramblingVerdict.ASYMPTOTIC) == 0, "chaotic pairs separate: " + report.pairs());
    }

    @Test
    void pairsAcrossTheSeparatrixOfABistableMapStaySeparated() {
        // x ↦ tanh(3x): stable fixed points ±x*, x* = 0.9949015284526289 (iterating x = tanh 3x to convergence),
        // unstable 0. Pairs start at 0.001; the 1e-1·diam pairs whose direction points left cross 0 and fall to
        // −x*, so their distance settles at 2x* (the slope 3(1 − x*²) = 0.03 converges within a few steps to
        // rounding) and d_min stays away from 0; the others converge with their partner.
        ScramblingReport report = new ScramblingTest.Builder(300).warmupSteps(0).initialState(0.001).directions(8)
                .build().test(TestMaps.bistable().asDynamics());
        assertEquals(ScramblingVerdict.SEPARATED, report.verdict(), report.description());
        for (PairSeparation pair : report.pairs()) {
            if (pair.verdict() == ScramblingVerdict.SEPARATED) {
                assertTrue(pair.minDistance() > report.farThreshold(), pair.toString());
                assertEquals(2 * 0.9949015284526289, pair.maxDistance(), 1e-12, pair.toString());
            }
        }
        assertTrue(report.count(ScramblingVerdict.ASYMPTOTIC) > 0, "same-side pairs converge: " + report.pairs());
    }

    @Test
    void tentMapNearSlopeTwoHasScrambledPairs() {
        // THEORY.md §4.7's demonstration: slope 1.9999 (slope 2 collapses in floating point), pairs 1e-7 apart.
        // In one dimension a chaotic pair returns within 1e-3·diam every few hundred steps.
        ScramblingReport report = new ScramblingTest.Builder(20_000).separations(1e-7).build()
                .test(TestMaps.tent(1.9999).asDynamics(0.01, 0.99));
        assertEquals(ScramblingVerdict.SCRAMBLED_LIKE, report.verdict(), report.description());
        for (PairSeparation pair : report.pairs()) {
            assertTrue(pair.closeFraction() > 0 && pair.farFraction() > 0.5, pair.toString());
        }
    }

    @Test
    void equalSeedsGiveEqualReports() {
        ScramblingTest test = new ScramblingTest.Builder(2_000).seed(5).build();
        RecurrentDynamics d = TestMaps.tent(1.9).asDynamics(0.01, 0.99);
        assertEquals(test.test(d), test.test(d));
    }

    @Test
    void initialStateOfWrongSizeIsRejected() {
        ScramblingTest test = new ScramblingTest.Builder(100).initialState(0.1, 0.2).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> test.test(TestMaps.bistable().asDynamics()));
        assertTrue(e.getMessage().contains("the initial state has 2 entries but 'tanh(3x)' has state size 1"),
                e.getMessage());
    }

    @Test
    void builderListsEveryProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ScramblingTest.Builder(5).separations(2).directions(0).build());
        assertTrue(e.getMessage().contains("steps = 5 must be at least 10"), e.getMessage());
        assertTrue(e.getMessage().contains("separations = [2.0]"), e.getMessage());
        assertTrue(e.getMessage().contains("directions = 0"), e.getMessage());
    }
}
