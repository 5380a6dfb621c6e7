package io.github.chaoswatch.ui;

import io.github.chaoswatch.listeners.ChaosListener;
import io.github.chaoswatch.listeners.TrainingFixtures;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.ui.api.UIServer;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DL4J UI on a free port with an in-memory storage attached, and short training runs posted into it. */
final class RunningUi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final UIServer server;
    final InMemoryStatsStorage storage = new InMemoryStatsStorage();
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningUi() {
        System.setProperty("org.deeplearning4j.ui.port", "0");
        server = UIServer.getInstance();
        server.attach(storage);
    }

    static RunningUi start() {
        return new RunningUi();
    }

    /** A finished run: its storage ids and its listener. */
    record Run(String session, String worker, ChaosListener listener) {
    }

    /**
     * Trains {@link TrainingFixtures#network} at {@code gain} (learning rate {@code learningRate}) for
     * {@code iterations} with DL4J's StatsListener and a ChaosListener analysing every iteration, both into
     * {@code target}.
     */
    static Run train(StatsStorage target, double gain, double learningRate, int iterations) throws Exception {
        MultiLayerNetwork net = TrainingFixtures.network(gain, learningRate, 11);
        StatsListener stats = new StatsListener(target, 1);
        ChaosListener chaos = new ChaosListener.Builder().frequency(1).exponents(6).steps(300).warmupSteps(100)
                .trajectories(4).storageRouter(target).sameSessionAs(stats).build();
        net.setListeners(stats, chaos);
        DataSet data = TrainingFixtures.batch(3);
        for (int i = 0; i < iterations; i++) {
            net.fit(data);
            assertTrue(chaos.awaitIdle(Duration.ofSeconds(60)), "analysis did not finish");
        }
        chaos.close();
        return new Run(chaos.getSessionID(), chaos.getWorkerID(), chaos);
    }

    Run train(double gain, double learningRate, int iterations) throws Exception {
        return train(storage, gain, learningRate, iterations);
    }

    String url(String pathAndQuery) {
        return "http://localhost:" + server.getPort() + pathAndQuery;
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs an API endpoint with the run's session and worker (URL-encoded) and parses the JSON. */
    JsonNode api(String endpoint, Run run, String extraQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/chaoswatch/api/" + endpoint + "?" + query(run) + extraQuery);
        assertTrue(response.statusCode() == 200, endpoint + ": " + response.statusCode() + " " + response.body());
        return JSON.readTree(response.body());
    }

    static JsonNode parse(String body) throws IOException {
        return JSON.readTree(body);
    }

    static String query(Run run) {
        return "session=" + encode(run.session()) + "&worker=" + encode(run.worker());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            System.clearProperty("org.deeplearning4j.ui.port");
        }
    }
}
