package io.github.chaoswatch.init;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small networks and probe batches for the initializer tests. */
final class InitTestNetworks {

    static final int INPUTS = 3;

    private InitTestNetworks() {
    }

    /** The configuration of {@code layers} + an RnnOutputLayer, DOUBLE, Xavier input weights, seeded. */
    static MultiLayerConfiguration configuration(long seed, Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.DOUBLE)
                .list();
        for (Layer layer : layers) {
            list.layer(layer);
        }
        list.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                .nOut(2).build());
        return list.setInputType(InputType.recurrent(INPUTS)).build();
    }

    /** An initialized network from {@link #configuration}. */
    static MultiLayerNetwork network(long seed, Layer... layers) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(seed, layers));
        net.init();
        return net;
    }

    /** A random sequence batch [minibatch, INPUTS, time] of i.i.d. N(0, 1) inputs. */
    static INDArray sequences(long seed, int minibatch, int time) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, minibatch, INPUTS, time);
    }

    /** Returns the [rows, columns] double matrix of a parameter. */
    static double[][] matrix(INDArray parameter) {
        return parameter.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /** Returns columns [from, from + count) of {@code m}. */
    static double[][] columns(double[][] m, int from, int count) {
        double[][] block = new double[m.length][count];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], from, block[i], 0, count);
        }
        return block;
    }

    /** Returns max |AᵀA − I|, the deviation of the columns of A from orthonormality. */
    static double orthonormalityError(double[][] a) {
        int n = a[0].length;
        double worst = 0;
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double dot = 0;
                for (double[] row : a) {
                    dot += row[p] * row[q];
                }
                worst = Math.max(worst, Math.abs(dot - (p == q ? 1 : 0)));
            }
        }
        return worst;
    }

    /** Returns the transpose. */
    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** Returns a / gain entrywise. */
    static double[][] divide(double[][] a, double gain) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] / gain;
            }
        }
        return out;
    }
}
