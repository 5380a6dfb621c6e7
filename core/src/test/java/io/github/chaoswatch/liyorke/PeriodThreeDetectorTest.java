package io.github.chaoswatch.liyorke;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Period detection on maps whose periodic structure is known in closed form (THEORY.md §4.4, §7.2, §7.4). */
class PeriodThreeDetectorTest {

    private static final PeriodThreeDetector DETECTOR = PeriodThreeDetector.withDefaults();

    /**
     * Cycle points found by bisection are accurate to 1e-12·max(1, |x|) (CycleRootFinder), carried through at most
     * two steps of a map with slope ≤ 4: 1e-10 leaves a factor 6 of slack.
     */
    private static final double CYCLE_TOLERANCE = 1e-10;

    @Test
    void logisticMapHasNoPeriodThreeJustBelowTheTangentBifurcation() {
        // THEORY.md §7.2: the window opens at r_c = 1 + √8 = 3.8284271...
        assertTrue(3.8284 < 1 + Math.sqrt(8), "the test value must lie below r_c");
        PeriodSearchResult result = DETECTOR.detect(TestMaps.logistic(3.8284), 0, 1);
        assertEquals(PeriodSearchResult.Verdict.NONE, result.verdict(), result.description());
        assertTrue(result.witness().isEmpty() && result.cycles().isEmpty(), "both certificates must stay silent");
    }

    @Test
    void logisticMapHasPeriodThreeByBothCertificatesJustAboveTheTangentBifurcation() {
        assertTrue(3.8285 > 1 + Math.sqrt(8), "the test value must lie above r_c");
        PeriodSearchResult result = DETECTOR.detect(TestMaps.logistic(3.8285), 0, 1);
        assertEquals(PeriodSearchResult.Verdict.PERIOD3, result.verdict(), result.description());
        assertTrue(result.witness().isPresent(), "Li-Yorke certificate: " + result.description());
        // The saddle-node creates a stable and an unstable 3-cycle together.
        assertEquals(2, result.cycles().size(), result.description());
    }

    @ParameterizedTest(name = "r = {0}: {1}")
    @CsvSource({"3.82, NONE", "3.83, PERIOD3", "3.9, PERIOD3", "4.0, PERIOD3"})
    void logisticMapPeriodThreeTableOfTheory(double r, PeriodSearchResult.Verdict expected) {
        // THEORY.md §7.2: r = 3.82 → NONE; r = 3.83, 3.9, 4 → PERIOD3; both certificates agree on every row.
        PeriodSearchResult result = DETECTOR.detect(TestMaps.logistic(r), 0, 1);
        assertEquals(expected, result.verdict(), result.description());
        assertTrue(result.certificatesAgree(), result.description());
    }

    @Test
    void logisticTwoCycleIsNotPeriodThreeTheF4Trap() {
        // THEORY.md §4.5: the scrambling paper's notebook composes f once too often and counts roots of f⁴(x) = x.
        // Fixed points of f⁴ have period 1, 2 or 4, never 3, so that test fires on the stable 2-cycle at r = 3.2.
        ScalarMap map = TestMaps.logistic(3.2);
        assertTrue(signChanges(map, 4) > signChanges(map, 1),
                "test of the test: the buggy f^4 criterion must fire at r = 3.2");
        PeriodSearchResult result = DETECTOR.detect(map, 0, 1);
        assertEquals(PeriodSearchResult.Verdict.NONE, result.verdict(), result.description());
        assertTrue(result.certificatesAgree());
    }

    /** Sign changes of f^n(x) − x on a grid of [0, 1]: the counting of the paper's notebook. */
    private static int signChanges(ScalarMap map, int n) {
        int count = 0;
        double previous = Double.NaN;
        for (int j = 0; j <= 10_000; j++) {
            double x = j / 10_000.0;
            double g = map.iterate(x, n) - x;
            if (previous * g < 0) {
                count++;
            }
            previous = g;
        }
        return count;
    }

    @Test
    void twoReluTentMapReportsBothThreeCycles() {
        // THEORY.md §7.4: f(x) = 2·ReLU(x) − 4·ReLU(x − ½) has the 3-cycles {2/7, 4/7, 6/7} and {2/9, 4/9, 8/9}.
        ScalarMap map = RandomScalarRnn.of(new double[] {1, 1}, new double[] {0, -0.5}, new double[] {2, -4}, 0,
                RandomScalarRnn.OutputFunction.IDENTITY).toScalarMap();
        PeriodSearchResult result = DETECTOR.detect(map);
        assertEquals(PeriodSearchResult.Verdict.PERIOD3, result.verdict(), result.description());
        assertTrue(result.witness().isPresent(), result.description());
        List<PeriodicCycle> cycles = result.cycles();
        assertEquals(2, cycles.size(), result.description());
        // Ordered by smallest point: 2/9 < 2/7.
        assertTrue(cycles.get(0).matches(new double[] {2.0 / 9, 4.0 / 9, 8.0 / 9}, CYCLE_TOLERANCE), cycles.toString());
        assertTrue(cycles.get(1).matches(new double[] {2.0 / 7, 4.0 / 7, 6.0 / 7}, CYCLE_TOLERANCE), cycles.toString());
    }

    @Test
    void tentMapBelowGoldenRatioIsDecidedByThePrefilter() {
        // THEORY.md §4.2, §7.4: period 3 needs Lip(f) ≥ φ_g = 1.6180339...; 1.6180 is below it.
        PeriodSearchResult result = DETECTOR.detect(TestMaps.tent(1.6180), 0, 1);
        assertEquals(PeriodSearchResult.Verdict.NONE, result.verdict(), result.description());
        assertTrue(result.prefilterDecided(), result.description());
        assertEquals(0, result.nodes(), "the pre-filter decides without a grid");
    }

    @Test
    void tentMapJustAboveGoldenRatioHasBothClosedFormCyclesByBothCertificates() {
        // The 3-cycles of T_s for s > φ_g start at s/(s² + s + 1) (itinerary LRR) and s/(1 + s³) (LLR); at
        // s = 1.6181 they are only 1.4e-5 apart, closer than the grid spacing 1e-4: the breakpoints of f³ in the
        // grid resolve them.
        double s = 1.6181;
        PeriodSearchResult result = DETECTOR.detect(TestMaps.tent(s), 0, 1);
        assertEquals(PeriodSearchResult.Verdict.PERIOD3, result.verdict(), result.description());
        assertTrue(result.witness().isPresent(), result.description());
        assertEquals(2, result.cycles().size(), result.description());
        double lrr = s / (s * s + s + 1);
        double llr = s / (1 + s * s * s);
        assertTrue(result.cycles().get(0).matches(new double[] {llr, s * llr, s * s * llr}, CYCLE_TOLERANCE),
                result.cycles().toString());
        assertTrue(result.cycles().get(1).matches(new double[] {lrr, s * lrr, s * (1 - s * lrr)}, CYCLE_TOLERANCE),
                result.cycles().toString());
    }

    @Test
    void plainGridMissesTheNarrowTentWindowThatBreakpointNodesResolve() {
        // The negative windows of f³(x) − x at s = 1.6181 are about 1e-5 wide: even 2·10⁴ uniform points miss them,
        // which is why the breakpoints of f³ join the grid (guards against losing that augmentation).
        PeriodThreeDetector plain = new PeriodThreeDetector.Builder().includeBreakpoints(false).gridSize(20_000)
                .build();
        PeriodSearchResult result = plain.detect(TestMaps.tent(1.6181), 0, 1);
        assertEquals(PeriodSearchResult.Verdict.NONE, result.verdict(), result.description());
        assertFalse(result.breakpointsInGrid());
    }

    @Test
    void mapWithPeriodFiveButNoPeriodThreeIsClassifiedBySharkovskii() {
        // Li & Yorke (1975): 1 → 3 → 4 → 2 → 5 → 1, linear between integers, has period 5 but not period 3.
        // Sharkovskii: 3 ▷ 5 ▷ 7, so period 5 forces period 7 but not period 3.
        ScalarMap map = TestMaps.periodFiveWithoutPeriodThree();
        PeriodSearchResult three = DETECTOR.detect(map);
        assertEquals(PeriodSearchResult.Verdict.NONE, three.verdict(), three.description());
        assertTrue(three.interval().complete() && three.breakpointsInGrid(),
                "the image is bounded and f³ is affine between nodes, so NONE is exact: " + three.description());
        PeriodSearchResult five = DETECTOR.detect(map, 5);
        assertEquals(PeriodSearchResult.Verdict.OTHER_PERIOD, five.verdict(), five.description());
        assertTrue(five.cycles().stream().anyMatch(c -> c.matches(new double[] {1, 2, 3, 4, 5}, 1e-12)),
                five.cycles().toString());
        assertTrue(five.description().contains("does not imply period 3"), five.description());
        PeriodSearchResult seven = DETECTOR.detect(map, 7);
        assertEquals(PeriodSearchResult.Verdict.OTHER_PERIOD, seven.verdict(), seven.description());
    }

    @Test
    void periodThreeDescriptionStatesTheSharkovskiiConsequence() {
        PeriodSearchResult result = DETECTOR.detect(TestMaps.logistic(3.9), 0, 1);
        assertTrue(result.description().contains("every prime period"), result.description());
        assertTrue(result.description().contains("ln phi_g = 0.4812"), result.description());
        assertTrue(result.description().contains("Li-Yorke chaos"), result.description());
    }

    @Test
    void noneStatesTheIntervalAndResolution() {
        PeriodSearchResult result = DETECTOR.detect(TestMaps.logistic(3.82), 0, 1);
        assertTrue(result.description().contains("[0.00000, 1.00000]"), result.description());
        assertTrue(result.description().contains("grid M = 10000"), result.description());
        assertTrue(result.description().contains("at this resolution"), result.description());
    }

    @Test
    void witnessSurvivesEveryPerturbationBelowTheToleratedSize() {
        // THEORY.md §4.8: if sup|g − f| ≤ η and η(1 + L + L²) < m(a), the Li-Yorke inequalities hold for g at a.
        // Adversarial g: at each of the three steps add +η or −η (8 combinations), with η = 0.99·η_max.
        ScalarMap f = TestMaps.logistic(3.9);
        LiYorkeWitness w = DETECTOR.detect(f, 0, 1).witness().orElseThrow();
        double eta = 0.99 * w.toleratedPerturbation();
        assertTrue(eta > 0);
        for (int signs = 0; signs < 8; signs++) {
            double g1 = f.apply(w.point()) + eta * ((signs & 1) == 0 ? 1 : -1);
            double g2 = f.apply(g1) + eta * ((signs & 2) == 0 ? 1 : -1);
            double g3 = f.apply(g2) + eta * ((signs & 4) == 0 ? 1 : -1);
            assertTrue(LiYorkeCertificate.margin(w.point(), g1, g2, g3) > 0,
                    "perturbation pattern " + signs + " broke the witness " + w);
        }
    }

    @Test
    void bracketHoldingAFixedPointIsRefinedLocally() {
        // On a 7-point grid of [0, 1] the logistic map at r = 3.9 has 3-cycle points in the same cells as its fixed
        // point 1 − 1/r; the plain grid sees one sign change there and bisection would land on the fixed point.
        PeriodThreeDetector coarse = new PeriodThreeDetector.Builder().gridSize(7).build();
        PeriodSearchResult result = coarse.detect(TestMaps.logistic(3.9), 0, 1);
        assertTrue(result.nodes() > 7, "refinement must add nodes: " + result.description());
        assertFalse(result.cycles().isEmpty(), result.description());
    }

    @Test
    void equalInputsGiveEqualResults() {
        PeriodSearchResult first = DETECTOR.detect(TestMaps.logistic(3.9), 0, 1);
        PeriodSearchResult second = DETECTOR.detect(TestMaps.logistic(3.9), 0, 1);
        assertEquals(first, second);
    }

    @Test
    void builderListsEveryProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PeriodThreeDetector.Builder().gridSize(1).maxBreakpointNodes(0).build());
        assertTrue(e.getMessage().contains("gridSize = 1 must be at least 3"), e.getMessage());
        assertTrue(e.getMessage().contains("maxBreakpointNodes = 0"), e.getMessage());
    }

    @Test
    void periodOutOfRangeIsRejectedWithAdvice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DETECTOR.detect(TestMaps.logistic(3.9), 1, 0, 1));
        assertTrue(e.getMessage().contains("period = 1 is out of range; use a period from 2 to 16"), e.getMessage());
    }

    @Test
    void smoothMapWithoutIntervalIsRejectedWithAdvice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DETECTOR.detect(TestMaps.logistic(3.9)));
        assertTrue(e.getMessage().contains("pass one (detect(map, lower, upper))"), e.getMessage());
    }

    @Test
    void declaredImageBoundsMakeTheSearchComplete() {
        PeriodSearchResult result = DETECTOR.detect(TestMaps.logistic(4).withImageBounds(0, 1));
        assertTrue(result.interval().complete(), result.interval().toString());
        assertEquals(PeriodSearchResult.Verdict.PERIOD3, result.verdict());
    }
}
