package io.github.chaoswatch.liyorke;

/** One-dimensional maps with known periodic structure (THEORY.md §7.1, §7.2, §7.4). */
final class TestMaps {

    /** φ_g = (1 + √5)/2. */
    static final double GOLDEN_RATIO = (1 + Math.sqrt(5)) / 2;

    private TestMaps() {
    }

    /** x ↦ r·x(1 − x), a smooth map (no breakpoints known to the detector). */
    static ScalarMap logistic(double r) {
        return ScalarMap.of(x -> r * x * (1 - x), x -> r * (1 - 2 * x), "logistic r=" + r);
    }

    /** T_s(x) = s·min(x, 1 − x), continued linearly on the whole line. */
    static ScalarMap tent(double s) {
        return ScalarMap.piecewiseLinear("tent s=" + s, new double[] {0.5}, new double[] {s / 2}, s, -s);
    }

    /**
     * The Li–Yorke counterexample on [1, 5]: 1 → 3 → 4 → 2 → 5 → 1, linear between integers and constant outside.
     * It has period 5 but not period 3 (Li &amp; Yorke 1975, §4 remark; Sharkovskii 1964).
     */
    static ScalarMap periodFiveWithoutPeriodThree() {
        return ScalarMap.piecewiseLinear("1->3->4->2->5->1", new double[] {1, 2, 3, 4, 5},
                new double[] {3, 5, 4, 2, 1}, 0, 0);
    }

    /** x ↦ tanh(3x): stable fixed points ±0.9949015 (x = tanh 3x), unstable fixed point 0 (the separatrix). */
    static ScalarMap bistable() {
        return ScalarMap.of(x -> Math.tanh(3 * x), x -> 3 / Math.pow(Math.cosh(3 * x), 2), "tanh(3x)");
    }
}
