package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.listeners.Alert;
import io.github.chaoswatch.listeners.AlertPolicy;
import io.github.chaoswatch.listeners.ChaosListener;
import io.github.chaoswatch.listeners.ChaosReport;
import io.github.chaoswatch.listeners.LayerReport;
import io.github.chaoswatch.listeners.Regime;
import io.github.chaoswatch.samples.RecurrentLayerType;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One training run of the demo: an LSTM with the given recurrent initializer trained on the task with
 * {@link ChaosListener} attached (and DL4J's {@code StatsListener} when the UI runs), alerts printed as they fire,
 * progress every tenth of the run.
 */
final class DemoPhase {

    /** Adam's learning rate: fast enough to see the loss fall within a first-impression run. */
    private static final double LEARNING_RATE = 5e-3;
    /** Exponents per layer: λ₁ decides the regime; a few more show the spectrum on the UI page. */
    private static final int EXPONENTS = 4;
    /** Measured steps per analysis: SE of λ₁ around 0.01 nats/step, a fraction of a second per round. */
    private static final int ANALYSIS_STEPS = 300;
    /** How long to wait for the last analysis after training. */
    private static final Duration LAST_ANALYSIS = Duration.ofMinutes(2);

    /**
     * The settings shared by both phases.
     *
     * @param units      LSTM units
     * @param iterations training iterations
     * @param minibatch  sequences per minibatch
     * @param length     time steps per sequence
     * @param frequency  iterations between analyses
     * @param seed       seed of the network and the data
     */
    record Settings(int units, int iterations, int minibatch, int length, int frequency, long seed) {
    }

    private final String name;
    private final String initDescription;
    private final IWeightInit recurrent;
    private final String chaosNote;

    /**
     * Creates a phase.
     *
     * @param name            "chaotic" or "edge", also the storage session id suffix
     * @param initDescription the initializer as the table shows it
     * @param recurrent       the recurrent initializer
     * @param chaosNote       why CHAOTIC is expected for the task, or null when it is a problem
     */
    DemoPhase(String name, String initDescription, IWeightInit recurrent, String chaosNote) {
        this.name = name;
        this.initDescription = initDescription;
        this.recurrent = recurrent;
        this.chaosNote = chaosNote;
    }

    /**
     * Trains and returns what happened.
     *
     * @param storage where both listeners post (the UI's storage), or null without UI
     * @param out     where alerts and progress are printed
     */
    DemoResult.Phase run(DemoTask task, Settings settings, StatsStorageRouter storage, PrintWriter out)
            throws InterruptedException {
        String sessionId = "chaoswatch-demo-" + name + "-" + System.currentTimeMillis();
        List<String> alerts = new ArrayList<>();
        AlertPolicy policy = new AlertPolicy.Builder().logAlerts(false).sink(alert -> {
            String line = describe(alert);
            synchronized (alerts) {
                alerts.add(alert.message());
            }
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }).build();
        ChaosListener chaos = new ChaosListener.Builder().frequency(settings.frequency()).exponents(EXPONENTS)
                .steps(ANALYSIS_STEPS).alertPolicy(policy).sessionId(sessionId).storageRouter(storage)
                .seed(settings.seed()).build();
        MultiLayerNetwork net = network(task, settings);
        List<TrainingListener> listeners = new ArrayList<>(List.of(chaos));
        if (storage != null) {
            listeners.add(new StatsListener(storage, null, null, sessionId, chaos.getWorkerID()));
        }
        net.setListeners(listeners);
        out.printf(Locale.ROOT, "%n== phase '%s': LSTM(%d), recurrent weights %s, %d iterations ==%n", name,
                settings.units(), initDescription, settings.iterations());
        out.flush();
        SplittableRandom data = new SplittableRandom(settings.seed());
        double initialLoss = Double.NaN;
        int every = Math.max(1, settings.iterations() / 10);
        for (int i = 1; i <= settings.iterations(); i++) {
            net.fit(task.batch(settings.minibatch(), settings.length(), data));
            // DL4J's score of a sequence batch sums over time steps: per step it compares across lengths.
            double loss = net.score() / settings.length();
            if (i == 1) {
                initialLoss = loss;
            }
            if (i % every == 0 || i == settings.iterations()) {
                progress(out, i, settings.iterations(), loss, chaos);
            }
        }
        chaos.awaitIdle(LAST_ANALYSIS);
        chaos.close();
        return result(sessionId, chaos, alerts, initialLoss, net.score() / settings.length());
    }

    private MultiLayerNetwork network(DemoTask task, Settings settings) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(settings.seed())
                .updater(new Adam(LEARNING_RATE)).list()
                .layer(RecurrentLayerType.LSTM.layer(settings.units(), Activation.TANH,
                        WeightInit.XAVIER.getWeightInitFunction(), recurrent))
                .layer(new RnnOutputLayer.Builder(task.loss()).activation(task.outputActivation())
                        .nOut(task.outputs()).build())
                .setInputType(InputType.recurrent(task.inputs())).build());
        net.init();
        return net;
    }

    private String describe(Alert alert) {
        boolean expected = chaosNote != null && alert.regime() == Regime.CHAOTIC;
        return "  [" + name + "] " + (expected ? "expected: " : "ALERT: ") + alert.message();
    }

    private void progress(PrintWriter out, int iteration, int iterations, double loss, ChaosListener chaos) {
        String lambda = lastOk(chaos).map(r -> String.format(Locale.ROOT, "lambda1 %.4f nats/step at iteration %d"
                + " (%s)", lambda(r), r.iteration(), regime(r))).orElse("no analysis yet");
        synchronized (out) {
            out.printf(Locale.ROOT, "  [%s] iteration %d/%d  loss/step %.4f  %s%n", name, iteration, iterations, loss,
                    lambda);
            out.flush();
        }
    }

    private static Optional<ChaosReport> lastOk(ChaosListener chaos) {
        return chaos.reports().stream().filter(ChaosReport::isOk).reduce((a, b) -> b);
    }

    /** The dynamics with the largest λ₁ in an OK report: the one that decides whether the model is chaotic. */
    private static LayerReport leading(ChaosReport report) {
        return report.layers().stream().max(Comparator.comparingDouble(l -> l.unit().toNats(l.max())))
                .orElseThrow(() -> new IllegalStateException("an OK report without layers: " + report));
    }

    private static double lambda(ChaosReport report) {
        LayerReport layer = leading(report);
        return layer.unit().toNats(layer.max());
    }

    /** The sign regime of the leading λ₁, judged with its own standard error. */
    private static String regime(ChaosReport report) {
        LayerReport layer = leading(report);
        return AlertPolicy.defaults().signRegime(layer.unit().toNats(layer.max()),
                layer.unit().toNats(layer.maxStandardError())).map(Regime::name).orElse(ModelAnalysis.UNDECIDED);
    }

    private DemoResult.Phase result(String sessionId, ChaosListener chaos, List<String> alerts, double initialLoss,
                                    double finalLoss) {
        List<ChaosReport> ok = chaos.reports().stream().filter(ChaosReport::isOk).toList();
        ChaosReport first = ok.isEmpty() ? null : ok.get(0);
        ChaosReport last = ok.isEmpty() ? null : ok.get(ok.size() - 1);
        synchronized (alerts) {
            return new DemoResult.Phase(name, initDescription, sessionId, chaos.reports().size(),
                    first == null ? null : lambda(first), last == null ? null : lambda(last),
                    first == null ? ModelAnalysis.UNDECIDED : regime(first),
                    last == null ? ModelAnalysis.UNDECIDED : regime(last),
                    chaos.currentRegimes().toString(), initialLoss, finalLoss, alerts);
        }
    }
}
