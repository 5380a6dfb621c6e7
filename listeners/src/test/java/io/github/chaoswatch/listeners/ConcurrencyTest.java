package io.github.chaoswatch.listeners;

import io.github.chaoswatch.listeners.storage.ChaosRecord;
import io.github.chaoswatch.listeners.storage.ChaosReportRecord;
import io.github.chaoswatch.listeners.storage.ChaosStaticInfoRecord;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrency (issue 8, item 3): ParallelWrapper workers, several models at once, and a reader polling the storage
 * while the listener writes. Every analysed round is one stored record: counted, never lost nor duplicated.
 */
class ConcurrencyTest {

    private static final int FREQUENCY = 2;

    private static ChaosListener.Builder quick() {
        return new ChaosListener.Builder().frequency(FREQUENCY).exponents(2).steps(40).warmupSteps(10)
                .trajectories(2);
    }

    /** Counts the iterations at which a listener of {@link #FREQUENCY} schedules a round, over all threads. */
    private static final class RoundCounter extends BaseTrainingListener {
        final AtomicInteger rounds = new AtomicInteger();

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            if (iteration % FREQUENCY == 0) {
                rounds.incrementAndGet();
            }
        }
    }

    @Test
    void parallelWrapperWorkersStoreOneRecordPerAnalysedRound() throws Exception {
        // given ParallelWrapper with 2 averaging workers, the listener (cloned per worker by DL4J) and a counter
        InMemoryStatsStorage storage = new InMemoryStatsStorage();
        ChaosListener listener = quick().sessionId("parallel").storageRouter(storage).build();
        RoundCounter counter = new RoundCounter();
        MultiLayerNetwork net = TrainingFixtures.network(1.5, 1e-3, 31);
        List<DataSet> batches = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            batches.add(TrainingFixtures.batch(100 + i));
        }
        ParallelWrapper wrapper = new ParallelWrapper.Builder<>(net).workers(2).averagingFrequency(3)
                .prefetchBuffer(2).trainingMode(ParallelWrapper.TrainingMode.AVERAGING).build();
        List<ChaosListener> clones;
        try {
            wrapper.setListeners(listener, counter);
            // when it trains
            wrapper.fit(new ExistingDataSetIterator(batches));
            clones = ListenerRegistry.find("parallel").stream().filter(l -> l != listener).toList();
            for (ChaosListener clone : clones) {
                assertTrue(clone.awaitIdle(Duration.ofSeconds(60)), "analysis did not finish");
            }
        } finally {
            wrapper.shutdown();
        }
        // then each worker's clone stored exactly its reports, and every scheduled round is a report or a skip
        assertEquals(2, clones.size(), "one listener per worker");
        assertTrue(listener.reports().isEmpty(), "the original listener trains no model");
        Set<String> workers = new HashSet<>(storage.listWorkerIDsForSessionAndType("parallel", ChaosRecord.TYPE_ID));
        assertEquals(2, workers.size(), workers.toString());
        long analysed = 0;
        long skipped = 0;
        Set<String> keys = new HashSet<>();
        for (ChaosListener clone : clones) {
            clone.close();
            List<Persistable> stored = storage.getAllUpdatesAfter("parallel", ChaosRecord.TYPE_ID,
                    clone.getWorkerID(), 0);
            assertEquals(clone.reports().size(), stored.size(), "worker " + clone.getWorkerID());
            for (Persistable p : stored) {
                assertTrue(keys.add(p.getWorkerID() + "@" + p.getTimeStamp()), "duplicate key " + p);
                assertEquals(ChaosReport.Status.OK, ((ChaosReportRecord) p).report().status(),
                        ((ChaosReportRecord) p).report().message());
            }
            assertInstanceOf(ChaosStaticInfoRecord.class, storage.getStaticInfo("parallel", ChaosRecord.TYPE_ID,
                    clone.getWorkerID()));
            analysed += clone.reports().size();
            skipped += clone.skippedRounds();
        }
        assertTrue(counter.rounds.get() >= 8, "rounds " + counter.rounds);
        assertEquals(counter.rounds.get(), analysed + skipped, "analysed " + analysed + ", skipped " + skipped);
        assertTrue(analysed > 0);
    }

    @Test
    void oneListenerOnTwoConcurrentModelsReportsTheSecondAsFailed() throws Exception {
        // given one listener set on two models that train at the same time in two threads
        InMemoryStatsStorage storage = new InMemoryStatsStorage();
        ChaosListener shared = quick().frequency(1).sessionId("shared").storageRouter(storage).build();
        MultiLayerNetwork first = TrainingFixtures.network(1.5, 1e-3, 32);
        MultiLayerNetwork second = TrainingFixtures.network(0.5, 1e-3, 33);
        int iterations = 10;
        trainConcurrently(List.of(first, second), List.of(shared, shared), iterations);
        assertTrue(shared.awaitIdle(Duration.ofSeconds(60)));
        shared.close();
        // then the rounds of one model are analysed (or skipped while busy), those of the other are FAILED reports
        // saying what to do, and each report is one stored record
        List<ChaosReport> reports = shared.reports();
        List<ChaosReport> refused = reports.stream().filter(r -> r.status() == ChaosReport.Status.FAILED).toList();
        assertEquals(iterations, refused.size(), reports.toString());
        assertTrue(refused.get(0).message().contains("already watches another model")
                && refused.get(0).message().contains("listener.clone()"), refused.get(0).message());
        assertEquals(2L * iterations, reports.size() + shared.skippedRounds());
        List<Persistable> stored = storage.getAllUpdatesAfter("shared", ChaosRecord.TYPE_ID, "worker-0", 0);
        assertEquals(reports.size(), stored.size());
        assertEquals(stored.size(), stored.stream().mapToLong(Persistable::getTimeStamp).distinct().count());
    }

    @Test
    void oneListenerPerModelWatchesConcurrentModelsSeparately() throws Exception {
        // given the documented way: a clone per model, each under its own worker id
        InMemoryStatsStorage storage = new InMemoryStatsStorage();
        ChaosListener a = quick().frequency(1).sessionId("pair").workerId("a").storageRouter(storage).build();
        ChaosListener b = a.clone();
        b.setWorkerID("b");
        int iterations = 8;
        trainConcurrently(List.of(TrainingFixtures.network(1.5, 1e-3, 34), TrainingFixtures.network(0.5, 1e-3, 35)),
                List.of(a, b), iterations);
        for (ChaosListener l : List.of(a, b)) {
            assertTrue(l.awaitIdle(Duration.ofSeconds(60)));
            l.close();
            assertEquals(iterations, l.reports().size() + l.skippedRounds());
            assertTrue(l.reports().stream().allMatch(ChaosReport::isOk), l.reports().toString());
            assertEquals(l.reports().size(), storage.getAllUpdatesAfter("pair", ChaosRecord.TYPE_ID,
                    l.getWorkerID(), 0).size());
        }
    }

    private static void trainConcurrently(List<MultiLayerNetwork> nets, List<ChaosListener> listeners,
                                          int iterations) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(nets.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int m = 0; m < nets.size(); m++) {
                MultiLayerNetwork net = nets.get(m);
                net.setListeners(listeners.get(m));
                DataSet data = TrainingFixtures.batch(40 + m);
                done.add(threads.submit(() -> {
                    for (int i = 0; i < iterations; i++) {
                        net.fit(data);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void readerPollingWhileTrainingWritesSeesEveryRecordOnce(String kind, @TempDir Path dir) throws Exception {
        // given a storage a reader thread polls (as the UI page does) while training writes to it
        StatsStorage storage = kind.equals("file") ? new FileStatsStorage(dir.resolve("chaos.dl4j").toFile())
                : new InMemoryStatsStorage();
        ChaosListener listener = quick().frequency(1).sessionId("polled").storageRouter(storage).build();
        AtomicBoolean trainingDone = new AtomicBoolean();
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        Set<Long> seen = new HashSet<>();
        AtomicInteger duplicates = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try {
                long last = 0;
                boolean finalPass = false;
                while (!finalPass) {
                    finalPass = trainingDone.get();
                    for (Persistable p : storage.getAllUpdatesAfter("polled", ChaosRecord.TYPE_ID, "worker-0",
                            last)) {
                        ((ChaosReportRecord) p).report();
                        if (!seen.add(p.getTimeStamp())) {
                            duplicates.incrementAndGet();
                        }
                        last = Math.max(last, p.getTimeStamp());
                    }
                    Thread.onSpinWait();
                }
            } catch (Throwable e) {
                readerFailure.set(e);
            }
        }, "storage-reader");
        reader.start();
        // when 30 iterations are analysed
        MultiLayerNetwork net = TrainingFixtures.network(1.5, 1e-3, 36);
        net.setListeners(listener);
        DataSet data = TrainingFixtures.batch(36);
        for (int i = 0; i < 30; i++) {
            net.fit(data);
        }
        assertTrue(listener.awaitIdle(Duration.ofSeconds(60)));
        listener.close();
        trainingDone.set(true);
        reader.join(TimeUnit.SECONDS.toMillis(60));
        // then the reader never failed and saw each report exactly once
        assertNull(readerFailure.get(), () -> "reader failed: " + readerFailure.get());
        assertEquals(0, duplicates.get());
        assertEquals(listener.reports().size(), seen.size());
        assertEquals(30, listener.reports().size() + listener.skippedRounds());
        storage.close();
    }
}
