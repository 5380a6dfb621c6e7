package io.github.chaoswatch.listeners;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small recurrent regression problems whose dynamics are set by the recurrent gain (shared with the UI tests). */
public final class TrainingFixtures {

    public static final int INPUTS = 3;
    public static final int UNITS = 64;

    private TrainingFixtures() {
    }

    /**
     * A SimpleRnn(64) + RnnOutputLayer network with RW ~ N(0, gain²/n) and SGD at {@code learningRate}; a rate of
     * 0 freezes the weights, keeping the regime the gain sets (a chaotic network's exploding gradients
     * would otherwise move it within a few iterations).
     */
    public static MultiLayerNetwork network(double gain, double learningRate, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).updater(new Sgd(learningRate))
                .weightInit(new NormalDistribution(0, 1 / Math.sqrt(INPUTS))).list()
                .layer(new SimpleRnn.Builder().nOut(UNITS).activation(Activation.TANH)
                        .weightInitRecurrent(new NormalDistribution(0, gain / Math.sqrt(UNITS))).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.recurrent(INPUTS)).build());
        net.init();
        return net;
    }

    /** A random regression batch [8, 3, 40] → [8, 1, 40]. */
    public static DataSet batch(long seed) {
        Nd4j.getRandom().setSeed(seed);
        return new DataSet(Nd4j.randn(DataType.DOUBLE, 8, INPUTS, 40).muli(0.3),
                Nd4j.randn(DataType.DOUBLE, 8, 1, 40));
    }
}
