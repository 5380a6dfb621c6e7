package io.github.chaoswatch.listeners;

import org.deeplearning4j.core.storage.impl.RemoteUIStatsStorageRouter;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.time.Duration;

/**
 * A worker JVM for the scale-out tests (issue 8, item 5): trains a small network with a {@link ChaosListener} whose
 * records go through DL4J's {@link RemoteUIStatsStorageRouter} (default retries) to a UI server, printing
 * {@code POSTED <timestamp>} for each report handed to the router, then {@code DONE <count>}, and stays alive (the
 * router posts from a daemon thread) until killed.
 *
 * <p>Arguments: UI address, session id, worker id, iterations, pause between iterations in ms.
 */
public final class RemoteWorkerFixture {

    private RemoteWorkerFixture() {
    }

    public static void main(String[] args) throws Exception {
        RemoteUIStatsStorageRouter remote = new RemoteUIStatsStorageRouter(args[0]);
        ChaosListener listener = new ChaosListener.Builder().frequency(1).exponents(2).steps(40).warmupSteps(10)
                .trajectories(2).sessionId(args[1]).workerId(args[2]).storageRouter(new PrintingRouter(remote, "POSTED "))
                .build();
        int iterations = Integer.parseInt(args[3]);
        long pauseMillis = Long.parseLong(args[4]);
        MultiLayerNetwork net = TrainingFixtures.network(1.5, 1e-3, args[2].hashCode());
        net.setListeners(listener);
        DataSet data = TrainingFixtures.batch(61);
        for (int i = 0; i < iterations; i++) {
            net.fit(data);
            // Wait for the round, so that every iteration is one report (no skipped rounds to account for).
            if (!listener.awaitIdle(Duration.ofSeconds(60))) {
                throw new IllegalStateException("analysis did not finish");
            }
            Thread.sleep(pauseMillis);
        }
        listener.close();
        System.out.println("DONE " + listener.reports().size() + " skipped " + listener.skippedRounds());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
