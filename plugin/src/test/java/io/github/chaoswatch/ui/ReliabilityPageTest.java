package io.github.chaoswatch.ui;

import io.github.chaoswatch.listeners.ForkedJvm;
import io.github.chaoswatch.listeners.KilledTrainingFixture;
import io.github.chaoswatch.listeners.RemoteWorkerFixture;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's data after faults (issue 8): a writer killed with SIGKILL, and workers posting from other JVMs. */
class ReliabilityPageTest {

    private static RunningUi ui;

    @BeforeAll
    static void start() {
        ui = RunningUi.start();
        ui.server.enableRemoteListener(ui.storage, true);
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void aFileWhoseWriterWasKilledShowsEveryCommittedReport(@TempDir Path dir) throws Exception {
        KilledTrainingFixture.KilledRun killed = KilledTrainingFixture.killDuringTraining(
                dir.resolve("killed.dl4j").toFile(), 5, 120);
        FileStatsStorage reopened = new FileStatsStorage(killed.file());
        ui.server.attach(reopened);
        try {
            RunningUi.Run run = new RunningUi.Run(KilledTrainingFixture.SESSION, KilledTrainingFixture.WORKER, null);
            Set<Long> shown = new HashSet<>();
            for (JsonNode r : ui.api("reports", run, "").get("reports")) {
                shown.add(r.get("report").get("timestampMillis").asLong());
            }
            assertTrue(shown.containsAll(killed.committedTimestamps()),
                    "committed " + killed.committedTimestamps() + ", shown " + shown);
        } finally {
            ui.server.detach(reopened);
            reopened.close();
        }
    }

    @Test
    void workersPostingFromOtherJvmsAppearAsWorkersOfTheirSession(@TempDir Path dir) throws Exception {
        List<ForkedJvm> workers = new ArrayList<>();
        try {
            for (int w = 0; w < 2; w++) {
                workers.add(new ForkedJvm(RemoteWorkerFixture.class, dir.resolve("worker-" + w + ".err"),
                        "http://localhost:" + ui.server.getPort(), "remote-ui", "worker-" + w, "4", "0"));
            }
            List<Set<Long>> posted = new ArrayList<>();
            for (ForkedJvm worker : workers) {
                worker.await(l -> l.startsWith("DONE"), 1, 180);
                Set<Long> timestamps = new HashSet<>();
                worker.matching(l -> l.startsWith("POSTED ")).forEach(l -> timestamps.add(Long.parseLong(
                        l.substring("POSTED ".length()))));
                posted.add(timestamps);
            }
            awaitReports("remote-ui", 2, 4);
            for (int w = 0; w < 2; w++) {
                Set<Long> shown = new HashSet<>();
                RunningUi.Run run = new RunningUi.Run("remote-ui", "worker-" + w, null);
                for (JsonNode r : ui.api("reports", run, "").get("reports")) {
                    shown.add(r.get("report").get("timestampMillis").asLong());
                }
                assertEquals(posted.get(w), shown, "worker-" + w);
            }
        } finally {
            for (ForkedJvm worker : workers) {
                worker.close();
            }
        }
    }

    /** Waits until the sessions endpoint lists {@code workers} workers of {@code session} with {@code reports} each. */
    private static void awaitReports(String session, int workers, int reports) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            JsonNode sessions = RunningUi.parse(ui.get("/chaoswatch/api/sessions").body()).get("sessions");
            for (JsonNode s : sessions) {
                if (s.get("id").asText().equals(session)) {
                    last = s.toString();
                    int complete = 0;
                    for (JsonNode w : s.get("workers")) {
                        complete += w.get("reports").asInt() == reports ? 1 : 0;
                    }
                    if (complete == workers) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the sessions endpoint never listed " + workers + " workers with " + reports
                + " reports each; last: " + last);
    }
}
