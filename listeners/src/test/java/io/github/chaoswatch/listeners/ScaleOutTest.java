package io.github.chaoswatch.listeners;

import io.github.chaoswatch.listeners.storage.ChaosRecord;
import io.github.chaoswatch.listeners.storage.ChaosStaticInfoRecord;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.ui.api.UIServer;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scale-out (issue 8, item 5): worker JVMs post through DL4J's RemoteUIStatsStorageRouter to one UI server on
 * loopback, and the UI server is restarted while a worker posts.
 */
class ScaleOutTest {

    private static final String POSTED = "POSTED ";

    private static UIServer startUi(int port, InMemoryStatsStorage storage) {
        System.setProperty("org.deeplearning4j.ui.port", Integer.toString(port));
        try {
            UIServer ui = UIServer.getInstance();
            ui.enableRemoteListener(storage, true);
            return ui;
        } finally {
            System.clearProperty("org.deeplearning4j.ui.port");
        }
    }

    private static void waitFor(LongSupplier count, long expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count.getAsLong() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": " + count.getAsLong() + " of " + expected + " within 60 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void threeWorkerJvmsPostEveryRecordToOneUiServer(@TempDir Path dir) throws Exception {
        // given a UI server and three worker JVMs, each with its own worker id, posting 6 reports each
        InMemoryStatsStorage received = new InMemoryStatsStorage();
        UIServer ui = startUi(0, received);
        List<ForkedJvm> workers = new ArrayList<>();
        try {
            for (int w = 0; w < 3; w++) {
                workers.add(new ForkedJvm(RemoteWorkerFixture.class, ForkedJvm.stderrFile(dir.toFile(), "w" + w),
                        "http://localhost:" + ui.getPort(), "scale", "worker-" + w, "6", "0"));
            }
            // when they have trained
            for (ForkedJvm worker : workers) {
                worker.await(l -> l.startsWith("DONE"), 1, 120);
            }
            // then the server holds each worker's reports exactly once, with its static info
            for (int w = 0; w < 3; w++) {
                String worker = "worker-" + w;
                Set<Long> posted = timestamps(workers.get(w).matching(l -> l.startsWith(POSTED)));
                assertEquals(6, posted.size());
                waitFor(() -> received.getNumUpdateRecordsFor("scale", ChaosRecord.TYPE_ID, worker), 6, worker);
                List<Persistable> stored = received.getAllUpdatesAfter("scale", ChaosRecord.TYPE_ID, worker, 0);
                assertEquals(posted, stored.stream().map(Persistable::getTimeStamp).collect(Collectors.toSet()));
                assertEquals(6, stored.size());
                waitFor(() -> received.getStaticInfo("scale", ChaosRecord.TYPE_ID, worker) == null ? 0 : 1, 1,
                        worker + " static info");
                assertInstanceOf(ChaosStaticInfoRecord.class, received.getStaticInfo("scale", ChaosRecord.TYPE_ID,
                        worker));
            }
        } finally {
            for (ForkedJvm worker : workers) {
                worker.close();
            }
            ui.stop();
        }
    }

    @Test
    void uiServerRestartLosesOneRecordPerFailedPostAttempt(@TempDir Path dir) throws Exception {
        // given a worker posting a report every ~100 ms to a UI server
        InMemoryStatsStorage first = new InMemoryStatsStorage();
        UIServer ui = startUi(0, first);
        int port = ui.getPort();
        InMemoryStatsStorage second = new InMemoryStatsStorage();
        int iterations = 40;
        try (ForkedJvm worker = new ForkedJvm(RemoteWorkerFixture.class, ForkedJvm.stderrFile(dir.toFile(), "w"),
                "http://localhost:" + port, "restart", "worker-0", Integer.toString(iterations), "100")) {
            waitFor(() -> first.getNumUpdateRecordsFor("restart", ChaosRecord.TYPE_ID, "worker-0"), 5,
                    "records before the restart");
            // when the server stops while the worker posts, and a new one starts on the same port
            ui.stop();
            int postedAtStop = worker.matching(l -> l.startsWith(POSTED)).size();
            worker.await(l -> l.startsWith(POSTED), postedAtStop + 10, 60);
            ui = startUi(port, second);
            assertEquals(port, ui.getPort());
            worker.await(l -> l.startsWith("DONE"), 1, 120);
            Set<Long> posted = timestamps(worker.matching(l -> l.startsWith(POSTED)));
            assertEquals(iterations, posted.size());
            // then, once the router has drained its queue (it retries with backoff: 1 s, 2 s, 4 s, ...), every
            // record is on one server or lost, none twice, and DL4J lost exactly one per failed attempt
            Set<Long> stored = new HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long failures;
            do {
                Thread.sleep(200);
                stored.clear();
                stored.addAll(timestamps(first));
                stored.addAll(timestamps(second));
                failures = failedAttempts(worker.stderr());
            } while (stored.size() + failures < iterations && System.nanoTime() < deadline);
            assertEquals(timestamps(first).size() + timestamps(second).size(), stored.size(), "duplicates");
            assertTrue(posted.containsAll(stored));
            assertTrue(failures >= 1, "the restart went unnoticed: no failed post attempt");
            assertTrue(timestamps(second).size() > 0, "nothing reached the restarted server");
            assertEquals(iterations, stored.size() + failures, "stored " + stored.size() + ", failed attempts "
                    + failures);
            LoggerFactory.getLogger(ScaleOutTest.class).info("UI restart: {} posted, {} on the first server, {} on"
                    + " the second, {} lost ({} failed post attempts)", iterations, timestamps(first).size(),
                    timestamps(second).size(), iterations - stored.size(), failures);
        } finally {
            ui.stop();
        }
    }

    /** DL4J's router logs one such warning per failed post attempt (RemoteUIStatsStorageRouter.PostRunnable). */
    private static long failedAttempts(String stderr) {
        return stderr.lines().filter(l -> l.contains("Error posting to remote UI")).count();
    }

    private static Set<Long> timestamps(List<String> postedLines) {
        return postedLines.stream().map(l -> Long.parseLong(l.substring(POSTED.length())))
                .collect(Collectors.toSet());
    }

    private static Set<Long> timestamps(InMemoryStatsStorage storage) {
        return storage.getAllUpdatesAfter("restart", ChaosRecord.TYPE_ID, "worker-0", 0).stream()
                .map(Persistable::getTimeStamp).collect(Collectors.toSet());
    }
}
