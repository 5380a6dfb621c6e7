package io.github.chaoswatch.liyorke;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lap counts of iterates (THEORY.md §4.8). */
class ExpressivityProbeTest {

    @Test
    void tentMapOfSlopeTwoHasExactlyTwoToTheTLaps() {
        // T_2^T on [0, 1] is a sawtooth of 2^T monotone pieces; its breakpoints are dyadic, so the count is exact.
        ExpressivityProfile profile = new ExpressivityProbe.Builder(10).build().probe(TestMaps.tent(2), 0, 1);
        assertTrue(profile.exact());
        assertArrayEquals(new int[] {2, 4, 8, 16, 32, 64, 128, 256, 512, 1024}, profile.laps());
        assertEquals(Math.log(2), profile.growthRate().orElseThrow(), 1e-12);
    }

    @Test
    void tentMapOfSlope1Point9GrowsAtLeastLikeTheGoldenRatio() {
        // Period 3 (s = 1.9 > φ_g) forces lap growth ≥ φ_g^T; for the tent map the rate is h_top = ln s = 0.6419.
        // Over T ≤ 14 the laps follow c·s^T up to O(1) factors, so the fitted slope is within 0.03 of ln s.
        ExpressivityProfile profile = new ExpressivityProbe.Builder(14).fitFrom(4).build()
                .probe(TestMaps.tent(1.9), 0, 1);
        assertTrue(profile.atLeastGoldenRatio(), profile.description());
        assertEquals(Math.log(1.9), profile.growthRate().orElseThrow(), 0.03, profile.description());
    }

    @Test
    void gridCountOfSmoothLogisticMatchesTheExactDoubling() {
        // The logistic map at r = 4 is conjugate to the tent map of slope 2: f^T has 2^T laps on [0, 1]. At T = 8
        // the narrowest lap is about 4e-5 wide, four grid spacings of the default 10⁵-point grid.
        ExpressivityProfile profile = new ExpressivityProbe.Builder(8).build().probe(TestMaps.logistic(4), 0, 1);
        assertFalse(profile.exact());
        assertArrayEquals(new int[] {2, 4, 8, 16, 32, 64, 128, 256}, profile.laps());
    }

    @Test
    void mapWithoutPeriodThreeGrowsBelowTheGoldenRatio() {
        // Slope 1.5 < φ_g: h_top = ln 1.5 = 0.405 < ln φ_g = 0.481 (no period 3, Misiurewicz & Szlenk).
        ExpressivityProfile profile = new ExpressivityProbe.Builder(16).fitFrom(6).build()
                .probe(TestMaps.tent(1.5), 0, 1);
        assertFalse(profile.atLeastGoldenRatio(), profile.description());
    }

    @Test
    void exactAndGridCountsAgreeForARandomNetwork() {
        RandomScalarRnn network = new RandomScalarRnn.Builder(16).weightScale(2).seed(4).build();
        ScalarMap exact = network.toScalarMap();
        ScalarMap smooth = ScalarMap.of(network::apply, exact::derivative, "same map, not marked piecewise linear");
        SearchInterval interval = SearchInterval.automatic(exact);
        ExpressivityProbe probe = new ExpressivityProbe.Builder(3).gridSize(1_000_000).build();
        int[] fromBreakpoints = probe.probe(exact, interval.lower(), interval.upper()).laps();
        int[] fromGrid = probe.probe(smooth, interval.lower(), interval.upper()).laps();
        assertArrayEquals(fromBreakpoints, fromGrid);
    }

    @Test
    void equalInputsGiveEqualProfiles() {
        ExpressivityProbe probe = new ExpressivityProbe.Builder(8).build();
        assertEquals(probe.probe(TestMaps.tent(1.7), 0, 1), probe.probe(TestMaps.tent(1.7), 0, 1));
    }

    @Test
    void builderListsEveryProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExpressivityProbe.Builder(1).gridSize(2).build());
        assertTrue(e.getMessage().contains("maxIterations = 1 must be at least 2"), e.getMessage());
        assertTrue(e.getMessage().contains("gridSize = 2 must be at least 3"), e.getMessage());
    }
}
