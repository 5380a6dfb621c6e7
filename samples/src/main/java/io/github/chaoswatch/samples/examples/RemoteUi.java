package io.github.chaoswatch.samples.examples;

import io.github.chaoswatch.listeners.ChaosListener;
import io.github.chaoswatch.samples.LorenzSeries;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.core.storage.impl.RemoteUIStatsStorageRouter;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.ui.api.UIServer;
import org.deeplearning4j.ui.model.stats.StatsListener;

import java.util.SplittableRandom;

/**
 * Trains in one process and shows the UI in another (or on another machine, or from several Spark workers).
 *
 * <p>Start the UI first: {@code RemoteUi server}; then in a second terminal {@code RemoteUi train
 * [http://host:9000]}. Open http://localhost:9000/chaoswatch.
 */
public final class RemoteUi {

    private RemoteUi() {
    }

    /** Runs the program; its arguments, if any, are described in the class comment. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("server")) {
            // The UI accepts records posted over HTTP; the chaoswatch-ui jar must be on this process's classpath.
            UIServer ui = UIServer.getInstance();
            ui.enableRemoteListener();
            System.out.println("UI with remote listener at http://localhost:" + ui.getPort() + "/chaoswatch");
            return;
        }
        String address = args.length > 1 ? args[1] : "http://localhost:9000";
        // Records are posted asynchronously by the router; both listeners use it.
        StatsStorageRouter remote = new RemoteUIStatsStorageRouter(address);
        StatsListener stats = new StatsListener(remote);
        ChaosListener chaos = new ChaosListener.Builder().frequency(20).storageRouter(remote).sameSessionAs(stats)
                .build();
        MultiLayerNetwork net = ExampleModels.lorenzForecaster();
        net.setListeners(stats, chaos);
        LorenzSeries data = LorenzSeries.generate(10_000, 5, 1);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 300; i++) {
            net.fit(data.batch(32, 50, random));
        }
        chaos.close();
        // DL4J's router posts from a daemon thread and cannot be flushed: give it a moment before the JVM exits.
        Thread.sleep(3_000);
        System.out.println("handed " + chaos.reports().size() + " chaos reports to the router for " + address);
    }
}
