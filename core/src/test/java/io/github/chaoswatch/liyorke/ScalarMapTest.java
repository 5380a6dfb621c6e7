package io.github.chaoswatch.liyorke;

import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scalar maps as functions and as recurrent dynamics (THEORY.md §7.1, §7.4). */
class ScalarMapTest {

    @Test
    void logisticMapAsDynamicsHasExponentLn2AtRFour() {
        // THEORY.md §7.1: λ = ln 2 exactly at r = 4; the estimator's own standard error sets the tolerance.
        LyapunovSpectrum s = new SpectrumEstimator.Builder(100_000).exponents(1).build()
                .estimate(TestMaps.logistic(4).asDynamics(0.05, 0.95));
        assertTrue(Double.isFinite(s.max()), s.toString());
        assertEquals(Math.log(2), s.max(), 4 * s.maxStandardError(), s.toString());
    }

    @Test
    void tentMapAsDynamicsHasExponentLogSlope() {
        // THEORY.md §7.4: |T_s'| = s off the kink, so every orbit that avoids it has λ = ln s; the sum of T equal
        // logarithms rounds at about 1e-16 relative per step.
        LyapunovSpectrum s = new SpectrumEstimator.Builder(5_000).exponents(1).build()
                .estimate(TestMaps.tent(1.9).asDynamics(0.01, 0.99));
        assertEquals(Math.log(1.9), s.max(), 1e-12, s.toString());
    }

    @Test
    void piecewiseLinearMapKnowsBreakpointsSlopeAndImage() {
        ScalarMap map = TestMaps.periodFiveWithoutPeriodThree();
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, map.breakpoints());
        assertEquals(2, map.maxAbsSlope().orElseThrow());
        assertEquals(1, map.imageLower());
        assertEquals(5, map.imageUpper());
        assertEquals(4.5, map.apply(2.5));
    }

    @Test
    void iterateComposesTheMap() {
        ScalarMap map = TestMaps.periodFiveWithoutPeriodThree();
        assertEquals(1, map.iterate(1, 5));
        assertEquals(2, map.iterate(1, 3));
    }

    @Test
    void unsortedKnotsAreRejectedWithAdvice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScalarMap.piecewiseLinear("bad", new double[] {0, 1, 1}, new double[] {0, 1, 0}, 0, 0));
        assertTrue(e.getMessage().contains("knots must be strictly increasing, but knot 2 = 1.0 follows 1.0"),
                e.getMessage());
    }

    @Test
    void invalidImageBoundsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestMaps.logistic(4).withImageBounds(1, Double.NaN));
        assertTrue(e.getMessage().contains("image bounds [1.0, NaN]"), e.getMessage());
    }
}
