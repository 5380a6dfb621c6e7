package io.github.chaoswatch.lyapunov;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings every Lyapunov estimator shares, in DL4J builder style: the number of measured steps (required, it
 * sets cost and accuracy), warm-up steps, trajectories, seed, drive and unit. Setters only store; {@code build()}
 * validates everything and reports every problem at once.
 *
 * @param <B> the concrete builder
 */
public abstract class EstimatorBuilder<B extends EstimatorBuilder<B>> {

    /** Default warm-up T_w: lets the state reach its attractor and Q align (THEORY.md §2.3: 50–200). */
    public static final int DEFAULT_WARMUP_STEPS = 200;
    /** Default number of trajectories B: four is the least for which the spread across them gives the error. */
    public static final int DEFAULT_TRAJECTORIES = 4;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42;

    final int steps;
    int warmupSteps = DEFAULT_WARMUP_STEPS;
    int trajectories = DEFAULT_TRAJECTORIES;
    long seed = DEFAULT_SEED;
    Drive drive = Drive.autonomous();
    LyapunovUnit unit = LyapunovUnit.NATS_PER_STEP;

    /**
     * Starts a builder.
     *
     * @param steps T, the measured steps per trajectory (at least {@value RateAccumulator#BLOCKS}; errors shrink like
     *              1/√T, finite-time bias like 1/T; typical 500–2000)
     */
    protected EstimatorBuilder(int steps) {
        this.steps = steps;
    }

    /** Sets the warm-up steps T_w run before measuring (default {@value #DEFAULT_WARMUP_STEPS}; ≥ 0). */
    public B warmupSteps(int warmupSteps) {
        this.warmupSteps = warmupSteps;
        return self();
    }

    /** Sets the number B of independent trajectories (default {@value #DEFAULT_TRAJECTORIES}; ≥ 1). */
    public B trajectories(int trajectories) {
        this.trajectories = trajectories;
        return self();
    }

    /** Sets the seed of initial states and frames; equal seeds give bit-identical results (default 42). */
    public B seed(long seed) {
        this.seed = seed;
        return self();
    }

    /** Sets the default inputs (default {@link Drive#autonomous()}). */
    public B drive(Drive drive) {
        this.drive = Objects.requireNonNull(drive, "drive");
        return self();
    }

    /** Sets the unit of results (default nats per step). */
    public B unit(LyapunovUnit unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
        return self();
    }

    /** Returns the problems with the shared settings, to which subclasses add theirs. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!(steps >= RateAccumulator.BLOCKS)) {
            problems.add("steps = " + steps + " must be at least " + RateAccumulator.BLOCKS
                    + " (the batch-means blocks); typical values are 500-2000");
        }
        if (!(warmupSteps >= 0)) {
            problems.add("warmupSteps = " + warmupSteps + " must be >= 0");
        }
        if (!(trajectories >= 1)) {
            problems.add("trajectories = " + trajectories + " must be >= 1; use 4 or more for a standard error from"
                    + " the spread across trajectories");
        }
        return problems;
    }

    /** Throws one exception listing every problem, if there are any. */
    static void check(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid " + what + " configuration: " + String.join("; ", problems));
        }
    }

    abstract B self();
}
