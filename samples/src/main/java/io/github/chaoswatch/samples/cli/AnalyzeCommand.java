package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.dynamics.ModelDynamics;
import io.github.chaoswatch.liyorke.ScramblingTest;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code chaoswatch analyze MODEL.zip}: the Lyapunov spectrum of every recurrent layer and stack of a saved DL4J
 * model, on zero input and optionally driven, the scrambled-pair verdict and the regime; writes an HTML report with
 * plots, the PNGs and {@code report.json}.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Lyapunov spectra, regimes and scrambling verdict of a saved model's recurrent layers.", "",
            "Computes the spectrum of every recurrent layer and stack of a saved DL4J model (MultiLayerNetwork or",
            "ComputationGraph zip), autonomous and optionally driven, with the scrambling verdict and the regime,",
            "and writes report.html (self-contained), PNG plots and report.json."})
final class AnalyzeCommand implements Callable<Integer> {

    /** Random input sequences (one per trajectory) for --random-inputs. */

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODEL.zip", description = "A model saved with net.save(file) or ModelSerializer.")
    private Path model;

    @ArgGroup(exclusive = true)
    private InputChoice inputs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Report directory (default: MODEL-report in the current directory).")
    private Path out;

    @Option(names = "--exponents", defaultValue = "8", paramLabel = "K",
            description = "Exponents per dynamics, at most its state size (default: ${DEFAULT-VALUE}).")
    private int exponents;

    @Option(names = "--steps", defaultValue = "1000", paramLabel = "T",
            description = "Measured steps per trajectory (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--warmup-steps", defaultValue = "200", paramLabel = "T",
            description = "Warm-up steps (default: ${DEFAULT-VALUE}).")
    private int warmupSteps;

    @Option(names = "--trajectories", defaultValue = "4", paramLabel = "B",
            description = "Trajectories, which give the standard errors (default: ${DEFAULT-VALUE}).")
    private int trajectories;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the analysis and of --random-inputs (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print report.json on standard output instead of the table.")
    private boolean json;

    /** Where the driven spectra get their inputs: a CSV file or random sequences, not both. */
    static final class InputChoice {
        @Option(names = "--inputs", paramLabel = "FILE.csv", description = "One input sequence: a row per time"
                + " step, a column per model input.")
        private Path csv;

        @Option(names = "--random-inputs", description = "Drive with N(0, 1) random input sequences.")
        private boolean random;
    }

    @Override
    public Integer call() throws IOException {
        SpectrumEstimator estimator;
        try {
            estimator = new SpectrumEstimator.Builder(steps).exponentsAtMost(exponents).warmupSteps(warmupSteps)
                    .trajectories(trajectories).seed(seed).build();
        } catch (IllegalArgumentException e) {
            throw usage(e);
        }
        Model loaded;
        ModelDynamics dynamics;
        INDArray input;
        try {
            loaded = ModelFile.load(model);
            dynamics = ModelAnalysis.dynamicsOf(loaded);
            input = input(loaded);
        } catch (IllegalArgumentException e) {
            throw usage(e);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("analysing " + dynamics + (input == null ? "" : " on zero input and driven") + " ...");
        ProgressBar bar = new ProgressBar(err, "analyze", "dynamics");
        ModelAnalysis analysis = new ModelAnalysis(estimator, new ScramblingTest.Builder(steps).seed(seed).build());
        List<AnalysisResult.Layer> layers;
        try {
            layers = analysis.analyse(dynamics, input, bar::update);
        } catch (IllegalArgumentException e) {
            // The inputs do not fit a layer (found only when they are propagated through the model).
            throw usage(e);
        }
        AnalysisResult result = new AnalysisResult(model.toString(), loaded.getClass().getSimpleName(),
                inputs == null ? "none" : inputs.random ? "random" : inputs.csv.toString(), estimator.toString(),
                layers);
        Path directory = out != null ? out : Path.of(model.getFileName().toString().replaceFirst("\\.zip$", "")
                + "-report");
        Path html = AnalysisReport.write(result, directory);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(stdout, result);
        } else {
            printTable(stdout, result);
        }
        err.println("wrote " + html + ", report.json and the PNG plots in " + directory);
        err.flush();
        return CommandLine.ExitCode.OK;
    }

    private CommandLine.ParameterException usage(IllegalArgumentException e) {
        return new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }

    /** Returns the model input for the driven spectra, or null without --inputs / --random-inputs. */
    private INDArray input(Model loaded) {
        if (inputs == null) {
            return null;
        }
        long inputSize = inputSize(loaded);
        if (inputs.csv != null) {
            return InputsCsv.read(inputs.csv, inputSize);
        }
        if (!(inputSize > 0)) {
            throw new IllegalArgumentException("cannot tell the input size of the model's first layer for"
                    + " --random-inputs; pass --inputs FILE.csv with one column per input instead");
        }
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, trajectories, inputSize, warmupSteps + steps);
    }

    /** Returns nIn of the layer fed by the model input, or 0 where DL4J does not say (wrapped layers). */
    private static long inputSize(Model loaded) {
        if (loaded instanceof MultiLayerNetwork net) {
            return net.layerInputSize(0);
        }
        ComputationGraph graph = (ComputationGraph) loaded;
        List<String> networkInputs = graph.getConfiguration().getNetworkInputs();
        Map<String, GraphVertex> vertices = graph.getConfiguration().getVertices();
        for (String name : graph.getConfiguration().getTopologicalOrderStr()) {
            List<String> from = graph.getConfiguration().getVertexInputs().get(name);
            if (vertices.get(name) instanceof LayerVertex && from != null
                    && from.stream().anyMatch(networkInputs::contains)) {
                return graph.layerInputSize(name);
            }
        }
        return 0;
    }

    private static void printTable(PrintWriter out, AnalysisResult result) {
        out.printf(Locale.ROOT, "%s (%s), inputs: %s; exponents in nats/step%n", result.model(), result.modelType(),
                result.inputs());
        out.printf(Locale.ROOT, "%-24s %-22s %5s %20s %8s %9s %-10s %-14s %20s %-10s%n", "dynamics", "type", "D",
                "lambda1 (zero input)", "positive", "D_KY", "regime", "pairs", "lambda1 (driven)", "regime");
        for (AnalysisResult.Layer layer : result.layers()) {
            AnalysisResult.Spectrum s = layer.spectrum();
            AnalysisResult.Driven d = layer.driven();
            out.printf(Locale.ROOT, "%-24s %-22s %5d %20s %8d %9.3f %-10s %-14s %20s %-10s%n", layer.name(),
                    layer.type(), layer.stateSize(), lambda(s), s.positiveCount(), s.kaplanYorke(), layer.regime(),
                    layer.scrambling() == null ? "-" : layer.scrambling().verdict(),
                    d == null ? "-" : lambda(d.spectrum()), d == null ? "-" : d.regime());
        }
        out.flush();
    }

    private static String lambda(AnalysisResult.Spectrum s) {
        return String.format(Locale.ROOT, "%.4f +- %.4f", s.max(), s.maxStandardError());
    }
}
