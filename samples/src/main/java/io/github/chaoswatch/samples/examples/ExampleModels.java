package io.github.chaoswatch.samples.examples;

import io.github.chaoswatch.init.OrthogonalInit;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The model the examples train: LSTM(32) forecasting the three Lorenz coordinates one step ahead. */
final class ExampleModels {

    private ExampleModels() {
    }

    /** Returns an initialized LSTM(32) → linear forecaster with the given recurrent initializer. */
    static MultiLayerNetwork lorenzForecaster(IWeightInit recurrent) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Adam(5e-3)).list()
                // Always set the activation: DL4J's recurrent layers default to sigmoid.
                .layer(new LSTM.Builder().nOut(32).activation(Activation.TANH).weightInitRecurrent(recurrent).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(3).build())
                .setInputType(InputType.recurrent(3)).build());
        net.init();
        return net;
    }

    /** Returns the forecaster with orthogonal recurrent weights at gain 1, a good default. */
    static MultiLayerNetwork lorenzForecaster() {
        return lorenzForecaster(new OrthogonalInit(1.0));
    }
}
