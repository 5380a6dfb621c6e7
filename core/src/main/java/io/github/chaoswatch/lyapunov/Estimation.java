package io.github.chaoswatch.lyapunov;

import io.github.chaoswatch.dynamics.RecurrentDynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Runs B trajectories of an estimator and combines their rates into a {@link LyapunovSpectrum}
 * (THEORY.md §2.5): mean over trajectories, standard errors, sorting, doubling check, units.
 */
final class Estimation {

    /** Points of the convergence trace: log-spaced over the measured steps. */
    private static final int TRACE_POINTS = 40;

    /** The doubling check tolerates at least this relative difference: rounding, for maps with zero spread. */
    private static final double DOUBLING_CHECK_FLOOR = 1e-12;

    private Estimation() {
    }

    static LyapunovSpectrum run(RecurrentDynamics dynamics, Drive drive, Trajectory trajectory,
                                EstimatorSettings settings, LyapunovUnit unit) {
        int[] checkpoints = checkpoints(settings.steps());
        SplittableRandom root = new SplittableRandom(settings.seed());
        List<RateAccumulator.TrajectoryRates> rates = new ArrayList<>();
        for (int b = 0; b < settings.trajectories(); b++) {
            Trajectory.Outcome outcome = trajectory.run(dynamics, drive, b, root.split(), checkpoints);
            if (outcome.rates() == null) {
                return diverged(dynamics, settings, unit, checkpoints, outcome.divergence());
            }
            rates.add(outcome.rates());
        }
        return combine(dynamics, rates, checkpoints, settings, unit);
    }

    /** Log-spaced measured-step counts from min(10, T) to T, distinct and increasing. */
    static int[] checkpoints(int steps) {
        double first = Math.min(10, steps);
        return IntStream.range(0, TRACE_POINTS)
                .map(p -> (int) Math.round(first * Math.pow(steps / first, p / (TRACE_POINTS - 1.0))))
                .distinct().toArray();
    }

    private static LyapunovSpectrum combine(RecurrentDynamics dynamics, List<RateAccumulator.TrajectoryRates> rates,
                                            int[] checkpoints, EstimatorSettings settings, LyapunovUnit unit) {
        int k = rates.get(0).exponents().length;
        double[] mean = new double[k];
        double[] error = new double[k];
        double[] halfway = new double[k];
        double[][] trace = new double[checkpoints.length][k];
        for (int i = 0; i < k; i++) {
            int index = i;
            double[] values = rates.stream().mapToDouble(r -> r.exponents()[index]).toArray();
            mean[i] = average(values);
            halfway[i] = average(rates.stream().mapToDouble(r -> r.halfway()[index]).toArray());
            for (int p = 0; p < checkpoints.length; p++) {
                int point = p;
                trace[p][i] = average(rates.stream().mapToDouble(r -> r.trace()[point][index]).toArray());
            }
            if (mean[i] == Double.NEGATIVE_INFINITY) {
                error[i] = 0;
            } else if (values.length >= 4) {
                error[i] = standardDeviation(values) / Math.sqrt(values.length);
            } else {
                double[] blocks = rates.stream().flatMapToDouble(r -> Arrays.stream(r.blockMeans())
                        .mapToDouble(block -> block[index])).toArray();
                error[i] = standardDeviation(blocks) / Math.sqrt(blocks.length);
            }
        }
        Integer[] order = IntStream.range(0, k).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> mean[i]).reversed()).toArray(Integer[]::new);
        double[] exponents = new double[k];
        double[] errors = new double[k];
        double[][] sortedTrace = new double[checkpoints.length][k];
        boolean converged = true;
        for (int j = 0; j < k; j++) {
            int i = order[j];
            exponents[j] = unit.fromNats(mean[i]);
            errors[j] = unit.fromNats(error[i]);
            for (int p = 0; p < checkpoints.length; p++) {
                sortedTrace[p][j] = unit.fromNats(trace[p][i]);
            }
            if (mean[i] != Double.NEGATIVE_INFINITY) {
                double tolerance = Math.max(2 * error[i], DOUBLING_CHECK_FLOOR * Math.max(1, Math.abs(mean[i])));
                converged &= Math.abs(halfway[i] - mean[i]) <= tolerance;
            }
        }
        return new LyapunovSpectrum(dynamics.name(), dynamics.layerType(), dynamics.stateSize(), unit, exponents,
                errors, new ConvergenceTrace(checkpoints, sortedTrace), converged, LyapunovSpectrum.Status.OK, "",
                settings);
    }

    private static LyapunovSpectrum diverged(RecurrentDynamics dynamics, EstimatorSettings settings,
                                             LyapunovUnit unit, int[] checkpoints, String reason) {
        double[] nan = new double[settings.exponents()];
        Arrays.fill(nan, Double.NaN);
        double[][] trace = new double[checkpoints.length][];
        Arrays.fill(trace, nan);
        return new LyapunovSpectrum(dynamics.name(), dynamics.layerType(), dynamics.stateSize(), unit, nan, nan,
                new ConvergenceTrace(checkpoints, trace), false, LyapunovSpectrum.Status.DIVERGED,
                "diverged: " + reason, settings);
    }

    private static double average(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = average(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
