package io.github.chaoswatch.liyorke;

import java.util.Locale;

/**
 * A point a satisfying the Li–Yorke condition f³(a) ≤ a &lt; f(a) &lt; f²(a), or its mirror
 * f³(a) ≥ a &gt; f(a) &gt; f²(a), with room to spare (Li &amp; Yorke 1975; THEORY.md §4.2, §4.4 step 4, §4.8).
 *
 * <p>Either condition implies points of every prime period and an uncountable scrambled set. The margin
 * m(a) = min(a − f³(a), f(a) − a, f²(a) − f(a)) (mirrored: min(f³(a) − a, a − f(a), f(a) − f²(a))) measures that
 * room. If L ≥ 1 is a Lipschitz constant of f, every continuous g with sup|g − f| ≤ η satisfies the same condition at
 * a whenever η(1 + L + L²) &lt; m(a), so Li–Yorke chaos persists for perturbations below
 * η_max = m(a)/(1 + L + L²).
 *
 * @param point                 the witness a
 * @param image                 f(a)
 * @param secondImage           f²(a)
 * @param thirdImage            f³(a)
 * @param mirrored              true for the mirrored condition f³(a) ≥ a &gt; f(a) &gt; f²(a)
 * @param margin                m(a) &gt; 0
 * @param lipschitz             the constant L ≥ 1 used (exact for piecewise-linear maps, a grid estimate otherwise)
 * @param toleratedPerturbation η_max = m(a)/(1 + L + L²), in the units of x
 */
public record LiYorkeWitness(double point, double image, double secondImage, double thirdImage, boolean mirrored,
                             double margin, double lipschitz, double toleratedPerturbation) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "a = %.10g: f(a) = %.10g, f²(a) = %.10g, f³(a) = %.10g (%s), margin m(a) ="
                        + " %.3e, L = %.4g, tolerated perturbation η_max = %.3e", point, image, secondImage,
                thirdImage, mirrored ? "f³(a) ≥ a > f(a) > f²(a)" : "f³(a) ≤ a < f(a) < f²(a)", margin, lipschitz,
                toleratedPerturbation);
    }
}
