package io.github.chaoswatch.liyorke;

import io.github.chaoswatch.dynamics.RecurrentDynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Looks for scrambled pairs of a recurrent map numerically: pairs of nearby trajectories under the same inputs,
 * whose distance is recorded over a window (THEORY.md §4.7).
 *
 * <p><b>Procedure.</b> From an initial state (given, or drawn by {@link RecurrentDynamics#initialState}) the map runs
 * T_w warm-up steps and then a window of T steps; the attractor diameter diam = √Σ_i (max_t s_{t,i} − min_t s_{t,i})²
 * is taken over the window. For each relative separation δ (default 1e-8, 1e-4, 1e-1) and each of m random unit
 * directions u, the pair (s, s + δ·diam·u), s the state at the start of the window, runs the window with the same
 * inputs; d_t = ‖s_t − s'_t‖. With ε_far = 0.1·diam and ε_close = 1e-3·diam, T_0 is the first step with
 * d_t &gt; ε_far, and over [T_0, T] the test records d_min (liminf proxy), d_max (limsup proxy), P_close = fraction of
 * steps with d_t &lt; ε_close and P_far = fraction with d_t &gt; ε_far. Verdicts ({@link ScramblingVerdict}):
 * <ul>
 *   <li>ASYMPTOTIC: never separated (d_t ≤ ε_far throughout), or separated and then came within ε_close for good;
 *       </li>
 *   <li>SCRAMBLED_LIKE: separated, came within ε_close, and separated beyond ε_far again after that;</li>
 *   <li>SEPARATED: separated and never came within ε_close again (d_min stays away from 0), as for pairs on
 *       different attractors of a multistable map.</li>
 * </ul>
 * If the window trajectory has collapsed to a point (diameter below 1e-9·max(1, ‖s‖): a stable fixed point), diam is
 * taken over the whole run from the initial state instead, and is 1 if that is a point too.
 *
 * <p><b>Limits.</b> A finite window shows finite-time proxies of liminf and limsup, nothing more. In high dimension
 * chaotic pairs almost never return close: the time to return within ε of a point grows like ε^{−D_KY}, so beyond
 * D_KY ≈ 3 a chaotic map typically gives SEPARATED, not SCRAMBLED_LIKE, within any practical window. The test is
 * informative for small D_KY, must be reported next to λ_1 and D_KY, and a "not scrambled" verdict is never a proof.
 * In input-driven mode with λ_1 &lt; 0 all pairs synchronize (echo-state property) and ASYMPTOTIC is the right answer.
 * The tent map of slope 1.9999 with pairs 1e-7 apart is the textbook demonstration of scrambled pairs.
 *
 * <p>Immutable and thread-safe; one call runs on the calling thread.
 */
public final class ScramblingTest {

    /** Default relative separations δ (THEORY.md §4.7): near rounding, intermediate, and macroscopic. */
    static final double[] DEFAULT_SEPARATIONS = {1e-8, 1e-4, 1e-1};

    /** Default number of random directions u per separation δ. */
    public static final int DEFAULT_DIRECTIONS = 4;

    /** Default warm-up T_w: lets the state reach its attractor (THEORY.md §2.3: 50–200). */
    public static final int DEFAULT_WARMUP_STEPS = 200;

    /** Default seed. */
    public static final long DEFAULT_SEED = 42;

    /** ε_far / diam: a pair this far apart has macroscopically separated (THEORY.md §4.7). */
    static final double FAR_FRACTION = 0.1;

    /** ε_close / diam: a pair this close has returned (THEORY.md §4.7). */
    static final double CLOSE_FRACTION = 1e-3;

    /** Least window length: fewer steps cannot show a separation and a return. */
    static final int MIN_STEPS = 10;

    /** A window diameter below this × max(1, ‖s‖) means the trajectory sits on a fixed point. */
    static final double COLLAPSED_DIAMETER = 1e-9;

    private final int steps;
    private final int warmupSteps;
    private final double[] separations;
    private final int directions;
    private final long seed;
    private final double[] initialState;
    private final InputSequence inputs;

    private ScramblingTest(Builder builder) {
        this.steps = builder.steps;
        this.warmupSteps = builder.warmupSteps;
        this.separations = builder.separations.clone();
        this.directions = builder.directions;
        this.seed = builder.seed;
        this.initialState = builder.initialState == null ? null : builder.initialState.clone();
        this.inputs = builder.inputs;
    }

    /** Tests {@code dynamics} with the builder's inputs (zero input by default). */
    public ScramblingReport test(RecurrentDynamics dynamics) {
        return test(dynamics, inputs);
    }

    /**
     * Tests {@code dynamics} driven by {@code inputs} ({@code [time][nIn]}, repeated cyclically; copied).
     *
     * @throws IllegalArgumentException if the inputs or the initial state do not fit the dynamics
     */
    public ScramblingReport test(RecurrentDynamics dynamics, double[][] inputs) {
        return test(dynamics, InputSequence.of(inputs));
    }

    private ScramblingReport test(RecurrentDynamics dynamics, InputSequence drive) {
        Objects.requireNonNull(dynamics, "dynamics");
        drive.checkFits(dynamics);
        int d = dynamics.stateSize();
        if (initialState != null && initialState.length != d) {
            throw new IllegalArgumentException("the initial state has " + initialState.length + " entries but '"
                    + dynamics.name() + "' has state size " + d + "; pass a state of that size");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] state = initialState != null ? initialState.clone() : dynamics.initialState(random);
        TrajectoryExtent whole = new TrajectoryExtent(d);
        whole.add(state);
        double[] input = new double[dynamics.inputSize()];
        double[] next = new double[d];
        for (int t = 0; t < warmupSteps; t++) {
            drive.input(t, input);
            dynamics.step(state, input, next);
            double[] swap = state;
            state = next;
            next = swap;
            whole.add(state);
        }
        double[] start = state.clone();
        TrajectoryExtent window = new TrajectoryExtent(d);
        for (int t = 0; t < steps; t++) {
            drive.input(warmupSteps + t, input);
            dynamics.step(state, input, next);
            double[] swap = state;
            state = next;
            next = swap;
            window.add(state);
            whole.add(state);
        }
        if (!window.finite() || !whole.finite()) {
            return diverged(dynamics, "the reference trajectory became non-finite");
        }
        String diameterSource = "the window trajectory";
        double diameter = window.diameter();
        if (!(diameter > COLLAPSED_DIAMETER * Math.max(1, window.maxNorm()))) {
            diameter = whole.diameter();
            diameterSource = "the whole run from the initial state (the window sits on a fixed point)";
            if (!(diameter > COLLAPSED_DIAMETER * Math.max(1, whole.maxNorm()))) {
                diameter = 1;
                diameterSource = "a unit scale (the whole run sits on a fixed point)";
            }
        }
        List<PairSeparation> pairs = new ArrayList<>();
        for (double delta : separations) {
            for (int m = 0; m < directions; m++) {
                pairs.add(PairTracker.track(dynamics, drive, warmupSteps, steps, start, delta, diameter,
                        unitVector(d, random)));
            }
        }
        ScramblingVerdict verdict = overall(pairs);
        String description = String.format(Locale.ROOT, "%s for '%s': %d pairs (separations %s of diam, %d"
                        + " directions each) over a window of %d steps after %d warm-up steps, %s; diam = %.4g from %s,"
                        + " eps_far = %.3g, eps_close = %.3g. %s", verdict, dynamics.name(), pairs.size(),
                Arrays.toString(separations), directions, steps, warmupSteps, drive, diameter, diameterSource,
                FAR_FRACTION * diameter, CLOSE_FRACTION * diameter, meaning(verdict));
        return new ScramblingReport(dynamics.name(), verdict, diameter, FAR_FRACTION * diameter,
                CLOSE_FRACTION * diameter, pairs, description, toString());
    }

    private static ScramblingVerdict overall(List<PairSeparation> pairs) {
        for (ScramblingVerdict v : new ScramblingVerdict[] {ScramblingVerdict.DIVERGED,
                ScramblingVerdict.SCRAMBLED_LIKE, ScramblingVerdict.SEPARATED}) {
            if (pairs.stream().anyMatch(p -> p.verdict() == v)) {
                return v;
            }
        }
        return ScramblingVerdict.ASYMPTOTIC;
    }

    private static String meaning(ScramblingVerdict verdict) {
        return switch (verdict) {
            case SCRAMBLED_LIKE -> "At least one pair returned close after separating and separated again: finite-time"
                    + " evidence of a scrambled pair (Li-Yorke), not a proof.";
            case SEPARATED -> "Pairs separated and did not return close within the window: different attractors, or"
                    + " chaos in too many dimensions (return times grow like eps^-D_KY) for returns to show. Report"
                    + " next to lambda_1 and D_KY; this is not a proof of no scrambling.";
            case ASYMPTOTIC -> "Every pair converged (or never separated): no sign of scrambling in this window.";
            case DIVERGED -> "A state became non-finite.";
        };
    }

    private ScramblingReport diverged(RecurrentDynamics dynamics, String why) {
        return new ScramblingReport(dynamics.name(), ScramblingVerdict.DIVERGED, Double.NaN, Double.NaN, Double.NaN,
                List.of(), "DIVERGED for '" + dynamics.name() + "': " + why + ".", toString());
    }

    private static double[] unitVector(int d, SplittableRandom random) {
        double[] u = new double[d];
        double norm = 0;
        while (!(norm > 0)) {
            norm = 0;
            for (int i = 0; i < d; i++) {
                u[i] = random.nextGaussian();
                norm += u[i] * u[i];
            }
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < d; i++) {
            u[i] /= norm;
        }
        return u;
    }

    @Override
    public String toString() {
        return "ScramblingTest[steps=" + steps + ", warmupSteps=" + warmupSteps + ", separations="
                + Arrays.toString(separations) + ", directions=" + directions + ", seed=" + seed + ", initialState="
                + (initialState == null ? "random" : Arrays.toString(initialState)) + ", inputs=" + inputs + "]";
    }

    /** Builds a {@link ScramblingTest}. */
    public static final class Builder {

        private final int steps;
        private int warmupSteps = DEFAULT_WARMUP_STEPS;
        private double[] separations = DEFAULT_SEPARATIONS.clone();
        private int directions = DEFAULT_DIRECTIONS;
        private long seed = DEFAULT_SEED;
        private double[] initialState;
        private InputSequence inputs = InputSequence.zero();

        /**
         * Starts a builder.
         *
         * @param steps T, the window length (at least 10; close returns need thousands of steps even in low
         *              dimension)
         */
        public Builder(int steps) {
            this.steps = steps;
        }

        /** Sets T_w, the warm-up steps before the window (default {@value #DEFAULT_WARMUP_STEPS}; ≥ 0). */
        public Builder warmupSteps(int warmupSteps) {
            this.warmupSteps = warmupSteps;
            return this;
        }

        /**
         * Sets the relative separations δ of the pairs, as fractions of diam (default 1e-8, 1e-4, 1e-1; each in
         * (0, 1)).
         */
        public Builder separations(double... separations) {
            this.separations = separations.clone();
            return this;
        }

        /** Sets m, the random directions u per separation (default {@value #DEFAULT_DIRECTIONS}; ≥ 1). */
        public Builder directions(int directions) {
            this.directions = directions;
            return this;
        }

        /** Sets the seed of the initial state and the directions (default {@value #DEFAULT_SEED}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the initial state s_{−1} (copied; default: drawn by {@link RecurrentDynamics#initialState}), e.g. a
         * point near a separatrix with {@code warmupSteps(0)}.
         */
        public Builder initialState(double... initialState) {
            this.initialState = initialState.clone();
            return this;
        }

        /**
         * Sets the inputs {@code [time][nIn]} fed to every trajectory, repeated cyclically (copied; default zero
         * input).
         *
         * @throws IllegalArgumentException if the sequence is empty, ragged or not finite
         */
        public Builder inputs(double[][] inputs) {
            this.inputs = InputSequence.of(inputs);
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException listing every invalid setting
         */
        public ScramblingTest build() {
            List<String> problems = new ArrayList<>();
            if (!(steps >= MIN_STEPS)) {
                problems.add("steps = " + steps + " must be at least " + MIN_STEPS + "; use thousands to see returns");
            }
            if (!(warmupSteps >= 0)) {
                problems.add("warmupSteps = " + warmupSteps + " must be >= 0");
            }
            if (separations.length == 0 || Arrays.stream(separations).anyMatch(s -> !(s > 0 && s < 1))) {
                problems.add("separations = " + Arrays.toString(separations) + " must be a non-empty list of"
                        + " fractions of the diameter in (0, 1), e.g. 1e-8, 1e-4, 1e-1");
            }
            if (!(directions >= 1)) {
                problems.add("directions = " + directions + " must be at least 1");
            }
            if (initialState != null && Arrays.stream(initialState).anyMatch(v -> !ConfigurationProblems.finite(v))) {
                problems.add("initialState = " + Arrays.toString(initialState) + " must be finite");
            }
            ConfigurationProblems.check("ScramblingTest", problems);
            return new ScramblingTest(this);
        }
    }
}
