package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.init.OrthogonalInit;
import io.github.chaoswatch.init.ScaledGaussianInit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code chaoswatch demo}: trains a small recurrent model twice with {@code ChaosListener} attached, first from a
 * chaotic initialization (Gaussian recurrent weights at gain 10) and then from the edge of chaos (orthogonal, gain
 * 1), prints alerts as they fire and a comparison, and serves both runs in the DL4J UI.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Trains a recurrent model from chaos, then from the edge, with ChaosListener and the UI.", "",
            "A character-level LSTM (or, with --task lorenz, a Lorenz forecaster) is trained first from a chaotic",
            "initialization, then from the edge of chaos; alerts are printed as they happen, then a comparison.",
            "Both runs are shown in the DL4J UI (http://localhost:PORT/chaoswatch) until Ctrl-C."})
final class DemoCommand implements Callable<Integer> {

    /** What to train on. */
    enum Task {
        /** Character-level language model. */
        TEXT,
        /** Next-step forecast of the Lorenz system. */
        LORENZ
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--task", defaultValue = "TEXT",
            description = "What to train: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Task task;

    @Option(names = "--text", paramLabel = "FILE",
            description = "UTF-8 text for the text task (default: chaoswatch's own documentation, bundled).")
    private Path text;

    @Option(names = "--port", defaultValue = "9000", description = "UI port; 0 picks a free one"
            + " (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--no-ui", description = "Do not start the UI (headless).")
    private boolean noUi;

    @Option(names = "--exit", description = "Exit after training instead of keeping the UI up until Ctrl-C.")
    private boolean exit;

    @Option(names = "--iterations", defaultValue = "150", paramLabel = "N",
            description = "Training iterations per phase (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--units", defaultValue = "64", paramLabel = "N",
            description = "LSTM units (default: ${DEFAULT-VALUE}).")
    private int units;

    @Option(names = "--frequency", defaultValue = "10", paramLabel = "N",
            description = "Iterations between chaos analyses (default: ${DEFAULT-VALUE}).")
    private int frequency;

    @Option(names = "--chaotic-gain", defaultValue = "10", paramLabel = "G",
            description = "Gain of the Gaussian recurrent weights of the chaotic phase. Gates tame an LSTM: on zero"
                    + " input LSTM(96) has lambda1 = 0.04 nats/step at gain 3, 0.12 at 5, 0.24 at 8, and training"
                    + " leaves the chaos of small gains within a few iterations (default: ${DEFAULT-VALUE}).")
    private double chaoticGain;

    @Option(names = "--minibatch", defaultValue = "32", paramLabel = "N", hidden = true,
            description = "Sequences per minibatch (default: ${DEFAULT-VALUE}).")
    private int minibatch;

    @Option(names = "--length", defaultValue = "50", paramLabel = "T", hidden = true,
            description = "Time steps per sequence (default: ${DEFAULT-VALUE}).")
    private int length;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of networks and data (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print the result as JSON (progress and alerts go to standard error).")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        checkOptions();
        DemoTask demoTask;
        try {
            demoTask = task == Task.LORENZ ? new LorenzTask(seed) : new TextTask(text == null
                    ? CharacterCorpus.bundled(length + 1) : CharacterCorpus.of(text, length + 1));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        DemoUi ui = noUi ? null : DemoUi.start(port);
        out.println("chaoswatch demo: " + demoTask.description());
        String note = demoTask.chaosExpected().orElse(null);
        if (note != null) {
            out.println("Note: " + note + ".");
        }
        if (ui != null) {
            printUrls(out, ui);
        }
        DemoPhase.Settings settings = new DemoPhase.Settings(units, iterations, minibatch, length, frequency, seed);
        List<DemoResult.Phase> phases = new ArrayList<>();
        phases.add(new DemoPhase("chaotic", "Gaussian, gain " + chaoticGain, new ScaledGaussianInit(chaoticGain),
                note).run(demoTask, settings, ui == null ? null : ui.storage(), out));
        phases.add(new DemoPhase("edge", "orthogonal, gain 1", new OrthogonalInit(1.0), note)
                .run(demoTask, settings, ui == null ? null : ui.storage(), out));
        DemoResult result = new DemoResult(demoTask.description(), iterations, units, note,
                ui == null ? null : ui.chaosUrl(), phases);
        printComparison(out, result);
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), result);
        }
        if (ui != null && !exit) {
            printUrls(out, ui);
            out.println("The UI stays up; press Ctrl-C to stop.");
            out.flush();
            new CountDownLatch(1).await();
        }
        return CommandLine.ExitCode.OK;
    }

    private void checkOptions() {
        List<String> problems = new ArrayList<>();
        if (!(port >= 0 && port <= 65_535)) {
            problems.add("--port = " + port + " must be between 0 and 65535 (0: a free port)");
        }
        if (!(iterations >= 1 && units >= 1 && minibatch >= 1 && length >= 1)) {
            problems.add("--iterations, --units, --minibatch and --length must be at least 1, got " + iterations
                    + ", " + units + ", " + minibatch + ", " + length);
        }
        if (!(chaoticGain > 0 && chaoticGain < Double.POSITIVE_INFINITY)) {
            problems.add("--chaotic-gain = " + chaoticGain + " must be finite and > 0");
        }
        if (!(frequency >= 1)) {
            problems.add("--frequency = " + frequency + " must be at least 1");
        }
        if (text != null && task != Task.TEXT) {
            problems.add("--text applies to --task text only");
        }
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join("; ", problems));
        }
    }

    private static void printUrls(PrintWriter out, DemoUi ui) {
        out.println("UI: " + ui.chaosUrl() + " (chaoswatch) and " + ui.trainUrl() + " (DL4J)");
        out.flush();
    }

    private static void printComparison(PrintWriter out, DemoResult result) {
        out.printf(Locale.ROOT, "%n%-8s %-22s %14s %14s %-22s %10s %10s %7s%n", "phase", "recurrent init",
                "lambda1 start", "lambda1 end", "regime start -> end", "loss start", "loss end", "alerts");
        for (DemoResult.Phase p : result.phases()) {
            out.printf(Locale.ROOT, "%-8s %-22s %14s %14s %-22s %10.4f %10.4f %7d%n", p.name(), p.init(),
                    format(p.lambdaStart()), format(p.lambdaEnd()), p.regimeStart() + " -> " + p.regimeEnd(),
                    p.initialLoss(), p.finalLoss(), p.alerts().size());
        }
        out.println("lambda1 in nats/step, the largest over the analysed layers; regimes from lambda1 +- 2 SE"
                + " (epsilon 0.01).");
        out.flush();
    }

    private static String format(Double lambda) {
        return lambda == null ? "-" : String.format(Locale.ROOT, "%.4f", lambda);
    }
}
