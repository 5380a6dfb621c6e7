package io.github.chaoswatch.samples;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Objects;

/**
 * A network with one recurrent layer, named {@value #LAYER}, and a linear read-out, in double precision: the test
 * bed on which initializers are measured. {@link #build(long)} makes one random instance per seed.
 *
 * @param type             the recurrent layer type
 * @param units            n, recurrent units (&gt; 0)
 * @param inputs           nIn, input features (&gt; 0)
 * @param activation       the layer activation (tanh in every chaoswatch measurement unless asked otherwise)
 * @param inputWeights     initializer of the input weights
 * @param recurrentWeights initializer of the recurrent weights
 */
public record OneLayerNetwork(RecurrentLayerType type, int units, int inputs, Activation activation,
                              IWeightInit inputWeights, IWeightInit recurrentWeights) {

    /** The name of the recurrent layer in {@code Dynamics.of(network)}. */
    public static final String LAYER = "layer0";

    /** Validates. */
    public OneLayerNetwork {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(inputWeights, "inputWeights");
        Objects.requireNonNull(recurrentWeights, "recurrentWeights");
        if (!(units > 0 && inputs > 0)) {
            throw new IllegalArgumentException("units = " + units + " and inputs = " + inputs
                    + " must both be at least 1");
        }
    }

    /** Returns an initialized network drawn with {@code seed}. */
    public MultiLayerNetwork build(long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .dataType(DataType.DOUBLE).list()
                .layer(type.layer(units, activation, inputWeights, recurrentWeights))
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.recurrent(inputs)).build());
        net.init();
        return net;
    }
}
