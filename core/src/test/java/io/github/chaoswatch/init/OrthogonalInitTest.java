package io.github.chaoswatch.init;

import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.github.chaoswatch.init.InitTestNetworks.columns;
import static io.github.chaoswatch.init.InitTestNetworks.divide;
import static io.github.chaoswatch.init.InitTestNetworks.matrix;
import static io.github.chaoswatch.init.InitTestNetworks.orthonormalityError;
import static io.github.chaoswatch.init.InitTestNetworks.transpose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Block-wise orthogonality, layout, view handling and randomness of {@link OrthogonalInit} (THEORY.md §5.1, §5.4). */
class OrthogonalInitTest {

    /**
     * Householder QR in double: QᵀQ − I is a few hundred ulps for n ≤ 20 (THEORY.md §2.5 uses the same bound for the
     * frames of the spectrum engine).
     */
    private static final double ORTHONORMALITY_TOLERANCE = 1e-10;

    private static final double GAIN = 1.7;

    static Stream<Arguments> recurrentLayers() {
        return Stream.of(
                Arguments.of("SimpleRnn", 12, 1, 0, (Supplier<Layer>) () -> new SimpleRnn.Builder().nOut(12)
                        .activation(Activation.TANH).weightInitRecurrent(new OrthogonalInit(GAIN, 5)).build()),
                Arguments.of("LSTM", 9, 4, 0, (Supplier<Layer>) () -> new LSTM.Builder().nOut(9)
                        .activation(Activation.TANH).weightInitRecurrent(new OrthogonalInit(GAIN, 5)).build()),
                Arguments.of("GravesLSTM", 7, 4, 3, (Supplier<Layer>) () -> new GravesLSTM.Builder().nOut(7)
                        .activation(Activation.TANH).weightInitRecurrent(new OrthogonalInit(GAIN, 5)).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recurrentLayers")
    void everyGateBlockIsGainTimesAnOrthogonalMatrix(String type, int n, int blocks, int peepholes,
                                                     Supplier<Layer> layer) {
        MultiLayerNetwork net = InitTestNetworks.network(1, layer.get());
        double[][] rw = matrix(net.getLayer(0).getParam("RW"));
        assertEquals(n, rw.length);
        assertEquals(blocks * n + peepholes, rw[0].length);
        for (int block = 0; block < blocks; block++) {
            double[][] q = divide(columns(rw, block * n, n), GAIN);
            assertTrue(orthonormalityError(q) <= ORTHONORMALITY_TOLERANCE, type + " block " + block + ": QᵀQ − I = "
                    + orthonormalityError(q));
            assertTrue(orthonormalityError(transpose(q)) <= ORTHONORMALITY_TOLERANCE, type + " block " + block);
        }
        // Peepholes are vectors on the cell state, not a recurrent matrix: documented rule, zero.
        for (double[] row : columns(rw, blocks * n, peepholes)) {
            assertArrayEquals(new double[peepholes], row, 0.0);
        }
    }

    @Test
    void gateBlocksAreIndependentMatrices() {
        MultiLayerNetwork net = InitTestNetworks.network(1, new LSTM.Builder().nOut(6).activation(Activation.TANH)
                .weightInitRecurrent(new OrthogonalInit(1, 8)).build());
        double[][] rw = matrix(net.getLayer(0).getParam("RW"));
        for (int a = 0; a < 4; a++) {
            for (int b = a + 1; b < 4; b++) {
                assertFalse(java.util.Arrays.deepEquals(columns(rw, 6 * a, 6), columns(rw, 6 * b, 6)),
                        "gate blocks " + a + " and " + b + " are identical");
            }
        }
    }

    @Test
    void wholeLstmArrayIsNotOrthogonalizedAsOneMatrix() {
        // THEORY.md §5.1: orthonormal rows of length 4n would make each gate block a contraction by about 1/2.
        MultiLayerNetwork net = InitTestNetworks.network(1, new LSTM.Builder().nOut(10).activation(Activation.TANH)
                .weightInitRecurrent(new OrthogonalInit(1, 2)).build());
        double[][] rw = matrix(net.getLayer(0).getParam("RW"));
        assertTrue(orthonormalityError(transpose(rw)) > 0.5, "the rows of the whole [n, 4n] array have norm 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3x8", "8x3"})
    void rectangularMatrixGetsOrthonormalRowsOrColumns(String shape) {
        int rows = Integer.parseInt(shape.split("x")[0]);
        int columns = Integer.parseInt(shape.split("x")[1]);
        INDArray w = new OrthogonalInit(2.5, 3).init(rows, columns, new long[] {rows, columns}, 'f',
                Nd4j.zeros(DataType.DOUBLE, rows * columns));
        double[][] q = divide(matrix(w), 2.5);
        double error = rows < columns ? orthonormalityError(transpose(q)) : orthonormalityError(q);
        assertTrue(error <= ORTHONORMALITY_TOLERANCE, shape + ": " + error);
    }

    @Test
    void initFillsAndReturnsTheViewItIsGiven() {
        // THEORY.md §5.4: returning a fresh array would leave the parameter table out of sync with the network.
        int n = 5;
        INDArray all = Nd4j.zeros(DataType.FLOAT, 7 + n * n + 4);
        INDArray view = all.get(NDArrayIndex.interval(7, 7 + n * n));
        INDArray returned = new OrthogonalInit(1, 1).init(n, n, new long[] {n, n}, 'f', view);
        assertArrayEquals(new long[] {n, n}, returned.shape());
        assertEquals(Nd4j.toFlattened('f', returned), all.get(NDArrayIndex.interval(7, 7 + n * n)));
        returned.putScalar(1, 0, 123);
        assertEquals(123, all.getDouble(7 + 1), 0.0, "the returned array must be a view of the parameters");
        assertEquals(0, all.get(NDArrayIndex.interval(0, 7)).sumNumber().doubleValue(), 0.0);
        assertEquals(DataType.FLOAT, returned.dataType());
    }

    @Test
    void parameterTableStaysInSyncWithFlattenedParameters() {
        MultiLayerNetwork net = InitTestNetworks.network(4, new SimpleRnn.Builder().nOut(6)
                .activation(Activation.TANH).weightInitRecurrent(new OrthogonalInit(1.3)).build());
        INDArray table = net.getLayer(0).getParam("RW");
        int offset = InitTestNetworks.INPUTS * 6;
        INDArray flat = net.params().reshape(-1).get(NDArrayIndex.interval(offset, offset + 36));
        assertEquals(table, flat.reshape('f', 6, 6));
        // A clone copies only the flattened vector: it sees exactly what the table shows.
        assertEquals(table, net.clone().getLayer(0).getParam("RW"));
    }

    @Test
    void seededMatrixDependsOnSeedAndOnThePositionOfTheView() {
        // The private stream is keyed by (seed, offset of the view): layers and directions occupy distinct offsets.
        INDArray parameters = Nd4j.zeros(DataType.DOUBLE, 64);
        INDArray first = draw(new OrthogonalInit(1, 99), parameters.get(NDArrayIndex.interval(0, 16)));
        INDArray second = draw(new OrthogonalInit(1, 99), parameters.get(NDArrayIndex.interval(16, 32)));
        INDArray again = draw(new OrthogonalInit(1, 99), Nd4j.zeros(DataType.DOUBLE, 16));
        INDArray otherSeed = draw(new OrthogonalInit(1, 98), Nd4j.zeros(DataType.DOUBLE, 16));
        assertEquals(first, again);
        assertFalse(first.equals(second), "different positions must give different matrices");
        assertFalse(first.equals(otherSeed));
    }

    @Test
    void oneSeededInstanceSharedByTwoLayersGivesThemDifferentMatricesAndRebuildsIdentically() {
        OrthogonalInit shared = new OrthogonalInit(1, 5);
        Supplier<MultiLayerNetwork> build = () -> new MultiLayerNetwork(InitTestNetworks.configuration(3,
                new SimpleRnn.Builder().nOut(4).activation(Activation.TANH).weightInitRecurrent(shared).build(),
                new SimpleRnn.Builder().nOut(4).activation(Activation.TANH).weightInitRecurrent(shared).build()));
        MultiLayerNetwork first = build.get();
        first.init();
        MultiLayerNetwork second = build.get();
        second.init();
        assertFalse(first.getLayer(0).getParam("RW").equals(first.getLayer(1).getParam("RW")));
        assertEquals(first.params(), second.params());
    }

    @Test
    void bidirectionalDirectionsGetDifferentMatricesFromOneSeededInstance() {
        MultiLayerNetwork net = InitTestNetworks.network(1, new Bidirectional(new SimpleRnn.Builder().nOut(5)
                .activation(Activation.TANH).weightInitRecurrent(new OrthogonalInit(1, 42)).build()));
        INDArray forward = net.getLayer(0).getParam("fRW");
        INDArray backward = net.getLayer(0).getParam("bRW");
        assertFalse(forward.equals(backward));
        assertTrue(orthonormalityError(matrix(forward)) <= ORTHONORMALITY_TOLERANCE);
        assertTrue(orthonormalityError(matrix(backward)) <= ORTHONORMALITY_TOLERANCE);
    }

    @Test
    void unseededInitFollowsTheNetworkSeed() {
        Supplier<Layer> layer = () -> new SimpleRnn.Builder().nOut(6).activation(Activation.TANH)
                .weightInitRecurrent(new OrthogonalInit(1)).build();
        INDArray a = InitTestNetworks.network(10, layer.get()).getLayer(0).getParam("RW");
        INDArray b = InitTestNetworks.network(10, layer.get()).getLayer(0).getParam("RW");
        INDArray c = InitTestNetworks.network(11, layer.get()).getLayer(0).getParam("RW");
        assertEquals(a, b);
        assertFalse(a.equals(c));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsGainThatIsNotFiniteAndPositive(double gain) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OrthogonalInit(gain));
        assertTrue(e.getMessage().startsWith("gain = " + gain + " must be finite and > 0"), e.getMessage());
    }

    @Test
    void rejectsShapesThatAreNotMatrices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OrthogonalInit(1)
                .init(3, 4, new long[] {2, 3, 4}, 'c', Nd4j.zeros(DataType.DOUBLE, 24)));
        assertTrue(e.getMessage().contains("[2, 3, 4]") && e.getMessage().contains("weightInitRecurrent"),
                e.getMessage());
    }

    private static INDArray draw(OrthogonalInit init, INDArray view) {
        return init.init(4, 4, new long[] {4, 4}, 'f', view).dup();
    }
}
