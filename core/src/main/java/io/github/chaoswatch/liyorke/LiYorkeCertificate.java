package io.github.chaoswatch.liyorke;

import java.util.List;
import java.util.Optional;

/**
 * The Li–Yorke certificate of THEORY.md §4.4, step 4: a point a with f³(a) ≤ a &lt; f(a) &lt; f²(a) or the mirror,
 * with a margin m(a) above rounding, and its tolerated perturbation η_max = m(a)/(1 + L + L²) (§4.8).
 */
final class LiYorkeCertificate {

    /**
     * Relative rounding guard (THEORY.md §4.4, step 4): m(a) must exceed this × (1 + L + L²)·(1 + max_j |f^j(a)|),
     * far above the rounding error of three evaluations of f amplified by L at each step.
     */
    static final double ROUNDING_GUARD = 1e-9;

    private LiYorkeCertificate() {
    }

    /**
     * The Li–Yorke margin of a: min(a − f³(a), f(a) − a, f²(a) − f(a)) when f³(a) ≤ a &lt; f(a) &lt; f²(a),
     * min(f³(a) − a, a − f(a), f(a) − f²(a)) for the mirror, else a non-positive number (NaN fails both).
     */
    static double margin(double a, double f1, double f2, double f3) {
        double direct = Math.min(a - f3, Math.min(f1 - a, f2 - f1));
        double mirrored = Math.min(f3 - a, Math.min(a - f1, f1 - f2));
        double margin = Math.max(direct, mirrored);
        return margin == margin ? margin : 0;
    }

    /**
     * Returns the candidate of largest margin whose margin clears the rounding guard, as a witness with its tolerated
     * perturbation; candidates are {a, f(a), f²(a), f³(a), m(a)}.
     */
    static Optional<LiYorkeWitness> best(ScalarMap map, List<double[]> candidates, double nodeLipschitz,
                                         boolean exactLipschitz) {
        double lipschitz = Math.max(1, nodeLipschitz);
        double[] best = null;
        for (double[] c : candidates) {
            double magnitude = 1 + Math.max(Math.max(Math.abs(c[0]), Math.abs(c[1])),
                    Math.max(Math.abs(c[2]), Math.abs(c[3])));
            double guard = ROUNDING_GUARD * (1 + lipschitz + lipschitz * lipschitz) * magnitude;
            if (c[4] > guard && (best == null || c[4] > best[4])) {
                best = c;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        if (!exactLipschitz) {
            // The orbit may leave the grid: include the slopes met along it in the (estimated) constant.
            for (int i = 0; i < 3; i++) {
                lipschitz = Math.max(lipschitz, PeriodThreeDetector.finiteOrZero(Math.abs(map.derivative(best[i]))));
            }
        }
        double denominator = 1 + lipschitz + lipschitz * lipschitz;
        return Optional.of(new LiYorkeWitness(best[0], best[1], best[2], best[3], best[1] < best[0], best[4],
                lipschitz, best[4] / denominator));
    }
}
