package io.github.chaoswatch.init;

import io.github.chaoswatch.dynamics.Dynamics;
import io.github.chaoswatch.dynamics.ModelDynamics;
import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.lyapunov.Drive;
import io.github.chaoswatch.lyapunov.EstimatorBuilder;
import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Finds the gain of a layer's recurrent weights at which the layer's <em>measured</em> largest Lyapunov exponent hits a
 * target, and rescales the weights in place (THEORY.md §5.3).
 *
 * <p>With M the layer's current recurrent gate blocks normalized to RMS gain 1, the search sets RW = g·M and measures
 * λ_1(g) with the spectrum engine (k = 1) on the real layer: its activation, biases, input weights and the user's
 * probe inputs (through {@link ModelDynamics#drivingInputs}, so any layer of the network works), or zero input.
 * Gains are RMS gains ‖RW_gates‖_F/√(B·n), the scale of {@link OrthogonalInit}: for LSTM and GravesLSTM all four gate
 * blocks are scaled by one factor (peepholes, input weights and the forget bias are not touched; the forget bias is a
 * second control of the memory of gated layers).
 *
 * <ol>
 *   <li><b>Common random numbers.</b> Every gain is measured with the same seed, hence the same initial states, frames
 *       and inputs, so λ_1(g) is a deterministic function of g and differences between gains are not sampling
 *       noise.</li>
 *   <li><b>Coarse scan</b> of {@link Builder#scanPoints} gains, geometrically spaced over the scan range (default
 *       [{@value #DEFAULT_MIN_SCAN_GAIN}, {@value #DEFAULT_MAX_SCAN_GAIN}]), which also exposes non-monotonicity.
 *       Without a sign change of λ_1 − λ* the range is extended geometrically (×2 or ÷2, at most
 *       {@value #MAX_EXPANSIONS} times).</li>
 *   <li><b>Bisection</b> (in log-gain) of the first bracket, until |λ_1 − λ*| ≤ max(tol_λ, 2·SE) or the bracket is
 *       narrower than tol_g (relative), or the evaluation budget is spent. A diverged measurement counts as above
 *       any target.</li>
 *   <li><b>Rescaling</b> of the live parameter view (so the network's flattened parameters stay in sync) and a
 *       <b>re-measurement</b> with fresh seeds, reported with its standard error.</li>
 * </ol>
 * Without a bracket the weights are left unchanged and the result gives the best gain and the curve, never an
 * invented answer. λ_1(g) of a finite network need not be monotone (periodic windows, multistability, plateaus at
 * λ ≈ 0): bisection finds <em>a</em> crossing; the curve and the fresh re-measurement keep the answer honest.
 *
 * <pre>{@code
 * GainCalibrator calibrator = new GainCalibrator.Builder(-0.05, 1_000).probe(heldOutFeatures).build();
 * GainCalibration result = calibrator.calibrate(net, "lstm1");   // net's RW is rescaled in place
 * }</pre>
 *
 * <p>Cost: (scan points + bisection steps) spectrum estimates of B trajectories of T_w + T steps, k = 1. Progress is
 * logged through SLF4J (INFO per run, DEBUG per gain). The calibrator is immutable and thread-safe; {@code calibrate}
 * modifies the network and must not run while it trains.
 */
public final class GainCalibrator {

    /** Default tol_λ: half of the EDGE band ε = 0.01 nats/step of THEORY.md §6.2. */
    public static final double DEFAULT_EXPONENT_TOLERANCE = 0.005;
    /** Default tol_g: a relative gain resolution of 0.1%, below the gain noise of any finite network. */
    public static final double DEFAULT_GAIN_TOLERANCE = 1e-3;
    /** Default lower end of the coarse scan (THEORY.md §5.3: [0.5, 3]). */
    public static final double DEFAULT_MIN_SCAN_GAIN = 0.5;
    /** Default upper end of the coarse scan. */
    public static final double DEFAULT_MAX_SCAN_GAIN = 3;
    /** Default number of coarse-scan gains (THEORY.md §5.3: 10–20). */
    public static final int DEFAULT_SCAN_POINTS = 12;
    /** Default budget of spectrum estimates: the scan plus about 25 bisection steps. */
    public static final int DEFAULT_MAX_EVALUATIONS = 40;
    /** Geometric extensions of the scan range, each ×2 or ÷2, before giving up on a bracket. */
    public static final int MAX_EXPANSIONS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(GainCalibrator.class);

    private final double target;
    private final int steps;
    private final int warmupSteps;
    private final int trajectories;
    private final long seed;
    private final INDArray probe;
    private final double exponentTolerance;
    private final double gainTolerance;
    private final double minScanGain;
    private final double maxScanGain;
    private final int scanPoints;
    private final int maxEvaluations;

    private GainCalibrator(Builder builder) {
        this.target = builder.target;
        this.steps = builder.steps;
        this.warmupSteps = builder.warmupSteps;
        this.trajectories = builder.trajectories;
        this.seed = builder.seed;
        this.probe = builder.probe;
        this.exponentTolerance = builder.exponentTolerance;
        this.gainTolerance = builder.gainTolerance;
        this.minScanGain = builder.minScanGain;
        this.maxScanGain = builder.maxScanGain;
        this.scanPoints = builder.scanPoints;
        this.maxEvaluations = builder.maxEvaluations;
    }

    /**
     * Calibrates the recurrent weights of {@code layer} of {@code net} and rescales them in place.
     *
     * @param net   an initialized network; modified unless the result has {@link GainCalibration.Status#NO_BRACKET}
     * @param layer a name of {@code Dynamics.of(net)}: the layer name, or {@code "layer" + index}, with
     *              {@code "/forward"} or {@code "/backward"} for a bidirectional layer
     * @throws IllegalArgumentException if there is no such layer, its recurrent weights are zero, or the probe does not
     *                                  fit the network
     */
    public GainCalibration calibrate(MultiLayerNetwork net, String layer) {
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(layer, "layer");
        RecurrentWeights weights = RecurrentWeights.locate(net, layer);
        INDArray base = weights.gates(net);
        double initialGain = weights.gainOf(base);
        if (!(initialGain > 0 && initialGain <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("the recurrent weights " + weights + " have gain " + initialGain
                    + "; calibration scales the current weights, so initialize them first (for example with"
                    + " OrthogonalInit)");
        }
        LOG.info("calibrating {} to lambda* = {} nats/step (current gain {}, {})", weights, target, initialGain,
                probe == null ? "zero input" : "probe " + Arrays.toString(probe.shape()));
        MultiLayerNetwork work = net.clone();
        Drive drive = drive(work, layer);
        GainSearch search = new GainSearch(work, weights, base, initialGain, drive, estimator(seed), target,
                new GainSearch.Settings(exponentTolerance, gainTolerance, minScanGain, maxScanGain, scanPoints,
                        maxEvaluations));
        search.run();

        long checkSeed = new SplittableRandom(seed).nextLong();
        CalibrationPoint best = search.best();
        MultiLayerNetwork measured;
        if (search.status() == GainCalibration.Status.NO_BRACKET) {
            weights.write(work, base, best.gain() / initialGain);
            measured = work;
            LOG.warn("no gain in the searched range gives lambda* = {} for {}; the weights are unchanged."
                    + " Curve: {}", target, weights, search.curve());
        } else {
            weights.write(net, base, best.gain() / initialGain);
            measured = net;
        }
        LyapunovSpectrum check = estimator(checkSeed).estimate(dynamics(measured, layer), drive);
        GainCalibration result = new GainCalibration(layer, weights.key(), search.status(), target, best.gain(),
                initialGain, check.max(), check.maxStandardError(), search.curve().size(), search.curve(),
                exponentTolerance, gainTolerance, seed, checkSeed);
        LOG.info("{}", result);
        return result;
    }

    /** Returns the current RMS gain of the recurrent gate blocks of {@code layer} (see {@link GainCalibrator}). */
    public static double currentGain(MultiLayerNetwork net, String layer) {
        RecurrentWeights weights = RecurrentWeights.locate(net, layer);
        return weights.gain(net);
    }

    /**
     * Rescales the recurrent gate blocks of {@code layer} in place so that their RMS gain becomes {@code gain}.
     *
     * @throws IllegalArgumentException unless the gain is finite and &gt; 0, or if the current weights are zero
     */
    public static void applyGain(MultiLayerNetwork net, String layer, double gain) {
        InitArguments.gain(gain);
        RecurrentWeights weights = RecurrentWeights.locate(net, layer);
        INDArray base = weights.gates(net);
        double current = weights.gainOf(base);
        if (!(current > 0)) {
            throw new IllegalArgumentException("the recurrent weights " + weights + " are zero and cannot be"
                    + " rescaled; initialize them first");
        }
        weights.write(net, base, gain / current);
    }

    private Drive drive(MultiLayerNetwork work, String layer) {
        if (probe == null) {
            return Drive.autonomous();
        }
        ModelDynamics model = Dynamics.of(work);
        return Drive.of(model.drivingInputs(model.get(layer).orElseThrow(), probe));
    }

    static RecurrentDynamics dynamics(MultiLayerNetwork net, String layer) {
        return Dynamics.of(net).get(layer).orElseThrow();
    }

    private SpectrumEstimator estimator(long seed) {
        return new SpectrumEstimator.Builder(steps).exponents(1).warmupSteps(warmupSteps).trajectories(trajectories)
                .seed(seed).build();
    }

    @Override
    public String toString() {
        return "GainCalibrator[target=" + target + " nats/step, steps=" + steps + ", warmupSteps=" + warmupSteps
                + ", trajectories=" + trajectories + ", seed=" + seed + ", probe="
                + (probe == null ? "none (zero input)" : Arrays.toString(probe.shape())) + ", exponentTolerance="
                + exponentTolerance + ", gainTolerance=" + gainTolerance + ", scan=[" + minScanGain + ", "
                + maxScanGain + "] x " + scanPoints + ", maxEvaluations=" + maxEvaluations + "]";
    }

    /** Builds a {@link GainCalibrator}. */
    public static final class Builder {

        private final double target;
        private final int steps;
        private int warmupSteps = EstimatorBuilder.DEFAULT_WARMUP_STEPS;
        private int trajectories = EstimatorBuilder.DEFAULT_TRAJECTORIES;
        private long seed = EstimatorBuilder.DEFAULT_SEED;
        private INDArray probe;
        private double exponentTolerance = DEFAULT_EXPONENT_TOLERANCE;
        private double gainTolerance = DEFAULT_GAIN_TOLERANCE;
        private double minScanGain = DEFAULT_MIN_SCAN_GAIN;
        private double maxScanGain = DEFAULT_MAX_SCAN_GAIN;
        private int scanPoints = DEFAULT_SCAN_POINTS;
        private int maxEvaluations = DEFAULT_MAX_EVALUATIONS;

        /**
         * Starts a builder.
         *
         * @param targetExponentNatsPerStep λ*, the largest exponent to reach, nats per step (e.g. −0.05: ordered
         *                                  with a memory of about 20 steps; 0: the edge of chaos)
         * @param steps                     T, measured steps per trajectory and gain (sets cost and accuracy; the
         *                                  standard error should be well below tol_λ; typical 500–2000)
         */
        public Builder(double targetExponentNatsPerStep, int steps) {
            this.target = targetExponentNatsPerStep;
            this.steps = steps;
        }

        /** Sets T_w, warm-up steps per trajectory (default {@value EstimatorBuilder#DEFAULT_WARMUP_STEPS}). */
        public Builder warmupSteps(int warmupSteps) {
            this.warmupSteps = warmupSteps;
            return this;
        }

        /** Sets B, trajectories per gain (default {@value EstimatorBuilder#DEFAULT_TRAJECTORIES}). */
        public Builder trajectories(int trajectories) {
            this.trajectories = trajectories;
            return this;
        }

        /** Sets the seed of the common random numbers (default {@value EstimatorBuilder#DEFAULT_SEED}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets the probe inputs, a model input batch {@code [minibatch, nIn, time]} (NCW), copied as doubles; each
         * sequence drives one trajectory (default: none, the layer runs on zero input).
         */
        public Builder probe(INDArray probe) {
            this.probe = Objects.requireNonNull(probe, "probe").castTo(DataType.DOUBLE).dup();
            return this;
        }

        /** Sets tol_λ in nats per step (default {@value #DEFAULT_EXPONENT_TOLERANCE}). */
        public Builder exponentTolerance(double exponentTolerance) {
            this.exponentTolerance = exponentTolerance;
            return this;
        }

        /** Sets tol_g, the relative width at which bisection stops (default {@value #DEFAULT_GAIN_TOLERANCE}). */
        public Builder gainTolerance(double gainTolerance) {
            this.gainTolerance = gainTolerance;
            return this;
        }

        /**
         * Sets the coarse-scan range of RMS gains (default [{@value #DEFAULT_MIN_SCAN_GAIN},
         * {@value #DEFAULT_MAX_SCAN_GAIN}]); a mean-field gain from {@link CriticalGain} is a good centre.
         */
        public Builder scanRange(double minGain, double maxGain) {
            this.minScanGain = minGain;
            this.maxScanGain = maxGain;
            return this;
        }

        /** Sets the number of coarse-scan gains (default {@value #DEFAULT_SCAN_POINTS}; ≥ 2). */
        public Builder scanPoints(int scanPoints) {
            this.scanPoints = scanPoints;
            return this;
        }

        /** Sets the budget of spectrum estimates (default {@value #DEFAULT_MAX_EVALUATIONS}; more than the scan). */
        public Builder maxEvaluations(int maxEvaluations) {
            this.maxEvaluations = maxEvaluations;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException listing every invalid setting
         */
        public GainCalibrator build() {
            List<String> problems = new ArrayList<>();
            if (!(Math.abs(target) <= Double.MAX_VALUE)) {
                problems.add("target = " + target + " nats/step must be finite");
            }
            try {
                new SpectrumEstimator.Builder(steps).exponents(1).warmupSteps(warmupSteps).trajectories(trajectories)
                        .build();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            if (!(exponentTolerance > 0 && exponentTolerance <= Double.MAX_VALUE)) {
                problems.add("exponentTolerance = " + exponentTolerance + " nats/step must be finite and > 0;"
                        + " the default is " + DEFAULT_EXPONENT_TOLERANCE);
            }
            if (!(gainTolerance > 0 && gainTolerance < 1)) {
                problems.add("gainTolerance = " + gainTolerance + " must lie in (0, 1) (relative); the default is "
                        + DEFAULT_GAIN_TOLERANCE);
            }
            if (!(minScanGain > 0 && maxScanGain > minScanGain && maxScanGain <= Double.MAX_VALUE)) {
                problems.add("scanRange = [" + minScanGain + ", " + maxScanGain + "] must satisfy 0 < min < max <"
                        + " infinity; the default is [" + DEFAULT_MIN_SCAN_GAIN + ", " + DEFAULT_MAX_SCAN_GAIN + "]");
            }
            if (!(scanPoints >= 2)) {
                problems.add("scanPoints = " + scanPoints + " must be >= 2");
            } else if (!(maxEvaluations > scanPoints)) {
                problems.add("maxEvaluations = " + maxEvaluations + " must exceed scanPoints = " + scanPoints
                        + " so that bisection can run");
            }
            if (probe != null && probe.rank() != 3) {
                problems.add("probe has shape " + Arrays.toString(probe.shape()) + "; expected a sequence batch"
                        + " [minibatch, nIn, time]");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid GainCalibrator configuration: "
                        + String.join("; ", problems));
            }
            return new GainCalibrator(this);
        }
    }
}
