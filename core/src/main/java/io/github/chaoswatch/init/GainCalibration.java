package io.github.chaoswatch.init;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of a {@link GainCalibrator} run: the gain of a layer's recurrent weights that makes its measured largest
 * Lyapunov exponent hit a target, and the evidence for it (THEORY.md §5.3).
 *
 * <p>The exponent and its standard error are a re-measurement at {@link #gain()} with seeds not used by the search
 * ({@link #checkSeed()}), so they are an honest check rather than the value the search stopped on. With
 * {@link Status#NO_BRACKET} the target was not crossed anywhere on the curve: {@link #gain()} is the measured gain
 * closest to the target, the network was left unchanged, and the curve shows what was reachable.
 *
 * @param layer                     the dynamics name (layer, or layer/direction)
 * @param parameter                 the parameter key that was scaled, e.g. {@code "RW"} or {@code "fRW"}
 * @param status                    how the search ended
 * @param targetExponentNatsPerStep the target λ*
 * @param gain                      the calibrated gain (RMS gain of the gate blocks), or the best measured gain
 *                                  without a bracket
 * @param initialGain               the layer's gain before calibration
 * @param exponentNatsPerStep       λ_1 at {@code gain}, re-measured with fresh seeds (NaN if that diverged)
 * @param standardError             its standard error
 * @param evaluations               spectrum estimates made by the search (the re-measurement not counted)
 * @param curve                     every (gain, λ_1) the search measured, in the order measured
 * @param exponentTolerance         tol_λ, nats per step
 * @param gainTolerance             tol_g, relative
 * @param seed                      the seed of the search's common random numbers
 * @param checkSeed                 the seed of the re-measurement
 */
public record GainCalibration(String layer, String parameter, Status status, double targetExponentNatsPerStep,
                              double gain, double initialGain, double exponentNatsPerStep, double standardError,
                              int evaluations, List<CalibrationPoint> curve, double exponentTolerance,
                              double gainTolerance, long seed, long checkSeed) {

    /** How the search ended. */
    public enum Status {
        /**
         * Bisection met a tolerance: |λ_1 − λ*| ≤ max(tol_λ, 2·SE) at the gain, or the bracket became narrower than
         * tol_g; the weights were rescaled.
         */
        CALIBRATED,
        /** A bracket was found but the evaluation budget ran out first; the weights were set to the best gain in it. */
        NOT_CONVERGED,
        /** λ_1 − λ* changed sign nowhere on the curve; the weights were left unchanged. */
        NO_BRACKET
    }

    /** Validates the components and copies the curve. */
    public GainCalibration {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(status, "status");
        curve = List.copyOf(curve);
    }

    /** Returns true if a bracket was found, i.e. the network's weights were rescaled to {@link #gain()}. */
    public boolean applied() {
        return status != Status.NO_BRACKET;
    }

    /** Returns gain / initialGain, the factor the recurrent gate blocks were (or would be) multiplied by. */
    public double scale() {
        return gain / initialGain;
    }

    /**
     * Returns true if the fresh re-measurement is within max(tol_λ, 2·SE) of the target, the stopping rule of the
     * search.
     */
    public boolean targetReached() {
        return Math.abs(exponentNatsPerStep - targetExponentNatsPerStep)
                <= Math.max(exponentTolerance, 2 * standardError);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GainCalibration[%s %s: %s, target %.4f nats/step, gain %.5g (was %.5g),"
                        + " measured %.4f ± %.4f nats/step (fresh seeds), %d evaluations, curve %s]", layer, parameter,
                status, targetExponentNatsPerStep, gain, initialGain, exponentNatsPerStep, standardError, evaluations,
                curve);
    }
}
