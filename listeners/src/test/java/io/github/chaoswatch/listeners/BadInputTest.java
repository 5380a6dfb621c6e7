package io.github.chaoswatch.listeners;

import io.github.chaoswatch.listeners.storage.ChaosRecord;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.time.Duration;
import java.util.List;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input (issue 8, item 1): configuration that is wrong without a model fails in {@code build()} with every
 * problem and the call that fixes it; problems that need the model become FAILED reports with one WARN line while
 * training goes on (or reach {@code fit()} with failFast); non-finite values give DIVERGED.
 */
class BadInputTest {

    private static final String FAILURE_LOG = "chaoswatch analysis failed at iteration";

    private static ChaosListener.Builder quick() {
        return new ChaosListener.Builder().frequency(1).exponents(2).steps(60).warmupSteps(20).trajectories(2);
    }

    /** Trains {@code iterations} fits of {@code data}, waiting for each round; returns the parameters after. */
    private static INDArray train(MultiLayerNetwork net, ChaosListener listener, DataSet data, int iterations)
            throws InterruptedException {
        for (int i = 0; i < iterations; i++) {
            net.fit(data);
            assertTrue(listener.awaitIdle(Duration.ofSeconds(60)), "analysis did not finish");
        }
        return net.params().dup();
    }

    @Test
    void buildListsEveryInvalidSettingWithTheCallThatFixesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChaosListener.Builder()
                .frequency(-1).exponents(-2).steps(-5).warmupSteps(-1).trajectories(0).probeSequences(0).horizon(-3)
                .historySize(0).closeTimeout(Duration.ofSeconds(-1)).sessionId(" ").workerId("").build());
        String message = e.getMessage();
        for (String expected : List.of("frequency = -1 is negative; use frequency(n) with n >= 1",
                "exponents = -2 must be >= 1; use exponents(1)", "steps = -5 must be >= 10; use steps(400)",
                "warmupSteps = -1 must be >= 0; use warmupSteps(0)", "trajectories = 0 must be >= 1; use trajectories(4)",
                "probeSequences = 0 must be >= 1; use probeSequences(8)", "horizon = -3 must be >= 0; use horizon(0)",
                "historySize = 0 must be >= 1; use historySize(1)", "closeTimeout = PT-1S is negative",
                "sessionId is blank", "workerId is blank")) {
            assertTrue(message.contains(expected), "missing '" + expected + "' in: " + message);
        }
    }

    @Test
    void buildRejectsAProbeThatIsNotAFiniteSequenceBatch() {
        IllegalArgumentException rank2 = assertThrows(IllegalArgumentException.class,
                () -> quick().probe(Nd4j.zeros(DataType.DOUBLE, 3, 40)).build());
        assertTrue(rank2.getMessage().contains("probe has shape [3, 40]; it must be a sequence batch"
                + " [minibatch, nIn, time]: for one sequence x of shape [nIn, time] pass x.reshape(1, nIn, time)"),
                rank2.getMessage());
        INDArray withNaN = Nd4j.zeros(DataType.FLOAT, 2, 3, 10);
        withNaN.putScalar(new long[] {1, 2, 9}, Float.NaN);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> quick().probe(withNaN).build());
        assertTrue(nan.getMessage().contains("probe holds NaN or infinite values; pass finite probe sequences"),
                nan.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> quick().probe(Nd4j.zeros(DataType.DOUBLE, 2, 3, 0)).build());
        assertTrue(empty.getMessage().contains("holds no values"), empty.getMessage());
    }

    @Test
    void probeOfAnotherInputSizeGivesFailedReportsAndTrainingContinues() throws Exception {
        // given a model with 3 inputs and a probe with 5
        ChaosListener listener = quick().probe(Nd4j.rand(DataType.DOUBLE, 4, 5, 40)).build();
        MultiLayerNetwork net = TrainingFixtures.network(1, 0.1, 21);
        net.setListeners(listener);
        INDArray before = net.params().dup();
        try (WarningCapture log = new WarningCapture()) {
            // when it trains three iterations
            INDArray after = train(net, listener, TrainingFixtures.batch(21), 3);
            listener.close();
            // then each round is FAILED with what is wrong and what to pass, logged once, and training went on
            assertEquals(3, listener.reports().size());
            for (ChaosReport r : listener.reports()) {
                assertEquals(ChaosReport.Status.FAILED, r.status(), r.message());
                assertTrue(r.message().contains("cannot drive 'layer0' with probe sequences of shape [4, 5, 40]"),
                        r.message());
                assertTrue(r.message().contains("expected [minibatch, 3, time]"), r.message());
                assertTrue(r.message().contains("pass probe sequences shaped like it"), r.message());
            }
            assertEquals(1, log.lines(FAILURE_LOG));
            assertFalse(before.equalsWithEps(after, 0), "training did not move the parameters");
        }
    }

    @Test
    void integerAndFloatProbesAreConvertedToTheModelsDataType() throws Exception {
        // Reference: the same values already in the model's type (double); the conversion must be exact.
        INDArray values = TrainingFixtures.batch(22).getFeatures().mul(4);
        for (DataType type : List.of(DataType.FLOAT, DataType.INT32, DataType.INT64)) {
            INDArray probe = values.castTo(type);
            ChaosReport converted = oneReport(quick().probe(probe).build());
            ChaosReport reference = oneReport(quick().probe(probe.castTo(DataType.DOUBLE)).build());
            assertEquals(ChaosReport.Status.OK, converted.status(), type + ": " + converted.message());
            assertArrayEquals(reference.layers().get(0).exponents(), converted.layers().get(0).exponents(), 0,
                    type.toString());
        }
    }

    private static ChaosReport oneReport(ChaosListener listener) throws InterruptedException {
        MultiLayerNetwork net = TrainingFixtures.network(1.5, 0, 22);
        net.setListeners(listener);
        train(net, listener, TrainingFixtures.batch(23), 1);
        listener.close();
        return listener.latestReport().orElseThrow();
    }

    @Test
    void feedForwardModelGivesFailedReportsWithOneWarningAndTrainingContinues() throws Exception {
        // given a model with no recurrent layer, trained on [minibatch, features] data
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).updater(new Sgd(0.1)).list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(8).nOut(1).build()).build());
        net.init();
        InMemoryStatsStorage storage = new InMemoryStatsStorage();
        ChaosListener listener = quick().sessionId("feed-forward").storageRouter(storage).build();
        net.setListeners(listener);
        DataSet data = new DataSet(Nd4j.rand(DataType.DOUBLE, 8, 3), Nd4j.rand(DataType.DOUBLE, 8, 1));
        INDArray before = net.params().dup();
        try (WarningCapture log = new WarningCapture()) {
            INDArray after = train(net, listener, data, 3);
            listener.close();
            // then every round is a FAILED report saying why and what to do, with a single warning
            assertEquals(3, listener.reports().size());
            ChaosReport first = listener.reports().get(0);
            assertEquals(ChaosReport.Status.FAILED, first.status());
            assertTrue(first.message().contains("the training input has shape [8, 3], not a sequence batch"),
                    first.message());
            assertTrue(first.message().contains("ChaosListener.Builder.probe(...)"), first.message());
            assertEquals(1, log.lines(FAILURE_LOG));
            assertEquals(0, listener.skippedRounds());
            assertFalse(before.equalsWithEps(after, 0));
            // and the failed reports are stored under a session DL4J lists (it lists those with static info only)
            assertTrue(storage.listSessionIDs().contains("feed-forward"), storage.listSessionIDs().toString());
            assertEquals(3, storage.getNumUpdateRecordsFor("feed-forward", ChaosRecord.TYPE_ID, "worker-0"));
        }
    }

    @Test
    void sequenceModelWithoutRecurrentLayerNamesTheLayersItSaw() throws Exception {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).updater(new Sgd(0.1)).list()
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.recurrent(TrainingFixtures.INPUTS)).build());
        net.init();
        ChaosListener listener = quick().build();
        net.setListeners(listener);
        train(net, listener, TrainingFixtures.batch(24), 1);
        listener.close();
        ChaosReport report = listener.latestReport().orElseThrow();
        assertEquals(ChaosReport.Status.FAILED, report.status());
        assertTrue(report.message().contains("no supported recurrent layer found (saw layer0 (RnnOutputLayer))"),
                report.message());
        assertTrue(report.message().contains("chaoswatch analyses"), report.message());
    }

    @Test
    void nonFiniteTrainingInputsGiveDivergedReportsAndTrainingContinues() throws Exception {
        // given a training batch with one NaN feature
        DataSet data = TrainingFixtures.batch(26);
        data.getFeatures().putScalar(new long[] {0, 1, 5}, Double.NaN);
        ChaosListener listener = quick().build();
        MultiLayerNetwork net = TrainingFixtures.network(1, 0.01, 26);
        net.setListeners(listener);
        // when it trains (DL4J itself carries on with NaN parameters)
        train(net, listener, data, 2);
        train(net, listener, TrainingFixtures.batch(27), 1);
        listener.close();
        // then every round is DIVERGED, and the DIVERGED alert fired once
        assertEquals(3, listener.reports().size());
        assertTrue(listener.reports().stream().allMatch(r -> r.status() == ChaosReport.Status.DIVERGED),
                listener.reports().toString());
        assertEquals(1, listener.alerts().stream().filter(a -> a.regime() == Regime.DIVERGED).count());
    }

    @Test
    void modelDependentProblemReachesFitOnlyWithFailFast() throws Exception {
        ChaosListener listener = quick().probe(Nd4j.rand(DataType.DOUBLE, 4, 5, 40)).failFast().build();
        MultiLayerNetwork net = TrainingFixtures.network(1, 0.1, 28);
        net.setListeners(listener);
        train(net, listener, TrainingFixtures.batch(28), 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> net.fit(TrainingFixtures.batch(28)));
        listener.close();
        assertTrue(e.getMessage().contains("failFast() is set"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot drive 'layer0' with probe sequences"), e.getMessage());
    }
}
