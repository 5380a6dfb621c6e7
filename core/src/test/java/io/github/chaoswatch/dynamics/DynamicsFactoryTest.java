package io.github.chaoswatch.dynamics;

import io.github.chaoswatch.lyapunov.Drive;
import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding the recurrent layers of a model, the inputs that drive them, and the errors for what is unsupported. */
class DynamicsFactoryTest {

    @Test
    void modelWithoutRecurrentLayersIsRejectedWithTheLayersFound() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(4).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nIn(4)
                        .nOut(1).build()).build());
        net.init();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dynamics.of(net));
        assertEquals("no supported recurrent layer found (saw layer0 (DenseLayer), layer1 (OutputLayer));"
                + " chaoswatch analyses " + Dynamics.SUPPORTED_TYPES, e.getMessage());
    }

    @Test
    void layerNormSimpleRnnIsRejectedNamingTheLayerAndTheWayOut() {
        MultiLayerNetwork net = TestNetworks.network(1, new SimpleRnn.Builder().name("normed").nOut(4)
                .activation(Activation.TANH).hasLayerNorm(true).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dynamics.of(net));
        assertTrue(e.getMessage().startsWith("layer 'normed' is a SimpleRnn with layer normalization"),
                e.getMessage());
        assertTrue(e.getMessage().contains("hasLayerNorm(false)"), e.getMessage());
    }

    @Test
    void softmaxActivationIsRejected() {
        MultiLayerNetwork net = TestNetworks.network(1, new SimpleRnn.Builder().nOut(4)
                .activation(Activation.SOFTMAX).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dynamics.of(net));
        assertTrue(e.getMessage().contains("not elementwise"), e.getMessage());
    }

    @Test
    void stackedNetworkGivesEachLayerAndTheStack() {
        MultiLayerNetwork net = TestNetworks.network(2,
                new SimpleRnn.Builder().nOut(6).activation(Activation.TANH).build(),
                new LSTM.Builder().nOut(5).activation(Activation.TANH).build());
        ModelDynamics model = Dynamics.of(net);
        assertEquals(List.of("layer0", "layer1", "stack(layer0..layer1)"), model.names());
        assertEquals(6 + 10, model.stacks().get(0).stateSize());
        assertEquals("Stack[SimpleRnn, LSTM]", model.stacks().get(0).layerType());
    }

    @Test
    void nonRecurrentLayerBetweenRecurrentLayersEndsTheStack() {
        MultiLayerNetwork net = TestNetworks.network(3,
                new SimpleRnn.Builder().nOut(6).activation(Activation.TANH).build(),
                new DenseLayer.Builder().nOut(4).activation(Activation.TANH).build(),
                new LSTM.Builder().nOut(5).activation(Activation.TANH).build());
        ModelDynamics model = Dynamics.of(net);
        assertEquals(List.of("layer0", "layer2"), model.names());
        // The LSTM is driven by what DL4J computes below it: [minibatch, 4, time].
        double[][][] inputs = model.drivingInputs(model.get("layer2").orElseThrow(), TestNetworks.sequences(4, 2, 5));
        assertEquals(2, inputs.length);
        assertEquals(5, inputs[0].length);
        assertEquals(4, inputs[0][0].length);
    }

    @Test
    void stackSpectrumIsTheUnionOfLayerSpectra() {
        // THEORY.md §3.7: a block-triangular cocycle has the union of its diagonal blocks' exponents.
        MultiLayerNetwork net = TestNetworks.network(4,
                new SimpleRnn.Builder().nOut(4).activation(Activation.TANH).build(),
                new SimpleRnn.Builder().nOut(3).activation(Activation.TANH).build());
        ModelDynamics model = Dynamics.of(net);
        INDArray probe = TestNetworks.sequences(5, 8, 400);
        SpectrumEstimator estimator = new SpectrumEstimator.Builder(3_000).allExponents().warmupSteps(100)
                .trajectories(8).build();
        double[] merged = model.layers().stream()
                .map(d -> estimator.estimate(d, Drive.of(model.drivingInputs(d, probe))))
                .flatMapToDouble(s -> DoubleStream.of(s.exponents())).boxed()
                .sorted((a, b) -> Double.compare(b, a)).mapToDouble(Double::doubleValue).toArray();
        StackedDynamics stack = model.stacks().get(0);
        LyapunovSpectrum joint = estimator.estimate(stack, Drive.of(model.drivingInputs(stack, probe)));
        for (int i = 0; i < merged.length; i++) {
            double tolerance = 4 * joint.standardErrors()[i] + 0.01;
            assertEquals(merged[i], joint.exponents()[i], tolerance, "exponent " + i + ": merged "
                    + Arrays.toString(merged) + ", joint " + joint);
        }
    }

    @Test
    void graphLayerHasTheSameDynamicsAsInASequentialNetwork() {
        MultiLayerNetwork net = TestNetworks.network(6, new LSTM.Builder().nOut(5).activation(Activation.TANH)
                .build());
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .graphBuilder().addInputs("in")
                .addLayer("lstm", new LSTM.Builder().nIn(TestNetworks.INPUTS).nOut(5).activation(Activation.TANH)
                        .build(), "in")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).nIn(5).nOut(2).build(), "lstm")
                .setOutputs("out").setInputTypes(InputType.recurrent(TestNetworks.INPUTS)).build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        graph.getLayer("lstm").setParams(net.getLayer(0).params().dup());
        ModelDynamics graphModel = Dynamics.of(graph, "lstm");
        RecurrentDynamics fromGraph = graphModel.layers().get(0);
        RecurrentDynamics fromNetwork = Dynamics.of(net).layers().get(0);
        double[] s = fromNetwork.initialState(new java.util.SplittableRandom(1));
        double[] x = {0.3, -0.2, 0.5};
        double[] a = new double[10];
        double[] b = new double[10];
        fromGraph.step(s, x, a);
        fromNetwork.step(s, x, b);
        assertArrayEquals(b, a, 0);
        assertEquals(List.of("lstm"), Dynamics.of(graph).names());
        assertEquals(3, graphModel.drivingInputs(fromGraph, TestNetworks.sequences(7, 2, 4))[0][0].length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dynamics.of(graph, "nope"));
        assertTrue(e.getMessage().contains("no layer named 'nope'"), e.getMessage());
    }

    @Test
    void backwardDirectionIsDrivenByTimeReversedInputs() {
        MultiLayerNetwork net = TestNetworks.network(8, new org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional(
                new LSTM.Builder().nOut(3).activation(Activation.TANH).build()));
        ModelDynamics model = Dynamics.of(net);
        assertEquals(List.of("layer0/forward", "layer0/backward"), model.names());
        INDArray x = TestNetworks.sequences(9, 1, 4);
        double[][][] forward = model.drivingInputs(model.layers().get(0), x);
        double[][][] backward = model.drivingInputs(model.layers().get(1), x);
        assertArrayEquals(forward[0][0], backward[0][3], 0);
        assertEquals("CONCAT", model.bidirectional().get(0).combination());
    }
}
