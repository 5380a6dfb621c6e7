package io.github.chaoswatch.samples;

import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.Activation;

import java.util.Arrays;
import java.util.Locale;

/**
 * The DL4J recurrent layer types the samples build, named as on the command line ({@code simple-rnn}, {@code lstm},
 * {@code graves-lstm}).
 */
public enum RecurrentLayerType {
    /** {@code SimpleRnn}: h_t = σ(W x_t + RW h_{t−1} + b). */
    SIMPLE_RNN,
    /** {@code LSTM}: four gate blocks, forget bias 1. */
    LSTM,
    /** {@code GravesLSTM}: LSTM with peepholes. */
    GRAVES_LSTM;

    /**
     * Returns the layer configuration with {@code units} outputs. The activation is always set: DL4J's recurrent
     * layers default to sigmoid (DESIGN.md, DL4J traps).
     *
     * @param inputWeights     initializer of the input weights W
     * @param recurrentWeights initializer of the recurrent weights RW (every gate block for LSTM types)
     */
    @SuppressWarnings("deprecation") // GravesLSTM is deprecated in DL4J but still trained, and chaoswatch supports it
    public Layer layer(int units, Activation activation, IWeightInit inputWeights, IWeightInit recurrentWeights) {
        return switch (this) {
            case SIMPLE_RNN -> new SimpleRnn.Builder().nOut(units).activation(activation).weightInit(inputWeights)
                    .weightInitRecurrent(recurrentWeights).build();
            case LSTM -> new LSTM.Builder().nOut(units).activation(activation).weightInit(inputWeights)
                    .weightInitRecurrent(recurrentWeights).build();
            case GRAVES_LSTM -> new GravesLSTM.Builder().nOut(units).activation(activation).weightInit(inputWeights)
                    .weightInitRecurrent(recurrentWeights).build();
        };
    }

    /** Returns the command-line name, for example {@code simple-rnn}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a command-line name (case-insensitive; {@code simple-rnn} or {@code SIMPLE_RNN}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static RecurrentLayerType parse(String text) {
        for (RecurrentLayerType type : values()) {
            if (type.toString().equalsIgnoreCase(text) || type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown layer type '" + text + "'; use one of "
                + Arrays.toString(values()));
    }
}
