package io.github.chaoswatch.dynamics;

import io.github.chaoswatch.linalg.DenseMatrix;
import org.deeplearning4j.nn.conf.layers.GravesBidirectionalLSTM;
import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verification contract of THEORY.md §3.9, run against every adapter and several activations: the one-step map
 * equals DL4J's own forward pass, and the analytic Jacobian equals central finite differences.
 */
class AdapterContractTest {

    /** DL4J and the adapters compute the same double-precision expressions in different orders: a few ulps. */
    private static final double FORWARD_TOLERANCE = 1e-12;
    /** Central differences with ε = 1e-6: truncation O(ε²) and rounding O(1e-16/ε) errors, both below 1e-9. */
    private static final double JACOBIAN_RELATIVE_TOLERANCE = 1e-6;

    private static final int HIDDEN = 5;

    static Stream<Arguments> unidirectionalNetworks() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU,
                Activation.SOFTSIGN, Activation.HARDTANH, Activation.IDENTITY, Activation.ELU, Activation.SWISH,
                Activation.HARDSIGMOID}) {
            cases.add(Arguments.of("SimpleRnn " + a, (Supplier<MultiLayerNetwork>) () -> TestNetworks.network(1,
                    new SimpleRnn.Builder().nOut(HIDDEN).activation(a).build())));
        }
        cases.add(Arguments.of("LSTM tanh/sigmoid", (Supplier<MultiLayerNetwork>) () -> TestNetworks.network(2,
                new LSTM.Builder().nOut(HIDDEN).activation(Activation.TANH).build())));
        cases.add(Arguments.of("LSTM softsign/hard sigmoid", (Supplier<MultiLayerNetwork>) () ->
                TestNetworks.network(3, new LSTM.Builder().nOut(HIDDEN).activation(Activation.SOFTSIGN)
                        .gateActivationFunction(Activation.HARDSIGMOID).build())));
        cases.add(Arguments.of("GravesLSTM tanh/sigmoid", (Supplier<MultiLayerNetwork>) () -> TestNetworks.network(4,
                new GravesLSTM.Builder().nOut(HIDDEN).activation(Activation.TANH).build())));
        cases.add(Arguments.of("stack SimpleRnn + LSTM + GravesLSTM", (Supplier<MultiLayerNetwork>) () ->
                TestNetworks.network(5, new SimpleRnn.Builder().nOut(4).activation(Activation.TANH).build(),
                        new LSTM.Builder().nOut(HIDDEN).activation(Activation.TANH).build(),
                        new GravesLSTM.Builder().nOut(3).activation(Activation.TANH).build())));
        return cases.stream();
    }

    static Stream<Arguments> wrappedNetworks() {
        return Stream.of(
                Arguments.of("Bidirectional(LSTM) CONCAT", (Supplier<MultiLayerNetwork>) () -> TestNetworks.network(
                        6, new Bidirectional(Bidirectional.Mode.CONCAT, new LSTM.Builder().nOut(HIDDEN)
                                .activation(Activation.TANH).build()))),
                Arguments.of("Bidirectional(SimpleRnn) ADD", (Supplier<MultiLayerNetwork>) () -> TestNetworks
                        .network(7, new Bidirectional(Bidirectional.Mode.ADD, new SimpleRnn.Builder().nOut(HIDDEN)
                                .activation(Activation.TANH).build()))),
                Arguments.of("Bidirectional(GravesLSTM) MUL", (Supplier<MultiLayerNetwork>) () -> TestNetworks
                        .network(8, new Bidirectional(Bidirectional.Mode.MUL, new GravesLSTM.Builder()
                                .nOut(HIDDEN).activation(Activation.TANH).build()))),
                Arguments.of("GravesBidirectionalLSTM", (Supplier<MultiLayerNetwork>) () -> TestNetworks.network(9,
                        new GravesBidirectionalLSTM.Builder().nOut(HIDDEN).activation(Activation.TANH).build())),
                Arguments.of("LastTimeStep(LSTM)", (Supplier<MultiLayerNetwork>) () -> TestNetworks.network(10,
                        new LastTimeStep(new LSTM.Builder().nOut(HIDDEN).activation(Activation.TANH).build()))));
    }

    static Stream<Arguments> allNetworks() {
        return Stream.concat(unidirectionalNetworks(), wrappedNetworks());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unidirectionalNetworks")
    void stepMatchesRnnTimeStep(String name, Supplier<MultiLayerNetwork> network) {
        // given a standalone copy of the network, with random stored states in every recurrent layer
        MultiLayerNetwork net = network.get().clone();
        ModelDynamics model = Dynamics.of(net);
        List<RecurrentDynamics> layers = model.layers();
        SplittableRandom random = new SplittableRandom(11);
        double[][] states = new double[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            states[l] = layers.get(l).initialState(random);
            net.rnnSetPreviousState(l, toDl4jState(states[l], layers.get(l)));
        }
        double[] joint = concat(states);
        for (int step = 0; step < 5; step++) {
            // when DL4J and the adapters take one step on the same input
            double[] x = random.doubles(TestNetworks.INPUTS, -1, 1).toArray();
            net.rnnTimeStep(Nd4j.createFromArray(x).reshape(1, TestNetworks.INPUTS));
            double[] layerInput = x;
            for (int l = 0; l < layers.size(); l++) {
                RecurrentDynamics layer = layers.get(l);
                double[] expected = fromDl4jState(net.rnnGetPreviousState(l), layer);
                double[] actual = new double[layer.stateSize()];
                layer.step(states[l], layerInput, actual);
                // then every layer's new state equals DL4J's stored state
                assertArrayClose(expected, actual, FORWARD_TOLERANCE, name + ", layer " + l + ", step " + step);
                states[l] = expected;
                layerInput = java.util.Arrays.copyOf(expected, layer.outputSize());
            }
            // and the stack's joint step reproduces all of them at once
            for (StackedDynamics stack : model.stacks()) {
                double[] next = new double[stack.stateSize()];
                stack.step(joint, x, next);
                assertArrayClose(concat(states), next, FORWARD_TOLERANCE, name + ", stack, step " + step);
                joint = next;
            }
            joint = concat(states);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappedNetworks")
    void sequenceOutputMatchesFeedForward(String name, Supplier<MultiLayerNetwork> network) {
        // given a wrapped layer (no rnnTimeStep on the wrapper: compare whole-sequence outputs, THEORY.md §3.9)
        MultiLayerNetwork net = network.get();
        ModelDynamics model = Dynamics.of(net);
        INDArray x = TestNetworks.sequences(12, 2, 7);
        // when DL4J computes the layer output and the adapters run over the same sequences
        INDArray expected = net.feedForward(x, false).get(1);
        List<double[][][]> outputs = new ArrayList<>();
        for (RecurrentDynamics d : model.layers()) {
            outputs.add(run(d, model.drivingInputs(d, x)));
        }
        // then they agree at every step
        int batch = (int) x.size(0);
        int time = (int) x.size(2);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < time; t++) {
                double[] combined = combine(name, outputs, b, t, time);
                double[] dl4j = expected.rank() == 2 ? expected.getRow(b).toDoubleVector()
                        : expected.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(t)).toDoubleVector();
                if (expected.rank() == 2 && t != time - 1) {
                    continue;
                }
                assertArrayClose(dl4j, combined, FORWARD_TOLERANCE, name + ", sequence " + b + ", step " + t);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allNetworks")
    void jacobianMatchesCentralDifferences(String name, Supplier<MultiLayerNetwork> network) {
        // given every dynamics of the model at random states and inputs
        ModelDynamics model = Dynamics.of(network.get());
        SplittableRandom random = new SplittableRandom(13);
        for (RecurrentDynamics d : model.all()) {
            for (int trial = 0; trial < 3; trial++) {
                double[] s = d.initialState(random);
                double[] x = random.doubles(d.inputSize(), -1, 1).toArray();
                // when the analytic Jacobian is compared with central differences
                double[][] analytic = d.jacobian(s, x);
                double[][] numeric = finiteDifferenceJacobian(d, s, x);
                // then they agree to the accuracy of the differences
                double scale = Math.max(1, maxAbs(analytic));
                for (int i = 0; i < s.length; i++) {
                    assertArrayClose(numeric[i], analytic[i], JACOBIAN_RELATIVE_TOLERANCE * scale,
                            name + ", " + d.name() + ", row " + i);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allNetworks")
    void structuredProductEqualsExplicitJacobianTimesFrame(String name, Supplier<MultiLayerNetwork> network) {
        ModelDynamics model = Dynamics.of(network.get());
        SplittableRandom random = new SplittableRandom(14);
        for (RecurrentDynamics d : model.all()) {
            int dim = d.stateSize();
            int k = Math.max(1, dim / 2);
            double[] s = d.initialState(random);
            double[] x = random.doubles(d.inputSize(), -1, 1).toArray();
            DenseMatrix q = DenseMatrix.zeros(dim, k);
            for (int index = 0; index < dim * k; index++) {
                q.set(index, random.nextGaussian());
            }
            DenseMatrix product = DenseMatrix.zeros(dim, k);
            double[] next = new double[dim];
            d.tangentStep(s, x, next, q, null, product);
            double[][] j = d.jacobian(s, x);
            double[] stepped = new double[dim];
            d.step(s, x, stepped);
            assertArrayClose(stepped, next, 0, name + ", tangentStep state");
            for (int i = 0; i < dim; i++) {
                for (int c = 0; c < k; c++) {
                    double expected = 0;
                    for (int m = 0; m < dim; m++) {
                        expected += j[i][m] * q.get(m, c);
                    }
                    assertEquals(expected, product.get(i, c), 1e-12 * Math.max(1, Math.abs(expected)),
                            name + ", " + d.name() + " (J·Q)[" + i + "," + c + "]");
                }
            }
        }
    }

    static double[][] finiteDifferenceJacobian(RecurrentDynamics d, double[] s, double[] x) {
        int dim = s.length;
        double[][] j = new double[dim][dim];
        double[] plus = new double[dim];
        double[] minus = new double[dim];
        for (int c = 0; c < dim; c++) {
            double eps = 1e-6 * Math.max(1, Math.abs(s[c]));
            double[] sp = s.clone();
            double[] sm = s.clone();
            sp[c] += eps;
            sm[c] -= eps;
            d.step(sp, x, plus);
            d.step(sm, x, minus);
            for (int r = 0; r < dim; r++) {
                j[r][c] = (plus[r] - minus[r]) / (2 * eps);
            }
        }
        return j;
    }

    /** Runs {@code d} from the zero state over each sequence; returns outputs [sequence][time][output]. */
    private static double[][][] run(RecurrentDynamics d, double[][][] sequences) {
        double[][][] out = new double[sequences.length][][];
        for (int b = 0; b < sequences.length; b++) {
            double[] state = new double[d.stateSize()];
            out[b] = new double[sequences[b].length][];
            for (int t = 0; t < sequences[b].length; t++) {
                double[] next = new double[d.stateSize()];
                d.step(state, sequences[b][t], next);
                out[b][t] = java.util.Arrays.copyOf(next, d.outputSize());
                state = next;
            }
        }
        return out;
    }

    /** Combines per-direction outputs at time t as DL4J's layer does; the backward run is in reversed time. */
    private static double[] combine(String name, List<double[][][]> outputs, int b, int t, int time) {
        if (outputs.size() == 1) {
            return outputs.get(0)[b][t];
        }
        double[] forward = outputs.get(0)[b][t];
        double[] backward = outputs.get(1)[b][time - 1 - t];
        double[] out;
        if (name.contains("CONCAT")) {
            out = new double[forward.length * 2];
            System.arraycopy(forward, 0, out, 0, forward.length);
            System.arraycopy(backward, 0, out, forward.length, forward.length);
        } else {
            out = new double[forward.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = name.contains("MUL") ? forward[i] * backward[i] : forward[i] + backward[i];
            }
        }
        return out;
    }

    private static Map<String, INDArray> toDl4jState(double[] state, RecurrentDynamics layer) {
        Map<String, INDArray> map = new HashMap<>();
        int n = layer.outputSize();
        map.put("prevAct", Nd4j.createFromArray(java.util.Arrays.copyOfRange(state, 0, n)).reshape(1, n));
        if (layer.stateSize() > n) {
            map.put("prevMem", Nd4j.createFromArray(java.util.Arrays.copyOfRange(state, n, 2 * n)).reshape(1, n));
        }
        return map;
    }

    private static double[] fromDl4jState(Map<String, INDArray> map, RecurrentDynamics layer) {
        double[] h = map.get("prevAct").castTo(DataType.DOUBLE).toDoubleVector();
        if (layer.stateSize() == h.length) {
            return h;
        }
        return concat(new double[][] {h, map.get("prevMem").castTo(DataType.DOUBLE).toDoubleVector()});
    }

    private static double[] concat(double[][] parts) {
        return java.util.Arrays.stream(parts).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static double maxAbs(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).map(Math::abs).max().orElse(0);
    }

    static void assertArrayClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Double.isFinite(actual[i]), what + ": entry " + i + " is " + actual[i]);
            assertEquals(expected[i], actual[i], tolerance, what + ": entry " + i);
        }
    }
}
