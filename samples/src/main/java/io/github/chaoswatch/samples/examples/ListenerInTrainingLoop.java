package io.github.chaoswatch.samples.examples;

import io.github.chaoswatch.listeners.ChaosListener;
import io.github.chaoswatch.samples.LorenzSeries;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.ui.api.UIServer;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;

import java.util.SplittableRandom;

/**
 * Attaches {@link ChaosListener} to an existing training loop and shows it in the DL4J UI, in the same process.
 *
 * <p>Run it, open http://localhost:9000/chaoswatch (and /train/overview), stop with Ctrl-C.
 */
public final class ListenerInTrainingLoop {

    private ListenerInTrainingLoop() {
    }

    /** Runs the program; its arguments, if any, are described in the class comment. */
    public static void main(String[] args) throws InterruptedException {
        MultiLayerNetwork net = ExampleModels.lorenzForecaster();
        LorenzSeries data = LorenzSeries.generate(10_000, 5, 1);

        // 1. The UI server and an in-memory storage attached to it.
        UIServer ui = UIServer.getInstance();
        InMemoryStatsStorage storage = new InMemoryStatsStorage();
        ui.attach(storage);

        // 2. DL4J's own StatsListener and ChaosListener post into the same storage, under one session (so the
        //    chaoswatch page draws the score beside the spectra).
        StatsListener stats = new StatsListener(storage);
        ChaosListener chaos = new ChaosListener.Builder()
                .frequency(20)                  // analyse every 20 iterations (the analysis runs on its own thread)
                .storageRouter(storage)
                .sameSessionAs(stats)
                .build();
        net.setListeners(stats, chaos);

        // 3. Your training loop, unchanged.
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 300; i++) {
            net.fit(data.batch(32, 50, random));
        }

        // 4. Wait for the last analysis, then read the reports in code too.
        chaos.awaitIdle(java.time.Duration.ofMinutes(1));
        chaos.latestReport().ifPresent(report -> System.out.println("last report: " + report.layers()));
        chaos.close();
        System.out.println("UI: http://localhost:" + ui.getPort() + "/chaoswatch (Ctrl-C to stop)");
    }
}
