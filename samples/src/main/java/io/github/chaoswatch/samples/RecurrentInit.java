package io.github.chaoswatch.samples;

import io.github.chaoswatch.init.EdgeOfChaosInit;
import io.github.chaoswatch.init.OrthogonalInit;
import io.github.chaoswatch.init.ScaledGaussianInit;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.Activation;

import java.util.Arrays;
import java.util.Locale;

/** The recurrent-weight initializers of {@code io.github.chaoswatch.init}, named as on the command line. */
public enum RecurrentInit {
    /** {@link OrthogonalInit}: RW = g·Q per gate block. */
    ORTHOGONAL,
    /** {@link ScaledGaussianInit}: RW entries N(0, g²/n) per gate block. */
    GAUSSIAN,
    /** {@link EdgeOfChaosInit} at offset 0: Gaussian at the mean-field critical gain of the activation. */
    CRITICAL;

    /**
     * Returns the initializer at {@code gain}; CRITICAL computes its own gain from the activation and ignores
     * {@code gain}.
     *
     * @throws IllegalArgumentException if CRITICAL is asked for a layer type other than SimpleRnn (mean field does
     *                                  not cover gates), or the gain is not finite and &gt; 0
     */
    public IWeightInit create(double gain, RecurrentLayerType layer, Activation activation) {
        return switch (this) {
            case ORTHOGONAL -> new OrthogonalInit(gain);
            case GAUSSIAN -> new ScaledGaussianInit(gain);
            case CRITICAL -> {
                if (layer != RecurrentLayerType.SIMPLE_RNN) {
                    throw new IllegalArgumentException("init 'critical' is the mean-field edge of chaos of a"
                            + " SimpleRnn and does not cover the gates of " + layer + "; use orthogonal with a"
                            + " target exponent (calibration) instead");
                }
                yield new EdgeOfChaosInit.Builder(0).activation(activation).build();
            }
        };
    }

    /** Returns the command-line name, for example {@code orthogonal}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a command-line name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static RecurrentInit parse(String text) {
        for (RecurrentInit init : values()) {
            if (init.name().equalsIgnoreCase(text)) {
                return init;
            }
        }
        throw new IllegalArgumentException("unknown initializer '" + text + "'; use one of "
                + Arrays.toString(values()));
    }
}
