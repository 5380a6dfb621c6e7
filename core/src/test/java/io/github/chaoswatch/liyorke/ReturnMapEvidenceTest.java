package io.github.chaoswatch.liyorke;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The return-map heuristic (THEORY.md §4.6) on maps where the answer is known. */
class ReturnMapEvidenceTest {

    @Test
    void logisticReturnMapIsReliableAndHasPeriodThree() {
        // A one-dimensional map is its own return map: 64 median knots approximate r·x(1 − x) to about
        // (bin width)²·r/4 ≈ 2e-4, far below the Li-Yorke margin 0.058 at r = 3.9 (PeriodThreeDetectorTest).
        ReturnMapReport report = new ReturnMapTest.Builder(10_000).build()
                .test(TestMaps.logistic(3.9).asDynamics(0.05, 0.95));
        assertTrue(report.reliable(), report.description());
        assertTrue(report.rSquared() > 0.999, report.description());
        assertTrue(report.periodThreeOnFit(), report.description());
        assertTrue(report.description().contains("Evidence only"), report.description());
    }

    @Test
    void logisticTwoCycleReturnMapHasNoPeriodThree() {
        // At r = 3.2 the trajectory sits on the 2-cycle: the fit swaps two values, which is period 2, never 3.
        ReturnMapReport report = new ReturnMapTest.Builder(1_000).build()
                .test(TestMaps.logistic(3.2).asDynamics(0.05, 0.95));
        assertTrue(report.detection().isPresent(), report.description());
        assertEquals(PeriodSearchResult.Verdict.NONE, report.detection().get().verdict(), report.description());
    }

    @Test
    void chaoticRnnReturnMapIsWordedAsACaricature() {
        ReturnMapReport report = new ReturnMapTest.Builder(5_000).build()
                .test(ScramblingVerdictsTest.tanhRnn(50, 1, 3, 0, 7));
        assertTrue(report.fit().isPresent(), report.description());
        assertTrue(report.description().contains("one-dimensional caricature of a 50-dimensional map"),
                report.description());
        // Fifty dimensions of chaos do not fold into one: the fit must say it is unreliable.
        assertFalse(report.reliable(), report.description());
        assertEquals(1, norm(report.direction()), 1e-12, "the direction is a unit vector");
    }

    @Test
    void fixedPointGivesNoFitAndSaysWhy() {
        ReturnMapReport report = new ReturnMapTest.Builder(1_000).build()
                .test(ScramblingVerdictsTest.tanhRnn(8, 1, 0.5, 0, 3));
        assertFalse(report.fit().isPresent());
        assertTrue(report.description().contains("the projection is constant"), report.description());
    }

    @Test
    void directionOfWrongSizeIsRejected() {
        ReturnMapTest test = new ReturnMapTest.Builder(1_000).direction(1, 0).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> test.test(TestMaps.bistable().asDynamics()));
        assertTrue(e.getMessage().contains("the direction has 2 entries but 'tanh(3x)' has state size 1"),
                e.getMessage());
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
