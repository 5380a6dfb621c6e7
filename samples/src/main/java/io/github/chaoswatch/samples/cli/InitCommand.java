package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.init.EdgeOfChaosInit;
import io.github.chaoswatch.init.GainCalibration;
import io.github.chaoswatch.init.GainCalibrator;
import io.github.chaoswatch.init.ScaledGaussianInit;
import io.github.chaoswatch.listeners.AlertPolicy;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import io.github.chaoswatch.samples.ExponentDistribution;
import io.github.chaoswatch.samples.OneLayerNetwork;
import io.github.chaoswatch.samples.RecurrentInit;
import io.github.chaoswatch.samples.RecurrentLayerType;
import io.github.chaoswatch.samples.SeedSweep;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.shade.jackson.annotation.JsonInclude;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code chaoswatch init}: where an initializer puts a layer. Measures λ₁ of a freshly initialized layer (zero input,
 * its intrinsic dynamics) for network seeds 1 … n and reports its mean, spread and the fraction of seeds labelled
 * CHAOTIC; with {@code --target}, calibrates the gain on seed 1's layer ({@link GainCalibrator}).
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Where an initializer puts a recurrent layer: lambda1 over seeds, P(chaotic), calibration.", "",
            "Measures the largest Lyapunov exponent of a freshly initialized layer (zero input) for seeds 1..N and,",
            "with --target, the gain that puts lambda1 there, measured on the real layer."})
final class InitCommand implements Callable<Integer> {

    /** The gain of orthogonal and Gaussian initializers when --gain is not given: the textbook scale. */
    private static final double DEFAULT_GAIN = 1.0;
    /** Input features of the test-bed layer; irrelevant on zero input, but DL4J needs at least one. */
    private static final int INPUTS = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--layer", defaultValue = "simple-rnn", converter = LayerTypeConverter.class,
            description = "Layer type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private RecurrentLayerType layer;

    @Option(names = "--activation", defaultValue = "TANH", paramLabel = "ACT",
            description = "Layer activation, a DL4J Activation such as tanh, relu, softsign (default: tanh).")
    private Activation activation;

    @Option(names = "--size", defaultValue = "128", paramLabel = "N",
            description = "Recurrent units (default: ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--init", defaultValue = "orthogonal", converter = InitConverter.class,
            description = "Initializer: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); critical is the"
                    + " mean-field edge of chaos of a SimpleRnn and sets its own gain.")
    private RecurrentInit init;

    @Option(names = "--gain", paramLabel = "G",
            description = "Recurrent gain g for orthogonal and gaussian (default: 1.0).")
    private Double gain;

    @Option(names = "--seeds", defaultValue = "10", paramLabel = "N",
            description = "Network seeds 1..N (default: ${DEFAULT-VALUE}).")
    private int seeds;

    @Option(names = "--target", paramLabel = "LAMBDA",
            description = "Calibrate the gain so that lambda1 reaches this value, nats/step (e.g. -0.05).")
    private Double target;

    @Option(names = "--steps", defaultValue = "500", paramLabel = "T",
            description = "Measured steps per trajectory (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--warmup-steps", defaultValue = "200", paramLabel = "T",
            description = "Warm-up steps (default: ${DEFAULT-VALUE}).")
    private int warmupSteps;

    @Option(names = "--trajectories", defaultValue = "2", paramLabel = "B",
            description = "Trajectories per network, which give the standard error (default: ${DEFAULT-VALUE}).")
    private int trajectories;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        IWeightInit recurrent = recurrentInit();
        SpectrumEstimator estimator;
        try {
            estimator = new SpectrumEstimator.Builder(steps).exponents(1).warmupSteps(warmupSteps)
                    .trajectories(trajectories).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!(seeds >= 1 && size >= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seeds = " + seeds + " and --size = "
                    + size + " must both be at least 1");
        }
        OneLayerNetwork network = new OneLayerNetwork(layer, size, INPUTS, activation, new ScaledGaussianInit(1),
                recurrent);
        double usedGain = recurrent instanceof EdgeOfChaosInit edge ? edge.gain() : gainOrDefault();
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "init", "seeds");
        ExponentDistribution distribution = SeedSweep.of(network, estimator).measure(seeds, d -> bar.update(d, seeds));
        GainCalibration calibration = target == null ? null : calibrate(network);
        InitResult result = InitResult.of(this, usedGain, distribution, calibration);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, result);
        } else {
            print(out, result, distribution, calibration);
        }
        return CommandLine.ExitCode.OK;
    }

    private IWeightInit recurrentInit() {
        List<String> problems = new ArrayList<>();
        if (init == RecurrentInit.CRITICAL && gain != null) {
            problems.add("--gain does not apply to --init critical, which computes the mean-field critical gain;"
                    + " drop --gain, or use --init gaussian --gain G");
        }
        try {
            IWeightInit created = init.create(gainOrDefault(), layer, activation);
            if (problems.isEmpty()) {
                return created;
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        throw new CommandLine.ParameterException(spec.commandLine(), String.join("; ", problems));
    }

    private double gainOrDefault() {
        return gain == null ? DEFAULT_GAIN : gain;
    }

    private GainCalibration calibrate(OneLayerNetwork network) {
        GainCalibrator calibrator;
        try {
            calibrator = new GainCalibrator.Builder(target, steps).warmupSteps(warmupSteps).trajectories(trajectories)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getErr().println("calibrating the gain of seed 1's layer to lambda1 = " + target
                + " nats/step ...");
        return calibrator.calibrate(network.build(1), OneLayerNetwork.LAYER);
    }

    private void print(PrintWriter out, InitResult r, ExponentDistribution distribution,
                       GainCalibration calibration) {
        out.printf(Locale.ROOT, "%s(%d) %s, %s init at gain %.4f, zero input, %d seeds:%n", r.layer(), r.size(),
                r.activation(), r.init(), r.gain(), r.seeds());
        out.printf(Locale.ROOT, "  lambda1 = %.4f +- %.4f nats/step (mean +- sd over seeds; per seed %s)%n",
                r.meanMax(), r.stdMax(), distribution.maxima().stream()
                        .map(v -> String.format(Locale.ROOT, "%.4f", v)).toList());
        out.printf(Locale.ROOT, "  P(chaotic) = %.2f (seeds with lambda1 - 2 SE > %.2f nats/step)%n",
                r.probabilityChaotic(), AlertPolicy.DEFAULT_EPSILON_NATS);
        if (calibration != null) {
            out.printf(Locale.ROOT, "  calibration to lambda1 = %.4f: %s, gain %.4f, lambda1 %.4f +- %.4f (fresh seeds),"
                            + " %d evaluations%n", r.targetMax(), calibration.status(), r.calibratedGain(),
                    r.achievedMax(), r.achievedStandardError(), r.evaluations());
        }
        out.flush();
    }

    /**
     * The JSON form of an {@code init} run; the calibration fields are present only with {@code --target}.
     *
     * @param layer                 layer type
     * @param activation            layer activation
     * @param size                  recurrent units
     * @param init                  initializer
     * @param gain                  the recurrent gain used (for critical: the mean-field critical gain)
     * @param seeds                 network seeds measured (1 … seeds)
     * @param meanMax               mean λ₁ over seeds, nats/step
     * @param stdMax                standard deviation of λ₁ over seeds
     * @param probabilityChaotic    fraction of seeds with λ₁ − 2·SE &gt; ε (ε = 0.01 nats/step)
     * @param maxima                λ₁ of each seed
     * @param targetMax             the calibration target λ*
     * @param calibratedGain        the calibrated gain
     * @param achievedMax           λ₁ at the calibrated gain, re-measured with fresh seeds
     * @param achievedStandardError its standard error
     * @param targetReached         |achievedMax − λ*| ≤ max(tol_λ, 2·SE)
     * @param calibrationStatus     CALIBRATED, NOT_CONVERGED or NO_BRACKET
     * @param evaluations           spectrum estimates the calibration made
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InitResult(String layer, String activation, int size, String init, double gain, int seeds, double meanMax,
                      double stdMax, double probabilityChaotic, List<Double> maxima, Double targetMax,
                      Double calibratedGain, Double achievedMax, Double achievedStandardError, Boolean targetReached,
                      String calibrationStatus, Integer evaluations) {

        static InitResult of(InitCommand c, double gain, ExponentDistribution d, GainCalibration calibration) {
            boolean calibrated = calibration != null;
            return new InitResult(c.layer.toString(), c.activation.name().toLowerCase(Locale.ROOT), c.size,
                    c.init.toString(), gain, c.seeds, d.mean(), d.standardDeviation(),
                    d.probabilityChaotic(AlertPolicy.defaults()), d.maxima(),
                    calibrated ? calibration.targetExponentNatsPerStep() : null,
                    calibrated ? calibration.gain() : null,
                    calibrated ? calibration.exponentNatsPerStep() : null,
                    calibrated ? calibration.standardError() : null,
                    calibrated ? calibration.targetReached() : null,
                    calibrated ? calibration.status().name() : null,
                    calibrated ? calibration.evaluations() : null);
        }
    }
}
