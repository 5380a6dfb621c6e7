package io.github.chaoswatch.liyorke;

import io.github.chaoswatch.dynamics.RecurrentDynamics;

import java.util.OptionalInt;

/**
 * Follows one pair of nearby trajectories under the same inputs and records its distance d_t = ‖s_t − s'_t‖
 * (THEORY.md §4.7); {@link ScramblingTest} defines the thresholds and verdicts.
 */
final class PairTracker {

    private PairTracker() {
    }

    /**
     * Runs the pair (start, start + δ·diam·u) over the window of {@code steps} steps that follows {@code warmupSteps}
     * warm-up steps, with the same inputs for both, and classifies it.
     */
    static PairSeparation track(RecurrentDynamics dynamics, InputSequence drive, int warmupSteps, int steps,
                                double[] start, double delta, double diameter, double[] direction) {
        int d = start.length;
        double[] a = start.clone();
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
            b[i] = start[i] + delta * diameter * direction[i];
        }
        double[] nextA = new double[d];
        double[] nextB = new double[d];
        double[] input = new double[dynamics.inputSize()];
        double far = ScramblingTest.FAR_FRACTION * diameter;
        double close = ScramblingTest.CLOSE_FRACTION * diameter;
        int separatedAt = -1;
        int firstCloseAfter = -1;
        boolean farAfterClose = false;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        int closeCount = 0;
        int farCount = 0;
        int counted = 0;
        double[] history = new double[steps];
        for (int t = 0; t < steps; t++) {
            drive.input(warmupSteps + t, input);
            dynamics.step(a, input, nextA);
            dynamics.step(b, input, nextB);
            double[] swap = a;
            a = nextA;
            nextA = swap;
            swap = b;
            b = nextB;
            nextB = swap;
            double distance = distance(a, b);
            if (!ConfigurationProblems.finite(distance)) {
                return new PairSeparation(delta, OptionalInt.empty(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        ScramblingVerdict.DIVERGED);
            }
            history[t] = distance;
            if (separatedAt < 0 && distance > far) {
                separatedAt = t;
            }
            if (separatedAt >= 0) {
                if (firstCloseAfter < 0 && distance < close) {
                    firstCloseAfter = t;
                }
                if (firstCloseAfter >= 0 && distance > far) {
                    farAfterClose = true;
                }
            }
        }
        int from = separatedAt < 0 ? 0 : separatedAt;
        for (int t = from; t < steps; t++) {
            min = Math.min(min, history[t]);
            max = Math.max(max, history[t]);
            closeCount += history[t] < close ? 1 : 0;
            farCount += history[t] > far ? 1 : 0;
            counted++;
        }
        ScramblingVerdict verdict = separatedAt < 0 ? ScramblingVerdict.ASYMPTOTIC
                : farAfterClose ? ScramblingVerdict.SCRAMBLED_LIKE
                : firstCloseAfter >= 0 ? ScramblingVerdict.ASYMPTOTIC : ScramblingVerdict.SEPARATED;
        return new PairSeparation(delta, separatedAt < 0 ? OptionalInt.empty() : OptionalInt.of(separatedAt + 1), min,
                max, (double) closeCount / counted, (double) farCount / counted, verdict);
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = a[i] - b[i];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

}
