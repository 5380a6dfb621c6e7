package io.github.chaoswatch.init;

import io.github.chaoswatch.lyapunov.LyapunovSpectrum;

import java.util.Locale;
import java.util.Objects;

/**
 * One measurement of a {@link GainCalibrator} search: the largest exponent of the real layer at one gain, with the
 * search's common random numbers (THEORY.md §5.3).
 *
 * @param gain                the RMS gain of the recurrent gate blocks
 * @param status              {@link LyapunovSpectrum.Status#DIVERGED} if the state became non-finite at this gain
 * @param exponentNatsPerStep λ_1 in nats per step (NaN when diverged)
 * @param standardError       its standard error across trajectories (NaN when diverged)
 */
public record CalibrationPoint(double gain, LyapunovSpectrum.Status status, double exponentNatsPerStep,
                               double standardError) {

    /** Validates the components. */
    public CalibrationPoint {
        Objects.requireNonNull(status, "status");
    }

    /** Returns the point measured by {@code spectrum} at {@code gain}. */
    static CalibrationPoint of(double gain, LyapunovSpectrum spectrum) {
        return new CalibrationPoint(gain, spectrum.status(), spectrum.max(), spectrum.maxStandardError());
    }

    /** Returns true if the measurement is usable. */
    public boolean isOk() {
        return status == LyapunovSpectrum.Status.OK;
    }

    /** Returns λ_1 − target, or +∞ when diverged (an exploding state counts as above any target). */
    double excess(double target) {
        return isOk() ? exponentNatsPerStep - target : Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        return isOk() ? String.format(Locale.ROOT, "(g=%.5g, λ1=%.5f±%.5f)", gain, exponentNatsPerStep, standardError)
                : String.format(Locale.ROOT, "(g=%.5g, %s)", gain, status);
    }
}
