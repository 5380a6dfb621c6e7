package io.github.chaoswatch.lyapunov;

import io.github.chaoswatch.dynamics.RecurrentDynamics;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Estimates the largest Lyapunov exponent from two nearby trajectories, without any Jacobian: an independent
 * cross-check of {@link SpectrumEstimator} (Benettin, Galgani &amp; Strelcyn 1976; THEORY.md §2.8).
 *
 * <p>A companion state s' = s + d₀·u (u a random unit vector over the full state) follows the same inputs; after each
 * step the separation d = ‖s' − s‖ contributes ln(d/d₀) and s' is pulled back to distance d₀ along s' − s:
 * <pre>
 *   λ_1 ≈ (1/T) Σ_t ln(d_t/d₀),   d₀ = 1e-8·max(1, ‖s‖).
 * </pre>
 * d₀ balances rounding in s' − s against nonlinearity. A systematic gap from the QR estimate beyond
 * 3·√(SE_QR² + SE_direct²) means a wrong Jacobian, a transposed propagation or a missing state component.
 * Immutable and thread-safe; the result is a one-exponent {@link LyapunovSpectrum}.
 */
public final class DirectEstimate {

    /** Relative initial separation d₀/max(1, ‖s‖) (THEORY.md §2.8). */
    static final double RELATIVE_SEPARATION = 1e-8;

    private final int warmupSteps;
    private final int steps;
    private final int trajectories;
    private final long seed;
    private final Drive drive;
    private final LyapunovUnit unit;

    private DirectEstimate(Builder builder) {
        this.warmupSteps = builder.warmupSteps;
        this.steps = builder.steps;
        this.trajectories = builder.trajectories;
        this.seed = builder.seed;
        this.drive = builder.drive;
        this.unit = builder.unit;
    }

    /** Estimates λ_1 of {@code dynamics} under the builder's drive. */
    public LyapunovSpectrum estimate(RecurrentDynamics dynamics) {
        return estimate(dynamics, drive);
    }

    /**
     * Estimates λ_1 of {@code dynamics} driven by {@code drive}.
     *
     * @throws IllegalArgumentException if the drive's input size differs from the dynamics'
     */
    public LyapunovSpectrum estimate(RecurrentDynamics dynamics, Drive drive) {
        Objects.requireNonNull(dynamics, "dynamics");
        if (!drive.isAutonomous() && drive.inputSize() != dynamics.inputSize()) {
            EstimatorBuilder.check("DirectEstimate", List.of("the probe inputs have " + drive.inputSize()
                    + " features but '" + dynamics.name() + "' takes " + dynamics.inputSize()));
        }
        EstimatorSettings settings = new EstimatorSettings("two-trajectory", 1, warmupSteps, steps, 1, trajectories,
                seed, drive.toString(), Orthonormalization.HOUSEHOLDER);
        return Estimation.run(dynamics, drive, this::trajectory, settings, unit);
    }

    private Trajectory.Outcome trajectory(RecurrentDynamics dynamics, Drive drive, int index, SplittableRandom random,
                                          int[] checkpoints) {
        int d = dynamics.stateSize();
        double[] state = dynamics.initialState(random);
        double[] companion = new double[d];
        double[] next = new double[d];
        double[] companionNext = new double[d];
        double[] input = new double[dynamics.inputSize()];
        double[] growth = new double[1];
        double separation = RELATIVE_SEPARATION * Math.max(1, norm(state));
        place(companion, state, randomDirection(d, random), separation);
        RateAccumulator accumulator = new RateAccumulator(1, steps, checkpoints);
        long total = (long) warmupSteps + steps;
        for (long t = 0; t < total; t++) {
            drive.input(index, t, input);
            dynamics.step(state, input, next);
            dynamics.step(companion, input, companionNext);
            if (!Trajectory.finite(next) || !Trajectory.finite(companionNext)) {
                return Trajectory.Outcome.diverged("non-finite state", t, index);
            }
            double[] difference = new double[d];
            for (int i = 0; i < d; i++) {
                difference[i] = companionNext[i] - next[i];
            }
            double distance = norm(difference);
            if (t >= warmupSteps) {
                growth[0] = Math.log(distance / separation);
                accumulator.add(growth, 1);
            }
            separation = RELATIVE_SEPARATION * Math.max(1, norm(next));
            // A separation collapsed to exactly zero has no direction left: restart it at random.
            place(companion, next, distance > 0 ? difference : randomDirection(d, random), separation);
            double[] previous = state;
            state = next;
            next = previous;
        }
        return new Trajectory.Outcome(accumulator.finish(), null);
    }

    /** companion := state + separation·direction/‖direction‖. */
    private static void place(double[] companion, double[] state, double[] direction, double separation) {
        double scale = separation / norm(direction);
        for (int i = 0; i < state.length; i++) {
            companion[i] = state[i] + scale * direction[i];
        }
    }

    private static double[] randomDirection(int d, SplittableRandom random) {
        double[] u = new double[d];
        for (int i = 0; i < d; i++) {
            u[i] = random.nextGaussian();
        }
        return u;
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    @Override
    public String toString() {
        return "DirectEstimate[warmupSteps=" + warmupSteps + ", steps=" + steps + ", trajectories=" + trajectories
                + ", seed=" + seed + ", drive=" + drive + ", unit=" + unit + "]";
    }

    /** Builds a {@link DirectEstimate}. */
    public static final class Builder extends EstimatorBuilder<Builder> {

        /**
         * Starts a builder.
         *
         * @param steps T, measured steps per trajectory (at least 10)
         */
        public Builder(int steps) {
            super(steps);
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException listing every invalid setting
         */
        public DirectEstimate build() {
            check("DirectEstimate", problems());
            return new DirectEstimate(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
