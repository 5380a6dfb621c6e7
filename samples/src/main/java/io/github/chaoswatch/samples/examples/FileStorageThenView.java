package io.github.chaoswatch.samples.examples;

import io.github.chaoswatch.listeners.ChaosListener;
import io.github.chaoswatch.samples.LorenzSeries;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.ui.api.UIServer;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;

import java.io.File;
import java.util.SplittableRandom;

/**
 * Records training into a {@link FileStatsStorage} (for example on a headless machine) and views it later.
 *
 * <p>{@code train FILE [ITERATIONS]} trains and writes FILE; {@code view FILE} opens the UI on it
 * (http://localhost:9000/chaoswatch; the chaoswatch-ui jar must be on the classpath of the viewing process).
 */
public final class FileStorageThenView {

    private FileStorageThenView() {
    }

    /** Runs the program; its arguments, if any, are described in the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: FileStorageThenView train|view FILE [ITERATIONS]");
            System.exit(2);
        }
        File file = new File(args[1]);
        if (args[0].equals("view")) {
            // Reopening the file shows the same pages as during training.
            StatsStorage storage = new FileStatsStorage(file);
            UIServer.getInstance().attach(storage);
            System.out.println("UI: http://localhost:" + UIServer.getInstance().getPort() + "/chaoswatch");
            return;
        }
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        StatsStorage storage = new FileStatsStorage(file);            // records go to the file as they come
        StatsListener stats = new StatsListener(storage);
        ChaosListener chaos = new ChaosListener.Builder().frequency(20).storageRouter(storage).sameSessionAs(stats)
                .build();
        MultiLayerNetwork net = ExampleModels.lorenzForecaster();
        net.setListeners(stats, chaos);
        LorenzSeries data = LorenzSeries.generate(10_000, 5, 1);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < iterations; i++) {
            net.fit(data.batch(32, 50, random));
        }
        chaos.awaitIdle(java.time.Duration.ofMinutes(1));           // the last report is written too
        chaos.close();
        storage.close();
        System.out.println("wrote " + chaos.reports().size() + " chaos reports to " + file
                + "; view them with: FileStorageThenView view " + file);
    }
}
