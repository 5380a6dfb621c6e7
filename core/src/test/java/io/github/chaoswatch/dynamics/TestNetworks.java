package io.github.chaoswatch.dynamics;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Map;

/**
 * Small DOUBLE networks with random parameters in every block (non-zero biases in all four LSTM blocks, distinct
 * non-zero peepholes), at a moderate scale so that gates do not saturate (THEORY.md §3.9).
 */
public final class TestNetworks {

    public static final int INPUTS = 3;

    /** Bias keys of SimpleRnn/LSTM, the Bidirectional halves and GravesBidirectionalLSTM. */
    private static final java.util.Set<String> BIAS_KEYS = java.util.Set.of("b", "fb", "bb", "bF", "bB");

    private TestNetworks() {
    }

    /** Builds {@code layers} + an RnnOutputLayer, initializes, and randomizes every bias. */
    public static MultiLayerNetwork network(long seed, Layer... layers) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.DOUBLE)
                .weightInit(new NormalDistribution(0, 0.6))
                .list();
        for (Layer layer : layers) {
            list.layer(layer);
        }
        list.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                .nOut(2).build());
        MultiLayerConfiguration conf = list.setInputType(
                org.deeplearning4j.nn.conf.inputs.InputType.recurrent(INPUTS)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Nd4j.getRandom().setSeed(seed + 1);
        for (int i = 0; i < layers.length; i++) {
            for (Map.Entry<String, INDArray> e : net.getLayer(i).paramTable().entrySet()) {
                if (BIAS_KEYS.contains(e.getKey())) {
                    INDArray bias = e.getValue();
                    bias.assign(Nd4j.randn(DataType.DOUBLE, bias.shape()).muli(0.5));
                }
            }
        }
        return net;
    }

    /** A random sequence batch [minibatch, INPUTS, time]. */
    public static INDArray sequences(long seed, int minibatch, int time) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, minibatch, INPUTS, time);
    }
}
