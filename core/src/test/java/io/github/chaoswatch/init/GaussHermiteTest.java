package io.github.chaoswatch.init;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Gauss–Hermite rule behind the mean field (THEORY.md §5.2, §7.8; Golub &amp; Welsch 1969). */
class GaussHermiteTest {

    /** Sums of m positive terms of order 1: a few ulps per term. */
    private static final double ROUNDING = 1e-13;

    @ParameterizedTest(name = "{0} nodes")
    @ValueSource(ints = {3, 4, 10, 100, 400, 1600})
    void secondAndFourthMomentsOfTheNormalAreOneAndThree(int nodes) {
        // THEORY.md §7.8: exact for m ≥ 3 (degree 4 < 2m); a missing π^{−1/2} or √2 breaks both.
        GaussHermite rule = GaussHermite.of(nodes);
        assertEquals(1, rule.expectation(z -> 1), ROUNDING);
        assertEquals(1, rule.expectation(z -> z * z), ROUNDING);
        assertEquals(3, rule.expectation(z -> z * z * z * z), 3 * ROUNDING);
    }

    @Test
    void ruleIsExactUpToDegreeTwoMMinusOne() {
        // E[z^{2k}] = (2k − 1)!!, exact for 2k ≤ 2m − 1: with m = 6, up to z^10 (945).
        GaussHermite rule = GaussHermite.of(6);
        double doubleFactorial = 1;
        for (int k = 1; k <= 5; k++) {
            doubleFactorial *= 2 * k - 1;
            int power = 2 * k;
            assertEquals(doubleFactorial, rule.expectation(z -> Math.pow(z, power)), 1e-12 * doubleFactorial,
                    "E[z^" + power + "]");
            assertEquals(0, rule.expectation(z -> Math.pow(z, power - 1)), 1e-12 * doubleFactorial);
        }
        // Degree 2m = 12 is not exact: E[z^12] = 10395.
        assertTrue(Math.abs(rule.expectation(z -> Math.pow(z, 12)) - 10395) > 1);
    }

    @Test
    void nodesAndWeightsMatchAnIndependentImplementation() {
        // commons-math3's HermiteRuleFactory (Newton on the Hermite recurrence) for the same weight e^{−ξ²}.
        int m = 60;
        GaussIntegrator reference = new GaussIntegratorFactory().hermite(m);
        GaussHermite rule = GaussHermite.of(m);
        double[] nodes = rule.nodes();
        double[] weights = rule.weights();
        for (int k = 0; k < m; k++) {
            assertEquals(reference.getPoint(k), nodes[k], 1e-13 * Math.max(1, Math.abs(nodes[k])), "node " + k);
            // Tail weights are tiny (1e-60); compare relatively. Both sides are accurate to about 1e-13.
            assertEquals(reference.getWeight(k), weights[k], 1e-11 * reference.getWeight(k), "weight " + k);
        }
    }

    @Test
    void weightsArePositiveAndSumToSqrtPi() {
        double[] weights = GaussHermite.of(1600).weights();
        assertTrue(Arrays.stream(weights).allMatch(w -> w >= 0));
        assertEquals(Math.sqrt(Math.PI), Arrays.stream(weights).sum(), 1e-12);
    }
}
