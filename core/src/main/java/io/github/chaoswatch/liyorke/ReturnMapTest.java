package io.github.chaoswatch.liyorke;

import io.github.chaoswatch.dynamics.RecurrentDynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The one-dimensional readout return-map heuristic (THEORY.md §4.6): project the state of a recurrent map on a
 * direction, fit the return map of the projection, and search the fit for period 3. The answer is evidence, never
 * a proof.
 *
 * <p><b>Procedure.</b> After T_w warm-up steps the map runs T steps (autonomous by default, or driven by a given
 * input sequence) and records h_0 … h_T. The projection s_t = vᵀh_t uses a given unit vector v or the first principal
 * component of the states (power iteration on their covariance C = (1/T)Σ(h_t − h̄)(h_t − h̄)ᵀ, never formed; sign
 * fixed so the largest component is positive). The return map s_{t+1} ≈ r(s_t) is fitted by binned medians: the
 * range of s_t is cut into B equal bins and each non-empty bin contributes the knot (median s_t, median s_{t+1});
 * r interpolates linearly between knots and is constant beyond them. The fit quality is reported as R² and as the
 * relative conditional spread RMS(s_{t+1} − r(s_t))/(max s − min s); the fit counts as reliable when the spread is
 * at most {@value #RELIABLE_SPREAD} and R² at least {@value #RELIABLE_R_SQUARED}. {@link PeriodThreeDetector} then
 * searches r on its image, which is complete for the fit.
 *
 * <p><b>What it means.</b> Only when the fed-back state really is a scalar is the 1-D theory exact (§4.6); for an
 * n-dimensional map r is a caricature: period 3 of r is a hint to be reported next to λ_1 and D_KY, and a NONE is
 * no evidence against chaos. For a one-dimensional map (state size 1) the fit approximates the map itself.
 *
 * <p>Immutable and thread-safe; one call runs on the calling thread.
 */
public final class ReturnMapTest {

    /** Default number of bins B: 64 resolves a unimodal map's fold while keeping ~10² points per bin at T = 10⁴. */
    public static final int DEFAULT_BINS = 64;

    /** Default warm-up T_w (THEORY.md §2.3). */
    public static final int DEFAULT_WARMUP_STEPS = 200;

    /** Default seed. */
    public static final long DEFAULT_SEED = 42;

    /**
     * A fit is reliable when the conditional spread is at most this fraction of the range of s: then the state is
     * within a few percent of a function of s_t, and a Li–Yorke margin of that size can survive (§4.8).
     */
    public static final double RELIABLE_SPREAD = 0.05;

    /**
     * A fit is reliable only if it also explains at least this share of the variance of s_{t+1}: a small spread
     * relative to the range can hide a poor fit when rare excursions set the range.
     */
    public static final double RELIABLE_R_SQUARED = 0.9;

    /** A projection whose range is below this × max(1, |s|) is constant: nothing to fit. */
    static final double CONSTANT_PROJECTION = 1e-12;

    private final int steps;
    private final int warmupSteps;
    private final int bins;
    private final double[] direction;
    private final long seed;
    private final double[] initialState;
    private final InputSequence inputs;
    private final PeriodThreeDetector detector;

    private ReturnMapTest(Builder builder) {
        this.steps = builder.steps;
        this.warmupSteps = builder.warmupSteps;
        this.bins = builder.bins;
        this.direction = builder.direction == null ? null : PrincipalComponent.normalized(builder.direction);
        this.seed = builder.seed;
        this.initialState = builder.initialState == null ? null : builder.initialState.clone();
        this.inputs = builder.inputs;
        this.detector = new PeriodThreeDetector.Builder().gridSize(builder.gridSize).build();
    }

    /**
     * Runs the test on {@code dynamics} with the builder's inputs (zero input by default).
     *
     * @throws IllegalArgumentException if the direction, initial state or inputs do not fit the dynamics
     */
    public ReturnMapReport test(RecurrentDynamics dynamics) {
        Objects.requireNonNull(dynamics, "dynamics");
        inputs.checkFits(dynamics);
        int d = dynamics.stateSize();
        List<String> problems = new ArrayList<>();
        if (direction != null && direction.length != d) {
            problems.add("the direction has " + direction.length + " entries but '" + dynamics.name()
                    + "' has state size " + d);
        }
        if (initialState != null && initialState.length != d) {
            problems.add("the initial state has " + initialState.length + " entries but '" + dynamics.name()
                    + "' has state size " + d);
        }
        ConfigurationProblems.check("ReturnMapTest for '" + dynamics.name() + "'", problems);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] states = trajectory(dynamics, random);
        if (states == null) {
            return degenerate(dynamics, new double[d], "the trajectory became non-finite");
        }
        double[] mean = new double[d];
        for (double[] h : states) {
            for (int i = 0; i < d; i++) {
                mean[i] += h[i] / states.length;
            }
        }
        double[] v = direction != null ? direction.clone() : PrincipalComponent.direction(states, mean, random);
        double[] s = new double[states.length];
        for (int t = 0; t < states.length; t++) {
            s[t] = PrincipalComponent.dot(v, states[t]);
        }
        double explained = PrincipalComponent.explainedVariance(states, mean, v);
        double low = Arrays.stream(s).min().orElseThrow();
        double high = Arrays.stream(s).max().orElseThrow();
        if (!(high - low > CONSTANT_PROJECTION * Math.max(1, Math.max(Math.abs(low), Math.abs(high))))) {
            return degenerate(dynamics, v, "the projection is constant (a fixed point, or v orthogonal to the motion)");
        }
        ScalarMap fit = MedianReturnMap.fit(s, low, high, bins, dynamics.name());
        double residualSquares = 0;
        double totalSquares = 0;
        double meanNext = 0;
        for (int t = 1; t < s.length; t++) {
            meanNext += s[t] / (s.length - 1);
        }
        for (int t = 0; t + 1 < s.length; t++) {
            double residual = s[t + 1] - fit.apply(s[t]);
            residualSquares += residual * residual;
            totalSquares += (s[t + 1] - meanNext) * (s[t + 1] - meanNext);
        }
        double rSquared = totalSquares > 0 ? 1 - residualSquares / totalSquares : 1;
        double spread = Math.sqrt(residualSquares / (s.length - 1)) / (high - low);
        boolean reliable = spread <= RELIABLE_SPREAD && rSquared >= RELIABLE_R_SQUARED;
        PeriodSearchResult detection = detector.detect(fit);
        String description = String.format(Locale.ROOT, "Return-map evidence for '%s' (state size %d): s_t = v^T h_t"
                        + " on %s (%.1f%% of the variance), %d steps after %d warm-up steps, %s; fit r by medians in %d"
                        + " bins: R^2 = %.4f, relative conditional spread = %.4f (%s). Period search on r: %s. Evidence"
                        + " only: %s", dynamics.name(), d, direction != null ? "the given direction"
                        : "the first principal component", 100 * explained, steps, warmupSteps, inputs, bins,
                rSquared, spread, reliable ? "reliable: s_{t+1} is close to a function of s_t"
                        : "unreliable: s_{t+1} is far from a function of s_t, so r says little about the dynamics",
                detection.verdict(), d == 1 ? "for a one-dimensional map r approximates the map itself, and the"
                        + " approximation error must stay below the Li-Yorke margin."
                        : "r is a one-dimensional caricature of a " + d + "-dimensional map; report it next to lambda_1"
                        + " and D_KY.");
        return new ReturnMapReport(dynamics.name(), v, explained, rSquared, spread, reliable, Optional.of(fit),
                Optional.of(detection), description);
    }

    /** Runs warm-up and window; returns h_0 … h_T (T + 1 states) or null if a state became non-finite. */
    private double[][] trajectory(RecurrentDynamics dynamics, SplittableRandom random) {
        int d = dynamics.stateSize();
        double[] state = initialState != null ? initialState.clone() : dynamics.initialState(random);
        double[] input = new double[dynamics.inputSize()];
        double[][] states = new double[steps + 1][];
        for (int t = 0; t < warmupSteps + steps; t++) {
            if (t == warmupSteps) {
                states[0] = state;
            }
            inputs.input(t, input);
            double[] next = new double[d];
            dynamics.step(state, input, next);
            if (!Arrays.stream(next).allMatch(ConfigurationProblems::finite)) {
                return null;
            }
            state = next;
            if (t >= warmupSteps) {
                states[t - warmupSteps + 1] = state;
            }
        }
        return states;
    }

    private ReturnMapReport degenerate(RecurrentDynamics dynamics, double[] v, String why) {
        return new ReturnMapReport(dynamics.name(), v, 0, 0, Double.POSITIVE_INFINITY, false, Optional.empty(),
                Optional.empty(), "No return map for '" + dynamics.name() + "': " + why + ".");
    }

    @Override
    public String toString() {
        return "ReturnMapTest[steps=" + steps + ", warmupSteps=" + warmupSteps + ", bins=" + bins + ", direction="
                + (direction == null ? "first principal component" : Arrays.toString(direction)) + ", seed=" + seed
                + ", inputs=" + inputs + ", detector=" + detector + "]";
    }

    /** Builds a {@link ReturnMapTest}. */
    public static final class Builder {

        private final int steps;
        private int warmupSteps = DEFAULT_WARMUP_STEPS;
        private int bins = DEFAULT_BINS;
        private double[] direction;
        private long seed = DEFAULT_SEED;
        private double[] initialState;
        private InputSequence inputs = InputSequence.zero();
        private int gridSize = PeriodThreeDetector.DEFAULT_GRID_SIZE;

        /**
         * Starts a builder.
         *
         * @param steps T, the recorded steps (at least 10 per bin; 10⁴ is typical)
         */
        public Builder(int steps) {
            this.steps = steps;
        }

        /** Sets T_w (default {@value #DEFAULT_WARMUP_STEPS}; ≥ 0). */
        public Builder warmupSteps(int warmupSteps) {
            this.warmupSteps = warmupSteps;
            return this;
        }

        /** Sets B, the number of bins of the median fit (default {@value #DEFAULT_BINS}; ≥ 2). */
        public Builder bins(int bins) {
            this.bins = bins;
            return this;
        }

        /**
         * Sets the projection direction v (normalized; default: the first principal component), e.g. the weights
         * of a scalar readout.
         */
        public Builder direction(double... direction) {
            this.direction = direction.clone();
            return this;
        }

        /** Sets the seed of the initial state and of the power iteration (default {@value #DEFAULT_SEED}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the initial state (copied; default: drawn by {@link RecurrentDynamics#initialState}). */
        public Builder initialState(double... initialState) {
            this.initialState = initialState.clone();
            return this;
        }

        /** Sets the inputs {@code [time][nIn]}, repeated cyclically (copied; default zero input). */
        public Builder inputs(double[][] inputs) {
            this.inputs = InputSequence.of(inputs);
            return this;
        }

        /** Sets the grid size M of the period search on the fit (default 10000). */
        public Builder gridSize(int gridSize) {
            this.gridSize = gridSize;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException listing every invalid setting
         */
        public ReturnMapTest build() {
            List<String> problems = new ArrayList<>();
            if (!(bins >= 2)) {
                problems.add("bins = " + bins + " must be at least 2");
            }
            if (!(steps >= 10L * Math.max(bins, 2))) {
                problems.add("steps = " + steps + " must be at least 10 per bin (" + 10L * Math.max(bins, 2)
                        + " for " + bins + " bins); use more steps or fewer bins");
            }
            if (!(warmupSteps >= 0)) {
                problems.add("warmupSteps = " + warmupSteps + " must be >= 0");
            }
            if (direction != null && !(Math.sqrt(PrincipalComponent.dot(direction, direction)) > 0
                    && Arrays.stream(direction).allMatch(ConfigurationProblems::finite))) {
                problems.add("direction = " + Arrays.toString(direction) + " must be finite and non-zero");
            }
            if (initialState != null && !Arrays.stream(initialState).allMatch(ConfigurationProblems::finite)) {
                problems.add("initialState = " + Arrays.toString(initialState) + " must be finite");
            }
            if (!(gridSize >= PeriodThreeDetector.MIN_GRID_SIZE)) {
                problems.add("gridSize = " + gridSize + " must be at least " + PeriodThreeDetector.MIN_GRID_SIZE);
            }
            ConfigurationProblems.check("ReturnMapTest", problems);
            return new ReturnMapTest(this);
        }
    }
}
