package io.github.chaoswatch.lyapunov;

import io.github.chaoswatch.dynamics.RecurrentDynamics;

import java.util.SplittableRandom;

/**
 * One trajectory of an estimator: runs warm-up and measured steps from a random start and returns its rates, or the
 * reason it diverged. Implemented by the QR method and the two-trajectory method.
 */
interface Trajectory {

    /**
     * Runs trajectory number {@code index}, drawing every random choice from {@code random}.
     *
     * @param checkpoints numbers of measured steps at which to record the running estimate
     */
    Outcome run(RecurrentDynamics dynamics, Drive drive, int index, SplittableRandom random, int[] checkpoints);

    /** Rates, or the reason the trajectory diverged (then {@code rates} is null). */
    record Outcome(RateAccumulator.TrajectoryRates rates, String divergence) {
        static Outcome diverged(String what, long step, int index) {
            return new Outcome(null, what + " at step " + step + " of trajectory " + index);
        }
    }

    /** Returns true if every entry is finite. */
    static boolean finite(double[] values) {
        for (double v : values) {
            // Positive form: NaN fails.
            if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }
}
