package io.github.chaoswatch.lyapunov;

import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.linalg.DenseMatrix;
import io.github.chaoswatch.linalg.internal.FactoredQr;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * One trajectory of the QR method (Benettin et al. 1980; Shimada &amp; Nagashima 1979; THEORY.md §2.2–2.3):
 * Q ← qr(J_t·Q) with the sign fix, every τ steps, accumulating ln R_ii over the measured steps.
 *
 * <p>With τ &gt; 1 the frame is checked at every QR: if R's smallest diagonal entry is below
 * {@value #MIN_DIAGONAL_RATIO} of its largest, the columns have drifted too close to parallel for double precision,
 * and the block is run again from its start with τ halved (down to 1, where −∞ marks a truly singular direction).
 */
final class QrTrajectory implements Trajectory {

    /** Conditioning check for τ &gt; 1: R_min/R_max ≥ 1e-8, i.e. (λ_1 − λ_k)·τ ≤ 18 nats (THEORY.md §2.3). */
    static final double MIN_DIAGONAL_RATIO = 1e-8;

    private static final double LOG_MIN_DIAGONAL_RATIO = Math.log(MIN_DIAGONAL_RATIO);

    private final int exponents;
    private final int warmupSteps;
    private final int steps;
    private final int interval;
    private final Supplier<Orthonormalizer> orthonormalizers;
    private final boolean factored;

    /**
     * Creates the method; {@code orthonormalizers} gives each trajectory its own (possibly stateful) QR;
     * {@code factored} keeps the frame in Householder form ({@link FactoredQr}: k = D, τ = 1 and a dynamics with a
     * cheap explicit Jacobian only).
     */
    QrTrajectory(int exponents, int warmupSteps, int steps, int interval, Supplier<Orthonormalizer> orthonormalizers,
                 boolean factored) {
        this.exponents = exponents;
        this.warmupSteps = warmupSteps;
        this.steps = steps;
        this.interval = interval;
        this.orthonormalizers = orthonormalizers;
        this.factored = factored;
    }

    @Override
    public Outcome run(RecurrentDynamics dynamics, Drive drive, int index, SplittableRandom random,
                       int[] checkpoints) {
        int d = dynamics.stateSize();
        double[] state = dynamics.initialState(random);
        double[] next = new double[d];
        double[] input = new double[dynamics.inputSize()];
        double[] logDiagonal = new double[exponents];
        DenseMatrix start = randomFrame(d, exponents, random);
        Frame frame = factored ? new FactoredFrame(start, logDiagonal)
                : new ExplicitFrame(start, orthonormalizers.get(), logDiagonal);
        double[] savedState = new double[d];
        RateAccumulator accumulator = new RateAccumulator(exponents, steps, checkpoints);
        int tau = interval;
        long total = (long) warmupSteps + steps;
        long t = 0;
        while (t < total) {
            int block = (int) Math.min(tau, (t < warmupSteps ? warmupSteps : total) - t);
            if (block > 1) {
                System.arraycopy(state, 0, savedState, 0, d);
                frame.save();
            }
            for (int s = 0; s < block; s++) {
                drive.input(index, t + s, input);
                frame.step(dynamics, state, input, next);
                double[] previous = state;
                state = next;
                next = previous;
                if (!Trajectory.finite(state)) {
                    return Outcome.diverged("non-finite state", t + s, index);
                }
            }
            frame.orthonormalize(logDiagonal);
            if (!validLogs(logDiagonal)) {
                return Outcome.diverged("non-finite tangent vectors", t + block - 1, index);
            }
            if (block > 1 && !wellConditioned(logDiagonal)) {
                System.arraycopy(savedState, 0, state, 0, d);
                frame.restore();
                tau = Math.max(1, tau / 2);
                continue;
            }
            if (t >= warmupSteps) {
                accumulator.add(logDiagonal, block);
            }
            t += block;
        }
        return new Outcome(accumulator.finish(), null);
    }

    /** A D×k matrix of independent standard normal entries, drawn column by column. */
    static DenseMatrix randomFrame(int rows, int columns, SplittableRandom random) {
        DenseMatrix frame = DenseMatrix.zeros(rows, columns);
        for (int index = 0; index < rows * columns; index++) {
            frame.set(index, random.nextGaussian());
        }
        return frame;
    }

    /** ln R_ii must be finite or −∞ (an exactly singular direction); NaN or +∞ means divergence. */
    private static boolean validLogs(double[] logDiagonal) {
        for (double l : logDiagonal) {
            if (!(l < Double.POSITIVE_INFINITY)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True if the block's R is trustworthy. Over several steps a direction that only looks singular may just have
     * shrunk below rounding relative to the others, so −∞ fails the check too; at τ = 1 it is genuine.
     */
    private static boolean wellConditioned(double[] logDiagonal) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double l : logDiagonal) {
            max = Math.max(max, l);
            min = Math.min(min, l);
        }
        return min - max >= LOG_MIN_DIAGONAL_RATIO;
    }

    /** Replaces a frame by the Q of its QR factorization and reports ln R_ii. */
    @FunctionalInterface
    interface Orthonormalizer {
        void orthonormalize(DenseMatrix z, double[] logDiagonal);
    }

    /** The tangent frame of one trajectory: propagated step by step, orthonormalized at the end of each block. */
    private interface Frame {
        /** Advances the state into {@code next} and the frame with it. */
        void step(RecurrentDynamics dynamics, double[] state, double[] input, double[] next);

        /** Orthonormalizes the propagated frame and stores ln R_ii. */
        void orthonormalize(double[] logDiagonal);

        /** Remembers the frame at the start of a block. */
        void save();

        /** Returns to the remembered frame. */
        void restore();
    }

    /** Q held explicitly: Z = J·Q by the dynamics' structured product, then a QR. */
    private static final class ExplicitFrame implements Frame {
        private final Orthonormalizer orthonormalizer;
        private DenseMatrix q;
        private DenseMatrix z;
        private DenseMatrix saved;

        ExplicitFrame(DenseMatrix start, Orthonormalizer orthonormalizer, double[] logDiagonal) {
            this.orthonormalizer = orthonormalizer;
            this.q = start;
            this.z = DenseMatrix.zeros(start.rows(), start.columns());
            orthonormalizer.orthonormalize(q, logDiagonal);
        }

        @Override
        public void step(RecurrentDynamics dynamics, double[] state, double[] input, double[] next) {
            dynamics.tangentStep(state, input, next, q, null, z);
            DenseMatrix propagated = z;
            z = q;
            q = propagated;
        }

        @Override
        public void orthonormalize(double[] logDiagonal) {
            orthonormalizer.orthonormalize(q, logDiagonal);
        }

        @Override
        public void save() {
            if (saved == null) {
                saved = DenseMatrix.zeros(q.rows(), q.columns());
            }
            saved.assign(q);
        }

        @Override
        public void restore() {
            q.assign(saved);
        }
    }

    /** Q held as Householder reflectors ({@link FactoredQr}); one step per block (τ = 1). */
    private static final class FactoredFrame implements Frame {
        private final FactoredQr qr;

        FactoredFrame(DenseMatrix start, double[] logDiagonal) {
            this.qr = new FactoredQr(start.rows());
            qr.start(start, logDiagonal);
        }

        @Override
        public void step(RecurrentDynamics dynamics, double[] state, double[] input, double[] next) {
            dynamics.jacobianInto(state, input, qr.jacobianBuffer());
            dynamics.step(state, input, next);
        }

        @Override
        public void orthonormalize(double[] logDiagonal) {
            qr.step(logDiagonal);
        }

        @Override
        public void save() {
            throw new IllegalStateException("factored frames orthonormalize every step (τ = 1); nothing to save");
        }

        @Override
        public void restore() {
            throw new IllegalStateException("factored frames orthonormalize every step (τ = 1); nothing to restore");
        }
    }
}
