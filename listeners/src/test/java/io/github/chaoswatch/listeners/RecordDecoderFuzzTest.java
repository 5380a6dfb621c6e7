package io.github.chaoswatch.listeners;

import io.github.chaoswatch.listeners.storage.ChaosRecord;
import io.github.chaoswatch.listeners.storage.ChaosReportRecord;
import io.github.chaoswatch.listeners.storage.ChaosStaticInfoRecord;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.ui.api.UIServer;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The record decoder against mutated valid encodings (issue 8, item 6): bit flips, bytes and 4-byte length fields
 * overwritten with huge, negative or random values, truncations. Each input decodes cleanly or fails with an
 * {@link IllegalArgumentException} saying "malformed"; nothing else is thrown, nothing hangs, nothing allocates
 * without bound (a hard timeout and the test JVM's 4 GB heap would catch it). The DL4J UI's remote receiver fed such
 * bytes stays up and stores nothing.
 */
class RecordDecoderFuzzTest {

    /** Mutated inputs per record class: seeded, so a failure is replayable by its trial number. */
    private static final int TRIALS = 10_000;

    private static byte[] reportBytes;
    private static byte[] staticInfoBytes;

    @BeforeAll
    static void validEncodings() throws Exception {
        ChaosListener listener = new ChaosListener.Builder().frequency(1).exponents(3).steps(50).build();
        MultiLayerNetwork net = TrainingFixtures.network(3, 0, 41);
        net.setListeners(listener);
        ChaosListenerTest.train(net, listener, 1);
        listener.close();
        ChaosReportRecord report = new ChaosReportRecord("session", "worker", 7, listener.reports().get(0),
                new RegimeSnapshot(Map.of("layer0", Set.of(Regime.CHAOTIC)), List.of(Alert.diverged("x", 3)),
                        0.01, 10));
        reportBytes = report.encode();
        staticInfoBytes = new ChaosStaticInfoRecord("session", "worker", 8, "MultiLayerNetwork", "summary",
                "{\"json\": 1}", "settings", "0.1").encode();
    }

    @Test
    void mutatedReportRecordsDecodeOrFailAsMalformed() {
        fuzz(reportBytes, ChaosReportRecord::new, 1);
    }

    @Test
    void mutatedStaticInfoRecordsDecodeOrFailAsMalformed() {
        fuzz(staticInfoBytes, ChaosStaticInfoRecord::new, 2);
    }

    private static void fuzz(byte[] valid, Supplier<ChaosRecord> fresh, long seed) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Random random = new Random(seed);
            int clean = 0;
            for (int trial = 0; trial < TRIALS; trial++) {
                byte[] bytes = mutate(valid, random, trial);
                try {
                    if (trial % 2 == 0) {
                        fresh.get().decode(bytes);
                    } else {
                        fresh.get().decode(ByteBuffer.wrap(bytes));
                    }
                    clean++;
                } catch (IllegalArgumentException e) {
                    if (e.getMessage() == null || !e.getMessage().startsWith("malformed")) {
                        fail("trial " + trial + ": unclear message", e);
                    }
                } catch (RuntimeException | Error e) {
                    fail("trial " + trial + ": " + e, e);
                }
            }
            // Some mutations only touch doubles or string contents: those decode (the codec has no checksum).
            assertTrue(clean > 0 && clean < TRIALS, "clean decodes " + clean);
        });
    }

    private static byte[] mutate(byte[] valid, Random random, int trial) {
        byte[] bytes = valid.clone();
        switch (trial % 5) {
            case 0 -> { // flip 1 to 4 bits
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    int bit = random.nextInt(bytes.length * 8);
                    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
                }
            }
            case 1 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            case 2 -> { // a 4-byte window (a length or count field, somewhere) set huge, negative or random
                int at = random.nextInt(bytes.length - 3);
                int value = switch (random.nextInt(5)) {
                    case 0 -> Integer.MAX_VALUE;
                    case 1 -> Integer.MIN_VALUE;
                    case 2 -> -1;
                    case 3 -> 1 << (16 + random.nextInt(15));
                    default -> random.nextInt();
                };
                ByteBuffer.wrap(bytes).putInt(at, value);
            }
            case 3 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            default -> { // a valid prefix followed by random bytes
                int keep = random.nextInt(bytes.length);
                byte[] tail = new byte[random.nextInt(64)];
                random.nextBytes(tail);
                bytes = java.util.Arrays.copyOf(bytes, keep + tail.length);
                System.arraycopy(tail, 0, bytes, keep, tail.length);
            }
        }
        return bytes;
    }

    @Test
    void remoteReceiverStoresNothingMalformedAndStaysUp() throws Exception {
        // given a DL4J UI server receiving remote updates on a free loopback port
        System.setProperty("org.deeplearning4j.ui.port", "0");
        UIServer ui = UIServer.getInstance();
        try {
            InMemoryStatsStorage received = new InMemoryStatsStorage();
            ui.enableRemoteListener(received, true);
            String url = "http://localhost:" + ui.getPort() + "/remoteReceive";
            String reportClass = ChaosReportRecord.class.getName();
            byte[] truncated = java.util.Arrays.copyOf(reportBytes, reportBytes.length / 2);
            byte[] lengthHuge = reportBytes.clone();
            ByteBuffer.wrap(lengthHuge).putInt(1, Integer.MAX_VALUE);
            // when malformed records are posted as RemoteUIStatsStorageRouter posts records (JSON, base64 bytes)
            for (String body : List.of(post("Update", reportClass, truncated), post("Update", reportClass, lengthHuge),
                    post("Update", reportClass, new byte[0]), post("StaticInfo", ChaosStaticInfoRecord.class.getName(),
                            truncated), post("Update", "java.lang.String", reportBytes),
                    "{\"type\":\"Update\",\"class\":\"" + reportClass + "\",\"data\":\"%%% not base64\"}",
                    "{\"type\":\"Update\"}", "{not json")) {
                int status = send(url, body);
                // DL4J answers 200 for a record it skipped (logged), 400 for a body without the three fields;
                // any answer at all shows the server is up
                assertTrue(status == 200 || status == 400 || status == 500, "status " + status + " for " + body);
            }
            // then nothing was stored, and a valid record still goes through
            assertTrue(received.listSessionIDs().isEmpty(), received.listSessionIDs().toString());
            assertEquals(200, send(url, post("Update", reportClass, reportBytes)));
            List<Persistable> stored = received.getAllUpdatesAfter("session", ChaosRecord.TYPE_ID, "worker", 0);
            assertEquals(1, stored.size());
            ChaosReportRecord expected = new ChaosReportRecord();
            expected.decode(reportBytes);
            assertEquals(expected, stored.get(0));
        } finally {
            ui.stop();
            System.clearProperty("org.deeplearning4j.ui.port");
        }
    }

    private static String post(String type, String className, byte[] data) {
        return "{\"type\":\"" + type + "\",\"class\":\"" + className + "\",\"data\":\""
                + Base64.getEncoder().encodeToString(data) + "\"}";
    }

    private static int send(String url, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        connection.disconnect();
        return status;
    }
}
