package io.github.chaoswatch.listeners;

import io.github.chaoswatch.listeners.storage.ChaosRecord;
import io.github.chaoswatch.listeners.storage.ChaosReportRecord;
import io.github.chaoswatch.listeners.storage.ChaosStaticInfoRecord;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Persistence (issue 8, item 4): a FileStatsStorage whose writer was killed with SIGKILL mid-training. */
class PersistenceTest {

    @Test
    void everyCommittedReportSurvivesKillMinus9(@TempDir Path dir) throws Exception {
        // given a training JVM killed with SIGKILL after committing at least 5 reports to a FileStatsStorage
        KilledTrainingFixture.KilledRun run = KilledTrainingFixture.killDuringTraining(
                KilledTrainingFixture.fileIn(dir).toFile(), 5, 120);
        assertEquals(137, run.exitValue(), "128 + SIGKILL");
        // when the file is reopened
        FileStatsStorage storage = new FileStatsStorage(run.file());
        try {
            List<Persistable> stored = storage.getAllUpdatesAfter(KilledTrainingFixture.SESSION,
                    ChaosRecord.TYPE_ID, KilledTrainingFixture.WORKER, 0);
            // then every report the child saw committed is there and decodes, and nothing is duplicated
            Set<Long> timestamps = stored.stream().map(Persistable::getTimeStamp).collect(Collectors.toSet());
            assertEquals(stored.size(), timestamps.size());
            assertTrue(timestamps.containsAll(run.committedTimestamps()), "committed " + run.committedTimestamps()
                    + ", stored " + timestamps);
            assertTrue(stored.size() >= run.committedTimestamps().size());
            LoggerFactory.getLogger(PersistenceTest.class).info("kill -9: {} reports printed as committed, {} stored"
                    + " after reopening", run.committedTimestamps().size(), stored.size());
            for (Persistable p : stored) {
                assertEquals(ChaosReport.Status.OK, ((ChaosReportRecord) p).report().status());
            }
            assertInstanceOf(ChaosStaticInfoRecord.class, storage.getStaticInfo(KilledTrainingFixture.SESSION,
                    ChaosRecord.TYPE_ID, KilledTrainingFixture.WORKER));
        } finally {
            storage.close();
        }
    }
}
