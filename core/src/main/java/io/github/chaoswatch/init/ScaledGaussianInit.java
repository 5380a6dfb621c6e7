package io.github.chaoswatch.init;

import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;


/**
 * Initializes recurrent weights with i.i.d. entries N(0, g²/n), n the number of recurrent units, gate block by gate
 * block (THEORY.md §5.1).
 *
 * <p>This is the random network of mean-field theory: with gain g = σ_w, {@link CriticalGain} predicts its largest
 * Lyapunov exponent, and for tanh without bias and input the edge of chaos is g = 1. The spectral radius of a block
 * tends to g as n grows (circular law), with finite-n fluctuations of order n^{−1/2}.
 *
 * <p><b>Layout</b> as for {@link OrthogonalInit}, inferred from the shape: one block for SimpleRnn RW [n, n], four
 * independent n×n gate blocks for LSTM RW [n, 4n] and GravesLSTM RW [n, 4n+3] (peephole columns 0), and for any other
 * matrix [a, b] the variance g²/a (a = rows = the fan-in of each output unit in DL4J's x·W convention). n is always
 * read from the shape, never from fanIn/fanOut.
 *
 * <p><b>Randomness</b> as for {@link OrthogonalInit}: ND4J's global generator without a seed (the network seed then
 * governs reproducibility), a private generator keyed by the seed and the parameter's position in the network with
 * one.
 *
 * <pre>{@code
 * new SimpleRnn.Builder().nOut(256).activation(Activation.TANH)
 *         .weightInitRecurrent(new ScaledGaussianInit(1.0))
 *         .build();
 * }</pre>
 *
 * <p>Survives {@code MultiLayerConfiguration.toJson/fromJson} and {@code ModelSerializer}; immutable configuration,
 * thread-safe.
 */
public final class ScaledGaussianInit extends BlockwiseGainInit {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the initializer with gain g, drawing from ND4J's global generator (governed by the network seed).
     *
     * @param gain g; entries have variance g²/n (finite, &gt; 0)
     * @throws IllegalArgumentException unless the gain is finite and &gt; 0
     */
    public ScaledGaussianInit(double gain) {
        super(gain, null);
    }

    /**
     * Creates the initializer with gain g and its own seeded generator.
     *
     * @param gain g; entries have variance g²/n (finite, &gt; 0)
     * @param seed the seed of this initializer's private generator
     * @throws IllegalArgumentException unless the gain is finite and &gt; 0
     */
    public ScaledGaussianInit(double gain, long seed) {
        super(gain, seed);
    }

    @JsonCreator
    private static ScaledGaussianInit fromJson(@JsonProperty("gain") double gain, @JsonProperty("seed") Long seed) {
        return seed == null ? new ScaledGaussianInit(gain) : new ScaledGaussianInit(gain, seed);
    }

    @Override
    double[][] block(int rows, int columns, NormalSource normals, double gain) {
        return gaussian(rows, columns, normals, gain);
    }

    /** Returns a row-major rows × columns block with entries N(0, gain²/rows). */
    static double[][] gaussian(int rows, int columns, NormalSource normals, double gain) {
        double scale = gain / Math.sqrt(rows);
        double[] z = normals.next(rows * columns);
        double[][] block = new double[rows][columns];
        for (int i = 0, index = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++, index++) {
                block[i][j] = scale * z[index];
            }
        }
        return block;
    }
}
