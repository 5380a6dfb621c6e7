package io.github.chaoswatch.listeners;

import io.github.chaoswatch.dynamics.Dynamics;
import io.github.chaoswatch.dynamics.ModelDynamics;
import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.lyapunov.Drive;
import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listener during real training (issue #5, item 8). */
class ChaosListenerTest {

    /** Trains {@code iterations} single-batch fits, waiting for the analysis after each so every round runs. */
    static void train(MultiLayerNetwork net, ChaosListener listener, int iterations) throws InterruptedException {
        DataSet data = TrainingFixtures.batch(3);
        for (int i = 0; i < iterations; i++) {
            net.fit(data);
            assertTrue(listener.awaitIdle(Duration.ofSeconds(60)), "analysis did not finish");
        }
    }

    private static ChaosListener.Builder fast() {
        return new ChaosListener.Builder().frequency(1).exponents(4).steps(300).warmupSteps(100).trajectories(4);
    }

    @Test
    void chaoticNetworkRaisesChaoticWithinPatience() throws Exception {
        List<Alert> received = new ArrayList<>();
        ChaosListener listener = fast().alertPolicy(new AlertPolicy.Builder().sink(received::add).build()).build();
        MultiLayerNetwork net = TrainingFixtures.network(3, 0, 1);
        net.setListeners(listener);
        train(net, listener, 4);
        listener.close();
        assertEquals(0, listener.skippedRounds());
        assertTrue(listener.reports().size() >= 3, listener.reports().toString());
        Alert chaotic = received.stream().filter(a -> a.regime() == Regime.CHAOTIC).findFirst().orElseThrow(
                () -> new AssertionError("no CHAOTIC alert in " + received + " reports " + listener.reports()));
        // Patience 3: the third consecutive chaotic report fires it.
        assertEquals(chaotic.sinceIteration() + 2, chaotic.iteration());
        assertTrue(chaotic.exponentNats() > 0.05, chaotic.message());
        assertTrue(chaotic.message().contains("Try: lower the recurrent gain"), chaotic.message());
    }

    @Test
    void orderedNetworkRaisesNoChaoticAlert() throws Exception {
        ChaosListener listener = fast().build();
        MultiLayerNetwork net = TrainingFixtures.network(0.5, 0, 2);
        net.setListeners(listener);
        train(net, listener, 4);
        listener.close();
        assertTrue(listener.alerts().stream().noneMatch(a -> a.regime() == Regime.CHAOTIC), listener.alerts()
                .toString());
        assertTrue(listener.reports().stream().allMatch(r -> r.maxExponentNats().orElseThrow() < 0),
                listener.reports().toString());
        assertTrue(listener.currentRegimes().get("layer0").contains(Regime.ORDERED), listener.currentRegimes()
                .toString());
    }

    @Test
    void reportMatchesADirectEstimateOnTheSameParametersAndProbe() throws Exception {
        // given a listener with a fixed probe, after one analysed iteration
        DataSet data = TrainingFixtures.batch(4);
        INDArray probe = data.getFeatures();
        ChaosListener listener = fast().probe(probe).stacks(false).build();
        MultiLayerNetwork net = TrainingFixtures.network(1.5, 1e-3, 3);
        net.setListeners(listener);
        net.fit(data);
        assertTrue(listener.awaitIdle(Duration.ofSeconds(60)));
        listener.close();
        // when the same estimate is run directly on the trained parameters
        ModelDynamics model = Dynamics.of(net);
        RecurrentDynamics layer = model.layers().get(0);
        LyapunovSpectrum direct = new SpectrumEstimator.Builder(300).exponents(4).warmupSteps(100).trajectories(4)
                .seed(42).build().estimate(layer, Drive.of(model.drivingInputs(layer, probe)));
        // then the report holds exactly those exponents
        ChaosReport report = listener.latestReport().orElseThrow();
        assertEquals(ChaosReport.Status.OK, report.status(), report.message());
        assertArrayEquals(direct.exponents(), report.layers().get(0).exponents(), 0);
        assertEquals(40, report.layers().get(0).horizonSteps());
    }

    @Test
    void failingAnalysisNeverBreaksFit() throws Exception {
        ChaosListener listener = fast().layers("no-such-layer").build();
        MultiLayerNetwork net = TrainingFixtures.network(1, 1e-3, 4);
        net.setListeners(listener);
        train(net, listener, 3);
        listener.close();
        List<ChaosReport> reports = listener.reports();
        assertEquals(3, reports.size());
        assertTrue(reports.stream().allMatch(r -> r.status() == ChaosReport.Status.FAILED), reports.toString());
        assertTrue(reports.get(0).message().contains("no-such-layer"), reports.get(0).message());
    }

    @Test
    void failFastRethrowsTheAnalysisFailureIntoFit() throws Exception {
        ChaosListener listener = fast().layers("no-such-layer").failFast().build();
        MultiLayerNetwork net = TrainingFixtures.network(1, 1e-3, 5);
        net.setListeners(listener);
        net.fit(TrainingFixtures.batch(1));
        assertTrue(listener.awaitIdle(Duration.ofSeconds(60)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.fit(TrainingFixtures.batch(1)));
        assertTrue(e.getMessage().contains("failFast"), e.getMessage());
        listener.close();
    }

    @Test
    void nonFiniteParametersGiveADivergedReportAndTrainingContinues() throws Exception {
        ChaosListener listener = fast().build();
        MultiLayerNetwork net = TrainingFixtures.network(1, 1e-3, 6);
        net.setListeners(listener);
        net.getLayer(0).getParam("RW").putScalar(0, 0, Double.NaN);
        train(net, listener, 2);
        listener.close();
        ChaosReport report = listener.reports().get(0);
        assertEquals(ChaosReport.Status.DIVERGED, report.status());
        assertEquals("non-finite parameters", report.message());
        assertTrue(listener.alerts().stream().anyMatch(a -> a.regime() == Regime.DIVERGED));
    }

    @Test
    void trainingIsBitIdenticalWithAndWithoutTheListener() throws Exception {
        MultiLayerNetwork plain = TrainingFixtures.network(1.5, 1e-2, 7);
        MultiLayerNetwork watched = TrainingFixtures.network(1.5, 1e-2, 7);
        ChaosListener listener = fast().build();
        watched.setListeners(listener);
        DataSet data = TrainingFixtures.batch(5);
        for (int i = 0; i < 6; i++) {
            plain.fit(data);
            watched.fit(data);
        }
        assertTrue(listener.awaitIdle(Duration.ofSeconds(60)));
        listener.close();
        assertFalse(listener.reports().isEmpty());
        assertArrayEquals(plain.params().toDoubleVector(), watched.params().toDoubleVector(), 0);
    }

    @Test
    void busyWorkerSkipsRoundsInsteadOfQueueing() throws Exception {
        // Analysis of 20 000 steps is far slower than an iteration: most rounds must be skipped, none queued.
        ChaosListener listener = new ChaosListener.Builder().frequency(1).exponents(4).steps(20_000).build();
        MultiLayerNetwork net = TrainingFixtures.network(1, 1e-3, 8);
        net.setListeners(listener);
        DataSet data = TrainingFixtures.batch(6);
        for (int i = 0; i < 20; i++) {
            net.fit(data);
        }
        assertTrue(listener.awaitIdle(Duration.ofSeconds(120)));
        listener.close();
        long analysed = listener.reports().size();
        assertEquals(20, analysed + listener.skippedRounds());
        assertTrue(listener.skippedRounds() > 0, "skipped " + listener.skippedRounds());
    }

    @Test
    void computationGraphIsAnalysedLayerByLayer() throws Exception {
        org.deeplearning4j.nn.conf.ComputationGraphConfiguration conf =
                new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().seed(1)
                        .dataType(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                        .updater(new org.nd4j.linalg.learning.config.Sgd(1e-3)).graphBuilder().addInputs("in")
                        .addLayer("rnn", new org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn.Builder()
                                .nIn(TrainingFixtures.INPUTS).nOut(16)
                                .activation(org.nd4j.linalg.activations.Activation.TANH).build(), "in")
                        .addLayer("out", new org.deeplearning4j.nn.conf.layers.RnnOutputLayer.Builder(
                                org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction.MSE)
                                .activation(org.nd4j.linalg.activations.Activation.IDENTITY).nIn(16).nOut(1).build(),
                                "rnn")
                        .setOutputs("out").setInputTypes(org.deeplearning4j.nn.conf.inputs.InputType.recurrent(
                                TrainingFixtures.INPUTS)).build();
        org.deeplearning4j.nn.graph.ComputationGraph graph = new org.deeplearning4j.nn.graph.ComputationGraph(conf);
        graph.init();
        ChaosListener listener = fast().build();
        graph.setListeners(listener);
        DataSet data = TrainingFixtures.batch(8);
        for (int i = 0; i < 2; i++) {
            graph.fit(data);
            assertTrue(listener.awaitIdle(Duration.ofSeconds(60)));
        }
        listener.close();
        assertEquals(2, listener.reports().size());
        for (ChaosReport r : listener.reports()) {
            assertEquals(ChaosReport.Status.OK, r.status(), r.message());
            assertEquals("rnn", r.layers().get(0).name());
            assertEquals(40, r.layers().get(0).horizonSteps(), "full BPTT: the sequence length");
            assertTrue(r.layers().get(0).scramblingVerdict().isPresent(), "16 units: scrambling tested");
        }
    }

    @Test
    void truncatedBpttLengthIsTheGradientHorizon() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(TrainingFixtures.network(1.5, 1e-3, 12)
                .getLayerWiseConfigurations().clone());
        net.getLayerWiseConfigurations().setBackpropType(org.deeplearning4j.nn.conf.BackpropType.TruncatedBPTT);
        net.getLayerWiseConfigurations().setTbpttFwdLength(10);
        net.getLayerWiseConfigurations().setTbpttBackLength(10);
        net.init();
        ChaosListener listener = fast().build();
        net.setListeners(listener);
        net.fit(TrainingFixtures.batch(9));
        assertTrue(listener.awaitIdle(Duration.ofSeconds(60)));
        listener.close();
        ChaosReport report = listener.latestReport().orElseThrow();
        assertEquals(ChaosReport.Status.OK, report.status(), report.message());
        assertEquals(10, report.layers().get(0).horizonSteps());
    }

    @Test
    void layersSmallerThanTheExponentCountReportAllTheirExponents() throws Exception {
        // A SimpleRnn(3) with the default of 8 exponents: every round OK, with the 3 exponents it has.
        MultiLayerNetwork net = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
                .seed(3).dataType(org.nd4j.linalg.api.buffer.DataType.DOUBLE).list()
                .layer(new org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn.Builder().nOut(3)
                        .activation(org.nd4j.linalg.activations.Activation.TANH).build())
                .layer(new org.deeplearning4j.nn.conf.layers.RnnOutputLayer.Builder(
                        org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction.MSE)
                        .activation(org.nd4j.linalg.activations.Activation.IDENTITY).nOut(1).build())
                .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.recurrent(TrainingFixtures.INPUTS))
                .build());
        net.init();
        ChaosListener listener = new ChaosListener.Builder().frequency(1).build();
        net.setListeners(listener);
        train(net, listener, 1);
        listener.close();
        ChaosReport report = listener.latestReport().orElseThrow();
        assertEquals(ChaosReport.Status.OK, report.status(), report.message());
        assertEquals(3, report.layers().get(0).exponents().length);
    }

    @Test
    void reportsSurviveJavaSerialization() throws Exception {
        ChaosListener listener = fast().build();
        MultiLayerNetwork net = TrainingFixtures.network(3, 0, 13);
        net.setListeners(listener);
        train(net, listener, 1);
        listener.close();
        io.github.chaoswatch.listeners.storage.ChaosReportRecord record =
                new io.github.chaoswatch.listeners.storage.ChaosReportRecord("s", "w", 1, listener.reports().get(0),
                        new RegimeSnapshot(listener.currentRegimes(), List.of(Alert.diverged("test", 1)), 0.01, 10));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(record);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(record, in.readObject());
        }
    }

    @Test
    void paddedTrainingSequencesAreNotUsedAsProbes() throws Exception {
        // given a minibatch whose first 4 sequences are padded after step 30 (feature mask), the other 4 complete
        DataSet data = TrainingFixtures.batch(10);
        INDArray mask = org.nd4j.linalg.factory.Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 8, 40);
        mask.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(30, 40)).assign(0);
        data.setFeaturesMaskArray(mask);
        data.setLabelsMaskArray(mask);
        ChaosListener complete = fast().build();
        MultiLayerNetwork net = TrainingFixtures.network(1.5, 0, 14);
        net.setListeners(complete);
        net.fit(data);
        assertTrue(complete.awaitIdle(Duration.ofSeconds(60)));
        complete.close();
        // then only the complete sequences drive the analysis (the horizon is their length, 40)
        assertEquals(40, complete.latestReport().orElseThrow().layers().get(0).horizonSteps());
        // and when every sequence is padded, all are cut to the shortest unmasked prefix
        mask.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 8),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(35, 40)).assign(0);
        ChaosListener cut = fast().build();
        MultiLayerNetwork other = TrainingFixtures.network(1.5, 0, 15);
        other.setListeners(cut);
        other.fit(data);
        assertTrue(cut.awaitIdle(Duration.ofSeconds(60)));
        cut.close();
        assertEquals(30, cut.latestReport().orElseThrow().layers().get(0).horizonSteps());
    }

    @Test
    void buildRejectsAConfigurationThatWouldNeverAnalyse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new ChaosListener.Builder().frequency(0).exponents(0).steps(5).build());
        assertTrue(e.getMessage().contains("frequency = 0 without everyEpoch(true) would never analyse"),
                e.getMessage());
        assertTrue(e.getMessage().contains("exponents = 0 must be >= 1"), e.getMessage());
        assertTrue(e.getMessage().contains("steps = 5 must be >= 10"), e.getMessage());
    }

    @Test
    void listenerSurvivesJavaSerializationWithItsSettings() throws Exception {
        ChaosListener listener = fast().sessionId("serial").build();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(listener);
        }
        ChaosListener copy;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ChaosListener) in.readObject();
        }
        assertEquals(listener.toString(), copy.toString());
        MultiLayerNetwork net = TrainingFixtures.network(3, 0, 9);
        net.setListeners(copy);
        train(net, copy, 1);
        copy.close();
        assertEquals(1, copy.reports().size());
    }
}
