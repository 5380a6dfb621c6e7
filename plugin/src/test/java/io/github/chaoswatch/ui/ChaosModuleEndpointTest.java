package io.github.chaoswatch.ui;

import io.github.chaoswatch.listeners.ChaosReport;
import io.github.chaoswatch.listeners.storage.ChaosRecord;
import io.github.chaoswatch.listeners.storage.ChaosStaticInfoRecord;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's JSON endpoints against a real UI server fed by real (short) training runs. */
class ChaosModuleEndpointTest {

    private static final int ITERATIONS = 6;

    private static RunningUi ui;
    private static RunningUi.Run chaotic;

    @BeforeAll
    static void trainAChaoticRun() throws Exception {
        ui = RunningUi.start();
        chaotic = ui.train(3, 0, ITERATIONS);
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void sessionsListTheRunWithItsWorkerAndReportCount() throws Exception {
        JsonNode sessions = RunningUi.parse(ui.get("/chaoswatch/api/sessions").body()).get("sessions");
        JsonNode worker = null;
        for (JsonNode s : sessions) {
            if (s.get("id").asText().equals(chaotic.session())) {
                worker = s.get("workers").get(0);
            }
        }
        assertTrue(worker != null, "session missing from " + sessions);
        assertEquals(chaotic.worker(), worker.get("id").asText());
        assertEquals(ITERATIONS, worker.get("reports").asInt());
    }

    @Test
    void reportsAreTheListenersReportsAndPollIncrementally() throws Exception {
        List<ChaosReport> expected = chaotic.listener().reports();
        JsonNode all = ui.api("reports", chaotic, "").get("reports");
        assertEquals(expected.size(), all.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode layer = all.get(i).get("report").get("layers").get(0);
            assertEquals(expected.get(i).iteration(), all.get(i).get("report").get("iteration").asLong());
            assertEquals(expected.get(i).layers().get(0).max(), layer.get("exponents").get(0).asDouble(), 1e-15);
            assertEquals(6, layer.get("exponents").size());
            assertEquals("NATS_PER_STEP", layer.get("unit").asText());
        }
        long third = expected.get(2).iteration();
        JsonNode after = ui.api("reports", chaotic, "&since=" + third).get("reports");
        assertEquals(expected.size() - 3, after.size());
        assertTrue(after.get(0).get("report").get("iteration").asLong() > third);
        assertEquals(0, ui.api("reports", chaotic, "&since=" + expected.get(expected.size() - 1).iteration())
                .get("reports").size());
        long thirdStored = expected.get(2).timestampMillis();
        JsonNode afterThird = ui.api("reports", chaotic, "&after=" + thirdStored).get("reports");
        assertEquals(expected.size() - 3, afterThird.size());
        assertEquals(expected.get(3).timestampMillis(), afterThird.get(0).get("report").get("timestampMillis")
                .asLong());
    }

    @Test
    void alertsShowTheChaoticRegimeHeldWithItsActiveAlertAndThresholds() throws Exception {
        JsonNode alerts = ui.api("alerts", chaotic, "");
        JsonNode held = alerts.get("held").get("layer0");
        assertTrue(held.toString().contains("CHAOTIC"), held.toString());
        JsonNode active = alerts.get("active");
        assertTrue(active.size() >= 1, alerts.toString());
        JsonNode first = active.get(0);
        assertEquals("layer0", first.get("layer").asText());
        assertTrue(first.get("message").asText().contains("Try:"), first.toString());
        assertTrue(first.get("exponentNats").asDouble() > 0.1, first.toString());
        assertEquals(0.01, alerts.get("epsilonNats").asDouble());
        assertEquals(10, alerts.get("toleranceFactor").asDouble());
        assertEquals(chaotic.listener().alerts().size(), alerts.get("recent").size());
    }

    @Test
    void scoresComeFromDl4jsStatsListenerOfTheSameRun() throws Exception {
        JsonNode scores = ui.api("scores", chaotic, "");
        assertEquals(chaotic.worker(), scores.get("statsWorker").asText());
        assertEquals(ITERATIONS, scores.get("scores").size());
        for (JsonNode point : scores.get("scores")) {
            assertTrue(Double.isFinite(point.get(1).asDouble()) && point.get(1).asDouble() > 0, point.toString());
        }
        assertEquals(2, ui.api("scores", chaotic, "&since=3").get("scores").size());
        long last = scores.get("lastTimestamp").asLong();
        assertEquals(0, ui.api("scores", chaotic, "&after=" + last).get("scores").size());
        assertEquals(last, ui.api("scores", chaotic, "&after=" + last).get("lastTimestamp").asLong());
    }

    @Test
    void infoDescribesTheModelAndTheListener() throws Exception {
        JsonNode info = ui.api("info", chaotic, "");
        assertEquals("org.deeplearning4j.nn.multilayer.MultiLayerNetwork", info.get("modelClass").asText());
        assertTrue(info.get("listenerSettings").asText().startsWith("ChaosListener["), info.toString());
        assertTrue(info.get("modelSummary").asText().contains("SimpleRnn"), info.toString());
    }

    @Test
    void pageAndAssetsAreServedWithSecurityHeaders() throws Exception {
        HttpResponse<String> page = ui.get("/chaoswatch");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
        assertTrue(page.body().contains("id=\"lambda-chart\""));
        HttpResponse<String> echarts = ui.get("/chaoswatch/assets/echarts.min.js");
        assertEquals(200, echarts.statusCode());
        assertTrue(echarts.body().length() > 500_000, "ECharts is " + echarts.body().length() + " chars");
        assertEquals("nosniff", echarts.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void badParametersAre400sAndUnknownThings404sWithAMessage() throws Exception {
        assertError(400, "/chaoswatch/api/reports", "'session' is required");
        assertError(400, "/chaoswatch/api/reports?session=x", "'worker' is required");
        assertError(400, "/chaoswatch/api/reports?" + RunningUi.query(chaotic) + "&since=abc", "'since' must be");
        assertError(400, "/chaoswatch/api/reports?" + RunningUi.query(chaotic) + "&since=-5", "'since' must be");
        assertError(400, "/chaoswatch/api/reports?" + RunningUi.query(chaotic) + "&after=-1", "'after' must be");
        assertError(400, "/chaoswatch/api/scores?session=" + "s".repeat(300) + "&worker=w", "at most 256");
        assertError(400, "/chaoswatch/api/alerts?session=a%0Ab&worker=w", "control characters");
        assertError(404, "/chaoswatch/api/reports?session=nobody&worker=w", "no chaoswatch records");
        assertError(404, "/chaoswatch/api/drop-tables", "no endpoint 'drop-tables'");
        assertError(404, "/chaoswatch/assets/ChaosModule.class", "no asset");
        assertError(404, "/chaoswatch/assets/..%2F..%2Fchaoswatch%2Fchaoswatch.js", "no asset");
    }

    @Test
    void nothingWrites() throws Exception {
        int before = ui.storage.getNumUpdateRecordsFor(chaotic.session());
        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            HttpResponse<String> response = ui.send(HttpRequest.newBuilder(URI.create(ui.url(
                    "/chaoswatch/api/reports?" + RunningUi.query(chaotic)))).method(method,
                    HttpRequest.BodyPublishers.ofString("{}")));
            assertTrue(response.statusCode() >= 400, method + " answered " + response.statusCode());
        }
        assertEquals(before, ui.storage.getNumUpdateRecordsFor(chaotic.session()));
    }

    @Test
    void aFileStorageReopenedLaterShowsTheSameReports(@TempDir Path dir) throws Exception {
        File file = dir.resolve("run.dl4j").toFile();
        FileStatsStorage writing = new FileStatsStorage(file);
        RunningUi.Run run = RunningUi.train(writing, 0.5, 0, 4);
        writing.close();
        FileStatsStorage reopened = new FileStatsStorage(file);
        ui.server.attach(reopened);
        try {
            JsonNode reports = ui.api("reports", run, "").get("reports");
            assertEquals(run.listener().reports().size(), reports.size());
            assertTrue(reports.get(0).get("report").get("layers").get(0).get("exponents").get(0).asDouble() < 0);
        } finally {
            ui.server.detach(reopened);
            reopened.close();
        }
    }

    @Test
    void anUnreadableStoredRecordGivesAnErrorAndTheServerKeepsRunning(@TempDir Path dir) throws Exception {
        FileStatsStorage damaged = new FileStatsStorage(dir.resolve("damaged.dl4j").toFile());
        RunningUi.Run broken = new RunningUi.Run("damaged-session", "w0", null);
        // a file-backed storage lists a session once it has static info
        damaged.putStaticInfo(new ChaosStaticInfoRecord(broken.session(), broken.worker(), 1, "model", "", "", "",
                "test"));
        damaged.putUpdate(new UndecodableRecord(broken.session(), broken.worker()));
        ui.server.attach(damaged);
        try {
            HttpResponse<String> response = ui.get("/chaoswatch/api/reports?" + RunningUi.query(broken));
            assertEquals(500, response.statusCode());
            String error = RunningUi.parse(response.body()).get("error").asText();
            assertTrue(error.contains("could not read the stored records (IllegalArgumentException"), error);
            assertFalse(error.contains(dir.toString()), "no paths to remote readers: " + error);
            assertEquals(200, ui.get("/chaoswatch/api/sessions").statusCode());
            assertEquals(ITERATIONS, ui.api("reports", chaotic, "").get("reports").size());
        } finally {
            ui.server.detach(damaged);
            damaged.close();
        }
    }

    @Test
    void aDamagedFileIsAnErrorOnThePageWhileTheOtherRunsAreShown(@TempDir Path dir) throws Exception {
        File good = dir.resolve("good.dl4j").toFile();
        FileStatsStorage writing = new FileStatsStorage(good);
        RunningUi.Run run = RunningUi.train(writing, 0.5, 0, 2);
        writing.close();
        File damaged = dir.resolve("damaged.dl4j").toFile();
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        java.nio.file.Files.write(damaged.toPath(), junk);
        try (StatsFiles files = StatsFiles.attach(ui.server, damaged, good)) {
            assertEquals(1, files.storages().size());
            JsonNode errors = RunningUi.parse(ui.get("/chaoswatch/api/sessions").body()).get("errors");
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).asText().startsWith("could not open " + damaged), errors.toString());
            assertEquals(2, ui.api("reports", run, "").get("reports").size());
        }
        assertEquals(0, RunningUi.parse(ui.get("/chaoswatch/api/sessions").body()).get("errors").size());
    }

    private static void assertError(int status, String pathAndQuery, String messagePart) throws Exception {
        HttpResponse<String> response = ui.get(pathAndQuery);
        assertEquals(status, response.statusCode(), pathAndQuery + " -> " + response.body());
        String message = RunningUi.parse(response.body()).get("error").asText();
        assertTrue(message.contains(messagePart), pathAndQuery + " -> " + message);
        assertFalse(response.headers().firstValue("Content-Type").orElse("").contains("html"));
    }

    /** A record of the chaoswatch type whose stored bytes cannot be decoded (a damaged or foreign record). */
    public static final class UndecodableRecord implements Persistable {
        private static final long serialVersionUID = 1L;
        private String session = "";
        private String worker = "";

        /** For DL4J's decoder. */
        public UndecodableRecord() {
        }

        UndecodableRecord(String session, String worker) {
            this.session = session;
            this.worker = worker;
        }

        @Override
        public String getSessionID() {
            return session;
        }

        @Override
        public String getTypeID() {
            return ChaosRecord.TYPE_ID;
        }

        @Override
        public String getWorkerID() {
            return worker;
        }

        @Override
        public long getTimeStamp() {
            return 1;
        }

        @Override
        public int encodingLengthBytes() {
            return 1;
        }

        @Override
        public byte[] encode() {
            return new byte[] {42};
        }

        @Override
        public void encode(ByteBuffer buffer) {
            buffer.put((byte) 42);
        }

        @Override
        public void encode(OutputStream outputStream) throws java.io.IOException {
            outputStream.write(42);
        }

        @Override
        public void decode(byte[] decode) {
            throw new IllegalArgumentException("malformed record");
        }

        @Override
        public void decode(ByteBuffer buffer) {
            throw new IllegalArgumentException("malformed record");
        }

        @Override
        public void decode(InputStream inputStream) {
            throw new IllegalArgumentException("malformed record");
        }
    }
}
