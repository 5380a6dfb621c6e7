package io.github.chaoswatch.liyorke;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a {@link ReturnMapTest}: the projection, the quality of the fitted return map s_{t+1} ≈ r(s_t), and
 * what the period detector found on r. Evidence only, never a proof (THEORY.md §4.6).
 *
 * @param dynamics           the name of the dynamics tested
 * @param direction          the unit vector v of the projection s_t = vᵀh_t
 * @param explainedVariance  vᵀCv / trace(C), C the covariance of the states: the share of the motion that s_t sees
 * @param rSquared           R² = 1 − Σ(s_{t+1} − r(s_t))² / Σ(s_{t+1} − mean)²
 * @param relativeSpread     RMS(s_{t+1} − r(s_t)) / (max s − min s), the conditional spread relative to the range
 * @param reliable           true when relativeSpread ≤ {@value ReturnMapTest#RELIABLE_SPREAD} and
 *                           R² ≥ {@value ReturnMapTest#RELIABLE_R_SQUARED}: s_{t+1} is close to a function of s_t,
 *                           and the detector's answer on r says something about the dynamics
 * @param fit                the fitted map r (piecewise linear through bin medians), empty if the projection was
 *                           constant
 * @param detection          the period-3 search on r, empty if there was no fit
 * @param description        a human-readable account worded as evidence
 */
public record ReturnMapReport(String dynamics, double[] direction, double explainedVariance, double rSquared,
                              double relativeSpread, boolean reliable, Optional<ScalarMap> fit,
                              Optional<PeriodSearchResult> detection, String description) {

    /** Copies the direction. */
    public ReturnMapReport {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(description, "description");
        direction = direction.clone();
    }

    /** Returns v (a copy). */
    @Override
    public double[] direction() {
        return direction.clone();
    }

    /** Returns true when the detector found period 3 on the fitted map (evidence, see {@link #reliable()}). */
    public boolean periodThreeOnFit() {
        return detection.map(d -> d.verdict() == PeriodSearchResult.Verdict.PERIOD3).orElse(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReturnMapReport other && dynamics.equals(other.dynamics)
                && Arrays.equals(direction, other.direction)
                && Double.compare(explainedVariance, other.explainedVariance) == 0
                && Double.compare(rSquared, other.rSquared) == 0
                && Double.compare(relativeSpread, other.relativeSpread) == 0 && reliable == other.reliable
                && detection.equals(other.detection) && description.equals(other.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dynamics, Arrays.hashCode(direction), rSquared, relativeSpread, description);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ReturnMapReport[%s: R2=%.4f, relative spread=%.4f, %s, period 3 on fit:"
                + " %s]", dynamics, rSquared, relativeSpread, reliable ? "reliable" : "unreliable",
                detection.map(d -> d.verdict().toString()).orElse("no fit"));
    }
}
