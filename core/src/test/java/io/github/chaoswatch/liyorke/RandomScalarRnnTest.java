package io.github.chaoswatch.liyorke;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scrambling paper's scalar network (THEORY.md §4.3) and its exact piecewise-linear form. */
class RandomScalarRnnTest {

    @ParameterizedTest
    @EnumSource(RandomScalarRnn.OutputFunction.class)
    void piecewiseLinearFormEqualsTheNetworkFormula(RandomScalarRnn.OutputFunction output) {
        // Interpolation between knots versus the sum of k ReLUs: both are exact up to rounding of k = 64 terms of
        // size ≤ |f|, so 1e-12·(1 + |f|) is about 100 ulps.
        SplittableRandom points = new SplittableRandom(1);
        for (long seed = 0; seed < 20; seed++) {
            RandomScalarRnn network = new RandomScalarRnn.Builder(64).weightScale(2).output(output).seed(seed)
                    .build();
            ScalarMap map = network.toScalarMap();
            for (int i = 0; i < 200; i++) {
                double x = points.nextDouble(-20, 20);
                double expected = network.apply(x);
                assertEquals(expected, map.apply(x), 1e-12 * (1 + Math.abs(expected)), "seed " + seed + ", x " + x);
            }
        }
    }

    @Test
    void maxAbsSlopeIsTheLargestSlopeBetweenBreakpoints() {
        RandomScalarRnn network = new RandomScalarRnn.Builder(32).seed(3).build();
        double[] b = network.breakpoints();
        double max = 0;
        for (int i = 0; i + 1 < b.length; i++) {
            max = Math.max(max, Math.abs((network.apply(b[i + 1]) - network.apply(b[i])) / (b[i + 1] - b[i])));
        }
        // The two unbounded end pieces, sampled one unit beyond the outermost breakpoints.
        max = Math.max(max, Math.abs(network.apply(b[0]) - network.apply(b[0] - 1)));
        max = Math.max(max, Math.abs(network.apply(b[b.length - 1] + 1) - network.apply(b[b.length - 1])));
        assertEquals(max, network.maxAbsSlope(), 1e-9 * max);
    }

    @Test
    void twoReluNetworkIsTheTentMap() {
        // THEORY.md §7.4: k = 2, w = (1, 1), b = (0, −½), a = (2, −4), c = 0 gives 2·min(x, 1 − x) on [0, 1].
        RandomScalarRnn network = RandomScalarRnn.of(new double[] {1, 1}, new double[] {0, -0.5},
                new double[] {2, -4}, 0, RandomScalarRnn.OutputFunction.IDENTITY);
        assertArrayEquals(new double[] {0, 0.5}, network.breakpoints());
        assertEquals(2, network.maxAbsSlope());
        for (double x = 0; x <= 1; x += 0.125) {
            assertEquals(2 * Math.min(x, 1 - x), network.apply(x), 0);
        }
    }

    @Test
    void equalSeedsGiveBitIdenticalNetworks() {
        RandomScalarRnn.Builder builder = new RandomScalarRnn.Builder(16).initialization(
                RandomScalarRnn.Initialization.GLOROT).weightScale(1.5).seed(99);
        RandomScalarRnn first = builder.build();
        RandomScalarRnn second = builder.build();
        assertArrayEquals(first.inputWeights(), second.inputWeights());
        assertArrayEquals(first.hiddenBiases(), second.hiddenBiases());
        assertArrayEquals(first.outputWeights(), second.outputWeights());
        assertEquals(first.outputBias(), second.outputBias());
        assertFalse(Arrays.equals(first.inputWeights(), builder.seed(100).build().inputWeights()));
    }

    @Test
    void heInitializationHasTheDocumentedVariances() {
        // w_i ~ N(0, 2 s²), b_i like w_i, a_i ~ N(0, 2 s²/k). The sample variance of n normals has relative
        // standard error √(2/n) = 1.4% at n = 10⁴; 6% is four of them.
        int k = 10_000;
        double s = 1.5;
        RandomScalarRnn network = new RandomScalarRnn.Builder(k).weightScale(s).seed(5).build();
        assertEquals(2 * s * s, variance(network.inputWeights()), 0.06 * 2 * s * s);
        assertEquals(2 * s * s, variance(network.hiddenBiases()), 0.06 * 2 * s * s);
        assertEquals(2 * s * s / k, variance(network.outputWeights()), 0.06 * 2 * s * s / k);
    }

    @Test
    void glorotInitializationHasTheDocumentedVariancesAndSeparateBiasVariances() {
        int k = 10_000;
        RandomScalarRnn network = new RandomScalarRnn.Builder(k).initialization(
                RandomScalarRnn.Initialization.GLOROT).hiddenBiasVariance(0.25).seed(6).build();
        assertEquals(2.0 / (k + 1), variance(network.inputWeights()), 0.06 * 2.0 / (k + 1));
        assertEquals(2.0 / (k + 1), variance(network.outputWeights()), 0.06 * 2.0 / (k + 1));
        assertEquals(0.25, variance(network.hiddenBiases()), 0.06 * 0.25);
    }

    private static double variance(double[] v) {
        return Arrays.stream(v).map(x -> x * x).sum() / v.length;
    }

    @Test
    void clippedOutputHasItsImageInTheUnitInterval() {
        ScalarMap map = new RandomScalarRnn.Builder(32).weightScale(2).output(RandomScalarRnn.OutputFunction.CLIP)
                .seed(8).build().toScalarMap();
        assertTrue(map.hasBoundedImage(), map.toString());
        assertTrue(map.imageLower() >= 0 && map.imageUpper() <= 1, map.toString());
        assertTrue(SearchInterval.automatic(map).complete());
    }

    @Test
    void builderListsEveryProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RandomScalarRnn.Builder(0).weightScale(Double.NaN).hiddenBiasVariance(-1).build());
        assertTrue(e.getMessage().contains("width = 0 must be at least 1"), e.getMessage());
        assertTrue(e.getMessage().contains("weightScale = NaN must be a finite number > 0"), e.getMessage());
        assertTrue(e.getMessage().contains("hiddenBiasVariance = -1.0"), e.getMessage());
    }
}
