package io.github.chaoswatch.init;

import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static io.github.chaoswatch.init.InitTestNetworks.columns;
import static io.github.chaoswatch.init.InitTestNetworks.matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-block variance g²/n and layout of {@link ScaledGaussianInit} (THEORY.md §5.1). */
class ScaledGaussianInitTest {

    @Test
    void eachGateBlockHasMeanZeroAndVarianceGainSquaredOverUnits() {
        // n = 40: each block has N = 1600 entries. The sample variance has relative standard error √(2/N) = 3.5%,
        // the mean has standard error σ/√N; both are checked to 4 standard errors (fixed seed).
        int n = 40;
        double gain = 1.3;
        MultiLayerNetwork net = InitTestNetworks.network(1, new GravesLSTM.Builder().nOut(n)
                .activation(Activation.TANH).weightInitRecurrent(new ScaledGaussianInit(gain, 17)).build());
        double[][] rw = matrix(net.getLayer(0).getParam("RW"));
        double variance = gain * gain / n;
        int count = n * n;
        for (int block = 0; block < 4; block++) {
            double[][] b = columns(rw, block * n, n);
            double sum = 0;
            double squares = 0;
            for (double[] row : b) {
                for (double v : row) {
                    sum += v;
                    squares += v * v;
                }
            }
            double mean = sum / count;
            double sampleVariance = (squares - count * mean * mean) / (count - 1);
            assertEquals(0, mean, 4 * Math.sqrt(variance / count), "block " + block);
            assertEquals(variance, sampleVariance, 4 * Math.sqrt(2.0 / count) * variance, "block " + block);
        }
        for (double[] row : columns(rw, 4 * n, 3)) {
            assertArrayEquals(new double[3], row, 0.0, "GravesLSTM peepholes start at zero");
        }
    }

    @Test
    void unitsAreReadFromTheShapeNotFromFanIn() {
        // DL4J passes fanIn = n, fanOut = nIn + n for LSTM; a misleading fanIn must not change the scale.
        int n = 30;
        INDArray honest = new ScaledGaussianInit(1, 5).init(n, 2 * n, new long[] {n, 4 * n}, 'f',
                Nd4j.zeros(DataType.DOUBLE, 4L * n * n));
        INDArray misleading = new ScaledGaussianInit(1, 5).init(1, 1, new long[] {n, 4 * n}, 'f',
                Nd4j.zeros(DataType.DOUBLE, 4L * n * n));
        assertEquals(honest, misleading);
    }

    @Test
    void rectangularMatrixUsesItsRowCountAsFanIn() {
        // W [nIn, nOut] is used as x·W: each output unit sums nIn = rows inputs, so the variance is g²/rows.
        int rows = 50;
        int columns = 20;
        INDArray w = new ScaledGaussianInit(2, 9).init(rows, columns, new long[] {rows, columns}, 'c',
                Nd4j.zeros(DataType.DOUBLE, rows * columns));
        double variance = w.varNumber().doubleValue();
        assertEquals(4.0 / rows, variance, 4 * Math.sqrt(2.0 / (rows * columns)) * 4.0 / rows);
    }

    @Test
    void seededInstanceGivesDifferentMatricesAtDifferentPositionsAndRepeatsAtTheSame() {
        INDArray parameters = Nd4j.zeros(DataType.DOUBLE, 32);
        ScaledGaussianInit init = new ScaledGaussianInit(1, 3);
        INDArray first = init.init(4, 4, new long[] {4, 4}, 'f', parameters.get(NDArrayIndex.interval(0, 16))).dup();
        INDArray second = init.init(4, 4, new long[] {4, 4}, 'f', parameters.get(NDArrayIndex.interval(16, 32)));
        assertFalse(first.equals(second));
        assertEquals(first, new ScaledGaussianInit(1, 3).init(4, 4, new long[] {4, 4}, 'f',
                Nd4j.zeros(DataType.DOUBLE, 16)));
    }

    @Test
    void rejectsInvalidGain() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScaledGaussianInit(-2));
        assertTrue(e.getMessage().startsWith("gain = -2.0 must be finite and > 0"), e.getMessage());
    }
}
