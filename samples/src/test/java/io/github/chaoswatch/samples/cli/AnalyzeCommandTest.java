package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.init.OrthogonalInit;
import io.github.chaoswatch.init.ScaledGaussianInit;
import io.github.chaoswatch.samples.OneLayerNetwork;
import io.github.chaoswatch.samples.RecurrentLayerType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code chaoswatch analyze} end to end on saved models. Expected signs come from mean field for tanh SimpleRnn
 * with Gaussian weights (docs/initializers.md): λ_MF = 0.310 nats/step at gain 3 and −0.693 at gain 0.5; a layer of
 * 64 units deviates by a few hundredths (measured at n = 256: 0.301 and −0.644), far less than the margins used.
 */
class AnalyzeCommandTest {

    /**
     * Units of the saved SimpleRnn: at 32 units a quarter of gain-3 networks settle on cycles (λ₁ ≤ 0, measured
     * with {@code chaoswatch init --size 32 --gain 3 --seeds 8}); at 64 finite-size effects are small.
     */
    private static final int UNITS = 64;

    /** Small but honest estimator settings: SE of λ₁ about 0.01 nats/step here. */
    private static final String[] FAST = {"--steps", "300", "--warmup-steps", "100", "--exponents", "4", "--json"};

    @TempDir
    Path dir;

    private Path saveSimpleRnn(double gain, String name) throws IOException {
        MultiLayerNetwork net = new OneLayerNetwork(RecurrentLayerType.SIMPLE_RNN, UNITS, 4, Activation.TANH,
                new ScaledGaussianInit(1), new ScaledGaussianInit(gain)).build(1);
        Path file = dir.resolve(name);
        net.save(file.toFile());
        return file;
    }

    private CliRun analyze(Path model, String... extra) {
        String[] args = new String[2 + FAST.length + extra.length + 2];
        args[0] = "analyze";
        args[1] = model.toString();
        System.arraycopy(FAST, 0, args, 2, FAST.length);
        System.arraycopy(extra, 0, args, 2 + FAST.length, extra.length);
        args[args.length - 2] = "--out";
        args[args.length - 1] = dir.resolve("report-" + model.getFileName()).toString();
        return CliRun.of(args);
    }

    @Test
    void chaoticSimpleRnnHasAPositiveLargestExponent() throws IOException {
        CliRun run = analyze(saveSimpleRnn(3, "chaotic.zip"));
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode layer = run.json().get("layers").get(0);
        assertEquals("layer0", layer.get("name").asText());
        assertEquals("SimpleRnn", layer.get("type").asText());
        assertEquals(UNITS, layer.get("stateSize").asInt());
        double max = layer.get("spectrum").get("max").asDouble();
        assertTrue(Double.isFinite(max) && max > 0.15, () -> "lambda1 = " + max + ", mean field 0.31");
        assertEquals(4, layer.get("spectrum").get("exponents").size());
        assertTrue(layer.get("spectrum").get("kaplanYorke").asDouble() > 1, run::toString);
        assertEquals("CHAOTIC", layer.get("regime").asText());
    }

    @Test
    void contractingSimpleRnnHasANegativeLargestExponent() throws IOException {
        CliRun run = analyze(saveSimpleRnn(0.5, "contracting.zip"));
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode layer = run.json().get("layers").get(0);
        double max = layer.get("spectrum").get("max").asDouble();
        assertTrue(Double.isFinite(max) && max < -0.4, () -> "lambda1 = " + max + ", mean field -0.69");
        assertEquals(0, layer.get("spectrum").get("kaplanYorke").asDouble());
        assertEquals("ORDERED", layer.get("regime").asText());
        assertEquals("ASYMPTOTIC", layer.get("scrambling").get("verdict").asText());
    }

    @Test
    void reportIsSelfContainedHtmlWithPlotsAndJson() throws IOException {
        Path model = saveSimpleRnn(3, "report.zip");
        CliRun run = analyze(model, "--random-inputs");
        assertEquals(0, run.exitCode(), run::toString);
        Path out = dir.resolve("report-report.zip");
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("data:image/png;base64,"), "plots are embedded");
        assertTrue(!html.contains("http://") && !html.contains("https://"), "no external resource");
        assertTrue(Files.size(out.resolve("spectrum-01-layer0.png")) > 1_000);
        JsonNode layer = run.json().get("layers").get(0);
        assertEquals(layer, io.github.chaoswatch.listeners.ReportJson.mapper().readTree(out.resolve("report.json")
                .toFile()).get("layers").get(0));
        assertTrue(layer.get("driven").get("spectrum").get("max").isNumber(), run::toString);
        assertEquals("random", run.json().get("inputs").asText());
    }

    @Test
    void drivenByCsvInputsAndComputationGraphLayersAreAnalysed() throws IOException {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                .graphBuilder().addInputs("in")
                .addLayer("lstm", RecurrentLayerType.LSTM.layer(8, Activation.TANH, new ScaledGaussianInit(1),
                        new OrthogonalInit(1)), "in")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nOut(1).build(), "lstm")
                .setOutputs("out").setInputTypes(InputType.recurrent(2)).build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        Path model = dir.resolve("graph.zip");
        graph.save(model.toFile());
        Path csv = dir.resolve("inputs.csv");
        StringBuilder rows = new StringBuilder("x1,x2\n");
        for (int t = 0; t < 50; t++) {
            rows.append(Math.sin(0.3 * t)).append(',').append(Math.cos(0.7 * t)).append('\n');
        }
        Files.writeString(csv, rows.toString());
        CliRun run = analyze(model, "--inputs", csv.toString());
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode layer = run.json().get("layers").get(0);
        assertEquals("ComputationGraph", run.json().get("modelType").asText());
        assertEquals("lstm", layer.get("name").asText());
        assertEquals(16, layer.get("stateSize").asInt(), "an LSTM state is (h, c)");
        // Orthogonal gain 1 with forget bias 1 is ordered or at the edge, never chaotic (docs/initializers.md).
        assertTrue(layer.get("driven").get("spectrum").get("max").asDouble() < 0.01, run::toString);
    }

    @Test
    void corruptZipIsAnInputError() throws IOException {
        Path model = dir.resolve("corrupt.zip");
        byte[] noise = new byte[4_096];
        Arrays.fill(noise, (byte) 0x5a);
        Files.write(model, noise);
        CliRun run = analyze(model);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("is not a readable zip"), run::toString);
        assertTrue(run.err().contains("save the model again"), run::toString);
    }

    @Test
    void truncatedModelIsAnInputError() throws IOException {
        Path whole = saveSimpleRnn(1, "whole.zip");
        byte[] bytes = Files.readAllBytes(whole);
        Path model = dir.resolve("truncated.zip");
        Files.write(model, Arrays.copyOf(bytes, bytes.length / 2));
        CliRun run = analyze(model);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("corrupt or truncated"), run::toString);
    }

    @Test
    void modelWithoutRecurrentLayerIsAnInputError() throws IOException {
        MultiLayerNetwork dense = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(4).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(4).nOut(1).build())
                .build());
        dense.init();
        Path model = dir.resolve("dense.zip");
        dense.save(model.toFile());
        CliRun run = analyze(model);
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no supported recurrent layer found (saw layer0 (DenseLayer)"), run::toString);
        assertTrue(run.err().contains("chaoswatch analyses SimpleRnn"), run::toString);
    }

    @Test
    void missingModelFileIsAnInputError() {
        CliRun run = analyze(dir.resolve("nothing.zip"));
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("does not exist"), run::toString);
    }
}
