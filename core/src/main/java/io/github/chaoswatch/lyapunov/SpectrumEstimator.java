package io.github.chaoswatch.lyapunov;

import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.linalg.internal.Kernels;
import io.github.chaoswatch.linalg.internal.OpenBlasLinearAlgebra;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Estimates the k largest Lyapunov exponents of a {@link RecurrentDynamics} by the QR method.
 *
 * <p>Benettin, Galgani, Giorgilli &amp; Strelcyn (1980); Shimada &amp; Nagashima (1979); THEORY.md §2. From a random
 * state and a random orthonormal D×k frame Q, each step propagates the state and Z = J_t·Q (never J_tᵀ·Q), and every
 * τ steps factors Z = QR with R_ii ≥ 0 (the sign fix). After T_w warm-up steps,
 * <pre>
 *   λ_i = (1/T) Σ_t ln R_ii(t),   i = 1 … k,
 * </pre>
 * in nats per step (or bits, {@link LyapunovUnit}). B independent trajectories give the standard errors. The result
 * carries the Kaplan–Yorke dimension, the entropy bound, a convergence trace and the doubling check.
 *
 * <pre>{@code
 * SpectrumEstimator estimator = new SpectrumEstimator.Builder(1_000).exponents(16).warmupSteps(200).seed(7).build();
 * LyapunovSpectrum spectrum = estimator.estimate(dynamics, Drive.of(probe));
 * }</pre>
 *
 * <p><b>Performance.</b> Per step the cost is one structured product J·Q (2D²k flops for SimpleRnn, 8n²k for LSTM)
 * and one QR (2Dk² flops). Large frames run on OpenBLAS with CholeskyQR, built from BLAS-3 products that run faster
 * than LAPACK's Householder QR, falling back to Householder where the frame is ill-conditioned; small ones run in
 * plain Java (docs/benchmarks.md). Instances are immutable and thread-safe;
 * one {@code estimate} call runs on the calling thread.
 */
public final class SpectrumEstimator {

    /** Default k when not set: 32, capped at the state size (THEORY.md §6.5: 32–64 routinely). */
    public static final int DEFAULT_EXPONENTS = 32;

    /**
     * CholeskyQR is tried once the frame has this many D·k² multiply-adds (32³): its three BLAS calls need some size
     * to beat one LAPACK call; at D = k = 64 it already runs the whole estimate 2.8× faster (docs/benchmarks.md).
     */
    static final long CHOLESKY_MIN_FLOPS = 32L * 32 * 32;

    /**
     * Full spectra of at least this state size keep the frame factored (dormqr + dgeqrf instead of a product, dgeqrf
     * and dorgqr): at D = 128 it runs 0.75× of the LAPACK limit, at D = 64 LAPACK's small-size overheads make it
     * slower than the explicit frame (docs/benchmarks.md).
     */
    static final int FACTORED_MIN_STATE = 128;

    private final int exponents;
    private final boolean capExponents;
    private final int warmupSteps;
    private final int steps;
    private final int interval;
    private final int trajectories;
    private final long seed;
    private final Drive drive;
    private final LyapunovUnit unit;
    private final Orthonormalization orthonormalization;

    private SpectrumEstimator(Builder builder) {
        this.exponents = builder.exponents;
        this.capExponents = builder.capExponents;
        this.warmupSteps = builder.warmupSteps;
        this.steps = builder.steps;
        this.interval = builder.interval;
        this.trajectories = builder.trajectories;
        this.seed = builder.seed;
        this.drive = builder.drive;
        this.unit = builder.unit;
        this.orthonormalization = builder.orthonormalization;
    }

    /** Estimates the spectrum of {@code dynamics} under the builder's drive. */
    public LyapunovSpectrum estimate(RecurrentDynamics dynamics) {
        return estimate(dynamics, drive);
    }

    /**
     * Estimates the spectrum of {@code dynamics} driven by {@code drive}.
     *
     * @return the spectrum; {@link LyapunovSpectrum.Status#DIVERGED} if the state or frame became non-finite
     * @throws IllegalArgumentException if more exponents were asked than the state has, or the drive's input size
     *                                  differs from the dynamics'
     */
    public LyapunovSpectrum estimate(RecurrentDynamics dynamics, Drive drive) {
        Objects.requireNonNull(dynamics, "dynamics");
        int k = exponents == ALL ? dynamics.stateSize()
                : exponents == 0 ? Math.min(DEFAULT_EXPONENTS, dynamics.stateSize())
                : capExponents ? Math.min(exponents, dynamics.stateSize()) : exponents;
        List<String> problems = new java.util.ArrayList<>();
        if (k > dynamics.stateSize()) {
            problems.add("exponents = " + k + " exceeds the state size " + dynamics.stateSize() + " of '"
                    + dynamics.name() + "'; use at most " + dynamics.stateSize());
        }
        if (!drive.isAutonomous() && drive.inputSize() != dynamics.inputSize()) {
            problems.add("the probe inputs have " + drive.inputSize() + " features but '" + dynamics.name()
                    + "' takes " + dynamics.inputSize() + "; pass that layer's inputs (ModelDynamics.drivingInputs)");
        }
        EstimatorBuilder.check("spectrum estimation", problems);
        EstimatorSettings settings = new EstimatorSettings("QR", k, warmupSteps, steps, interval, trajectories, seed,
                drive.toString(), orthonormalization);
        Trajectory trajectory = new QrTrajectory(k, warmupSteps, steps, interval,
                orthonormalizers(dynamics.stateSize(), k), factored(dynamics, k));
        return Estimation.run(dynamics, drive, trajectory, settings, unit);
    }

    /**
     * True where the full spectrum runs faster with the frame kept in Householder form: k = D, τ = 1, OpenBLAS
     * loaded, a dynamics that forms J in O(D²) (SimpleRnn), and D at least {@value #FACTORED_MIN_STATE}.
     */
    private boolean factored(RecurrentDynamics dynamics, int k) {
        return orthonormalization == Orthonormalization.AUTO && k == dynamics.stateSize() && interval == 1
                && dynamics.stateSize() >= FACTORED_MIN_STATE && dynamics.hasCheapJacobian()
                && Kernels.openBlas().isPresent();
    }

    /** Chooses the QR kernel for a D×k frame: CholeskyQR on OpenBLAS where it pays, else Householder. */
    private Supplier<QrTrajectory.Orthonormalizer> orthonormalizers(int d, int k) {
        Optional<OpenBlasLinearAlgebra> openBlas = Kernels.openBlas();
        if (orthonormalization == Orthonormalization.AUTO && openBlas.isPresent()
                && (long) d * k * k >= CHOLESKY_MIN_FLOPS) {
            return () -> new AdaptiveOrthonormalizer(openBlas.get());
        }
        QrTrajectory.Orthonormalizer householder = Kernels.forQr(d, k)::householder;
        return () -> householder;
    }

    @Override
    public String toString() {
        return "SpectrumEstimator[exponents=" + (exponents == ALL ? "all" : exponents == 0 ? "default"
                : (capExponents ? "at most " : "") + exponents)
                + ", warmupSteps=" + warmupSteps + ", steps=" + steps + ", orthonormalizationInterval=" + interval
                + ", trajectories=" + trajectories + ", seed=" + seed + ", drive=" + drive + ", unit=" + unit
                + ", orthonormalization=" + orthonormalization + "]";
    }

    private static final int ALL = -1;

    /** Builds a {@link SpectrumEstimator}. */
    public static final class Builder extends EstimatorBuilder<Builder> {

        private int exponents;
        private boolean capExponents;
        private int interval = 1;
        private Orthonormalization orthonormalization = Orthonormalization.AUTO;

        /**
         * Starts a builder.
         *
         * @param steps T, measured steps per trajectory (at least 10; typical 500–2000)
         */
        public Builder(int steps) {
            super(steps);
        }

        /**
         * Sets k, the number of largest exponents tracked (1 ≤ k ≤ D, checked against the dynamics; default
         * min(D, {@value #DEFAULT_EXPONENTS})). The first k exponents of a full computation, at lower cost.
         */
        public Builder exponents(int exponents) {
            this.exponents = exponents;
            this.capExponents = false;
            return this;
        }

        /**
         * Sets k to min({@code exponents}, D) for each dynamics: one estimator for layers of different sizes, as a
         * listener needs.
         */
        public Builder exponentsAtMost(int exponents) {
            this.exponents = exponents;
            this.capExponents = true;
            return this;
        }

        /** Tracks the whole spectrum, k = D. */
        public Builder allExponents() {
            this.exponents = ALL;
            return this;
        }

        /**
         * Sets τ, the number of steps between orthonormalizations (default 1). Larger τ saves QRs; a conditioning
         * check halves τ where the frame gets too ill-conditioned (docs/benchmarks.md shows the trade-off).
         */
        public Builder orthonormalizationInterval(int interval) {
            this.interval = interval;
            return this;
        }

        /** Sets the QR algorithm (default {@link Orthonormalization#AUTO}). */
        public Builder orthonormalization(Orthonormalization orthonormalization) {
            this.orthonormalization = Objects.requireNonNull(orthonormalization, "orthonormalization");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException listing every invalid setting
         */
        public SpectrumEstimator build() {
            List<String> problems = problems();
            if (!(exponents >= 1 || exponents == 0 || exponents == ALL)) {
                problems.add("exponents = " + exponents + " must be >= 1");
            }
            if (!(interval >= 1)) {
                problems.add("orthonormalizationInterval = " + interval + " must be >= 1");
            } else if (!(steps >= RateAccumulator.BLOCKS * interval)) {
                problems.add("steps = " + steps + " must be at least " + RateAccumulator.BLOCKS
                        + " x orthonormalizationInterval = " + RateAccumulator.BLOCKS * interval
                        + " so that every batch-means block holds a QR");
            }
            check("SpectrumEstimator", problems);
            return new SpectrumEstimator(this);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
