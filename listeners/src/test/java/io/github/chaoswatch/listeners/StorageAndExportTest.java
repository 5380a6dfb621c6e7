package io.github.chaoswatch.listeners;

import io.github.chaoswatch.listeners.storage.ChaosRecord;
import io.github.chaoswatch.listeners.storage.ChaosReportRecord;
import io.github.chaoswatch.listeners.storage.ChaosStaticInfoRecord;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports through DL4J storage (in memory, file, another JVM), the record codec, and the exporters. */
class StorageAndExportTest {

    private static List<ChaosReport> trainWith(ChaosListener listener, int iterations) throws Exception {
        MultiLayerNetwork net = TrainingFixtures.network(3, 0, 11);
        net.setListeners(listener);
        ChaosListenerTest.train(net, listener, iterations);
        listener.close();
        return listener.reports();
    }

    @Test
    void reportsReachAnInMemoryStorageWithStaticInfoAndUniqueTimestamps() throws Exception {
        InMemoryStatsStorage storage = new InMemoryStatsStorage();
        ChaosListener listener = new ChaosListener.Builder().frequency(1).exponents(3).steps(100)
                .sessionId("memory").storageRouter(storage).build();
        List<ChaosReport> reports = trainWith(listener, 4);
        List<Persistable> updates = storage.getAllUpdatesAfter("memory", ChaosRecord.TYPE_ID, "worker-0", 0);
        assertEquals(reports.size(), updates.size());
        RegimeSnapshot last = ((ChaosReportRecord) updates.get(updates.size() - 1)).regimes();
        assertEquals(listener.currentRegimes(), last.held());
        assertEquals(AlertPolicy.DEFAULT_EPSILON_NATS, last.epsilonNats());
        for (int i = 0; i < reports.size(); i++) {
            assertEquals(reports.get(i), ((ChaosReportRecord) updates.get(i)).report());
        }
        assertEquals(updates.size(), updates.stream().mapToLong(Persistable::getTimeStamp).distinct().count());
        ChaosStaticInfoRecord info = (ChaosStaticInfoRecord) storage.getStaticInfo("memory", ChaosRecord.TYPE_ID,
                "worker-0");
        assertTrue(info.modelSummary().contains("SimpleRnn"), info.modelSummary());
        assertTrue(info.configurationJson().contains("\"nout\" : 64"), info.configurationJson());
        assertEquals(ChaosListener.VERSION, info.version());
    }

    @Test
    void fileStorageReopenedInAnotherJvmReadsIdenticalReports(@TempDir Path dir) throws Exception {
        // given reports written to a FileStatsStorage
        File file = dir.resolve("chaos.dl4j").toFile();
        FileStatsStorage storage = new FileStatsStorage(file);
        List<ChaosReport> reports = trainWith(new ChaosListener.Builder().frequency(1).exponents(3).steps(100)
                .sessionId("file").storageRouter(storage).build(), 3);
        storage.close();
        // when a fresh JVM reopens the file and prints every report as JSON
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoredReportsPrinter.class.getName(), file.toString(),
                "file").redirectErrorStream(false).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(process.getErrorStream().readAllBytes(),
                StandardCharsets.UTF_8));
        // then it reads exactly what was written
        StringBuilder expected = new StringBuilder();
        for (ChaosReport r : reports) {
            expected.append(ReportJson.mapper().writeValueAsString(r)).append('\n');
        }
        assertEquals(expected.toString(), printed);
    }

    @Test
    void reportsPostedThroughARemoteRouterReachTheUiServersStorage() throws Exception {
        // given a DL4J UI server on a free port receiving remote updates into an in-memory storage
        System.setProperty("org.deeplearning4j.ui.port", "0");
        org.deeplearning4j.ui.api.UIServer ui = org.deeplearning4j.ui.api.UIServer.getInstance();
        try {
            InMemoryStatsStorage received = new InMemoryStatsStorage();
            ui.enableRemoteListener(received, true);
            org.deeplearning4j.core.storage.impl.RemoteUIStatsStorageRouter router =
                    new org.deeplearning4j.core.storage.impl.RemoteUIStatsStorageRouter("http://localhost:"
                            + ui.getPort());
            // when a listener posts through DL4J's remote router (HTTP, asynchronous, retried)
            List<ChaosReport> reports = trainWith(new ChaosListener.Builder().frequency(1).exponents(3).steps(100)
                    .sessionId("remote").storageRouter(router).build(), 3);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<Persistable> updates = List.of();
            while (System.nanoTime() < deadline) {
                updates = received.getAllUpdatesAfter("remote", ChaosRecord.TYPE_ID, "worker-0", 0);
                if (updates.size() == reports.size()) {
                    break;
                }
                Thread.sleep(50);
            }
            // then the server rebuilt every record by class name, with nothing lost or duplicated
            assertEquals(reports.size(), updates.size());
            for (int i = 0; i < reports.size(); i++) {
                assertEquals(reports.get(i), ((ChaosReportRecord) updates.get(i)).report());
            }
            assertTrue(received.getStaticInfo("remote", ChaosRecord.TYPE_ID, "worker-0")
                    instanceof ChaosStaticInfoRecord);
        } finally {
            ui.stop();
            System.clearProperty("org.deeplearning4j.ui.port");
        }
    }

    @Test
    void sameSessionAsTakesTheSessionAndWorkerOfDl4jsStatsListener() {
        StatsListener stats = new StatsListener(new InMemoryStatsStorage());
        ChaosListener listener = new ChaosListener.Builder().sameSessionAs(stats).build();
        assertEquals(stats.getSessionID(), listener.getSessionID());
        assertEquals(stats.getWorkerID(), listener.getWorkerID());
    }

    @Test
    void recordCodecRoundTripsEveryField() throws Exception {
        List<ChaosReport> reports = trainWith(new ChaosListener.Builder().frequency(1).exponents(3).steps(100)
                .build(), 1);
        ChaosReportRecord record = new ChaosReportRecord("s", "w", 123, reports.get(0), new RegimeSnapshot(
                Map.of("layer0", Set.of(Regime.CHAOTIC, Regime.EXPLODING), "model", Set.of()),
                List.of(Alert.diverged("NaN <b>", 7)), 0.02, 12));
        ChaosReportRecord decoded = new ChaosReportRecord();
        decoded.decode(record.encode());
        assertEquals(record, decoded);
        assertEquals(Set.of(Regime.CHAOTIC, Regime.EXPLODING), decoded.regimes().held().get("layer0"));
        assertTrue(decoded.regimes().fired().get(0).message().contains("(NaN <b>)"));
        assertEquals(record.encodingLengthBytes(), record.encode().length);
    }

    @Test
    void decoderRejectsRandomAndTruncatedBytesWithAClearError() throws Exception {
        ChaosReportRecord record = new ChaosReportRecord("s", "w", 1, trainWith(new ChaosListener.Builder()
                .frequency(1).exponents(2).steps(50).build(), 1).get(0), new RegimeSnapshot(
                Map.of("layer0", Set.of(Regime.ORDERED)), List.of(), 0.01, 10));
        byte[] valid = record.encode();
        Random random = new Random(1);
        for (int trial = 0; trial < 2_000; trial++) {
            byte[] bytes;
            if (trial % 2 == 0) {
                bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                if (bytes.length > 0) {
                    bytes[0] = valid[0];
                }
            } else {
                bytes = java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            }
            byte[] input = bytes;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ChaosReportRecord().decode(input), "trial " + trial);
            assertTrue(e.getMessage().startsWith("malformed"), e.getMessage());
        }
    }

    @Test
    void exportersWriteOneCsvRowPerLayerAndOneJsonLinePerReport(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("out/chaos.csv");
        Path json = dir.resolve("out/chaos.jsonl");
        List<ChaosReport> reports = trainWith(new ChaosListener.Builder().frequency(1).exponents(3).steps(100)
                .exporter(ReportExporter.csv(csv)).exporter(ReportExporter.jsonLines(json)).build(), 2);
        List<String> rows = Files.readAllLines(csv);
        assertEquals(CsvReportExporter.HEADER, rows.get(0));
        assertEquals(1 + reports.size(), rows.size());
        String[] first = rows.get(1).split(",");
        assertEquals("0", first[0]);
        assertEquals("OK", first[3]);
        assertEquals("layer0", first[5]);
        assertEquals("", first[18], "64 units: no scrambling test");
        assertEquals(3, first[20].split(" ").length, rows.get(1));
        List<String> lines = Files.readAllLines(json);
        assertEquals(reports.size(), lines.size());
        assertEquals(reports.get(0), ReportJson.mapper().readValue(lines.get(0), ChaosReport.class));
    }

    /** Reopens a FileStatsStorage in a fresh JVM and prints its reports as JSON lines. */
    public static final class StoredReportsPrinter {
        public static void main(String[] args) throws Exception {
            StatsStorage storage = new FileStatsStorage(new File(args[0]));
            for (Persistable p : storage.getAllUpdatesAfter(args[1], ChaosRecord.TYPE_ID, "worker-0", 0)) {
                System.out.println(ReportJson.mapper().writeValueAsString(((ChaosReportRecord) p).report()));
            }
            storage.close();
        }
    }
}
