package io.github.chaoswatch.lyapunov;

import java.util.Arrays;

/**
 * Accumulates the local expansion rates of one trajectory over the measured steps (THEORY.md §2.5).
 *
 * <p>Receives, after each orthonormalization, ln R_ii summed over the steps since the previous one. Keeps the totals
 * S_i, the sums per batch-means block, the running estimate S_i(t)/t at the trace checkpoints, and the estimate at
 * half the measured steps for the doubling check.
 */
final class RateAccumulator {

    /** Batch-means blocks per trajectory: M ≥ 10 (THEORY.md §2.5). */
    static final int BLOCKS = 10;

    private final int steps;
    private final int[] checkpoints;
    private final double[] totals;
    private final double[][] blockSums;
    private final int[] blockSteps;
    private final double[][] trace;
    private double[] halfway;
    private int measured;
    private int nextCheckpoint;

    RateAccumulator(int exponents, int steps, int[] checkpoints) {
        this.steps = steps;
        this.checkpoints = checkpoints;
        this.totals = new double[exponents];
        this.blockSums = new double[BLOCKS][exponents];
        this.blockSteps = new int[BLOCKS];
        this.trace = new double[checkpoints.length][];
    }

    /** Adds the log growth {@code logGrowth} accumulated over the last {@code stepCount} measured steps. */
    void add(double[] logGrowth, int stepCount) {
        int block = Math.min(measured * BLOCKS / steps, BLOCKS - 1);
        measured += stepCount;
        blockSteps[block] += stepCount;
        for (int i = 0; i < totals.length; i++) {
            totals[i] += logGrowth[i];
            blockSums[block][i] += logGrowth[i];
        }
        while (nextCheckpoint < checkpoints.length && measured >= checkpoints[nextCheckpoint]) {
            trace[nextCheckpoint++] = rates();
        }
        if (halfway == null && 2 * measured >= steps) {
            halfway = rates();
        }
    }

    /** Returns the trajectory's rates, in nats per step. */
    TrajectoryRates finish() {
        if (measured != steps) {
            throw new IllegalStateException("measured " + measured + " steps, expected " + steps);
        }
        double[][] blockMeans = new double[BLOCKS][];
        for (int b = 0; b < BLOCKS; b++) {
            int count = blockSteps[b];
            blockMeans[b] = Arrays.stream(blockSums[b]).map(s -> s / count).toArray();
        }
        return new TrajectoryRates(rates(), blockMeans, halfway, trace);
    }

    private double[] rates() {
        int count = measured;
        return Arrays.stream(totals).map(s -> s / count).toArray();
    }

    /**
     * The rates of one trajectory, nats per step: final estimates, batch-means block means, the estimate at half the
     * steps, and the running estimate at each checkpoint.
     */
    record TrajectoryRates(double[] exponents, double[][] blockMeans, double[] halfway, double[][] trace) {
    }
}
