package io.github.chaoswatch.init;

import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;


/**
 * Initializes recurrent weights as g·Q with Q a Haar-distributed orthogonal matrix, gate block by gate block
 * (THEORY.md §5.1).
 *
 * <p>Q comes from the Householder QR of a Gaussian matrix with the sign fix of Mezzadri (2007,
 * arXiv:math-ph/0609050), which makes it exactly Haar-distributed. Every singular value of g·Q is g, so a linear
 * recurrence RW = g·Q has all Lyapunov exponents ln g (THEORY.md §7.6), and a tanh layer without bias and input is
 * ordered for g &lt; 1 with λ_1 = ln g. Near criticality orthogonal weights follow mean-field theory more closely than
 * Gaussian ones ({@link CriticalGain}, THEORY.md §5.2).
 *
 * <p><b>Layout</b>, inferred from the shape (never from fanIn/fanOut, which DL4J sets to the input weights' values
 * for LSTM): SimpleRnn RW [n, n] gets one g·Q; LSTM RW [n, 4n] gets an independent g·Q_K in each gate block
 * K = candidate, forget, output, input gate; GravesLSTM RW [n, 4n+3] likewise, with the three peephole columns set to
 * 0. Any other matrix [a, b] (for example input weights, if this initializer is also given to {@code weightInit}) gets
 * a Haar semi-orthogonal g·Q: orthonormal rows if a &lt; b, orthonormal columns if a ≥ b.
 *
 * <p><b>Randomness.</b> Without a seed the Gaussian matrix is drawn from {@code Nd4j.getRandom()}, so the network's
 * seed governs reproducibility. With a seed, a private generator keyed by the seed and the position of the parameter
 * view in the network's parameter vector is used: one instance gives independent matrices to several layers, to both
 * directions of a Bidirectional layer and to W and RW, and a configuration builds the same network every time, also
 * after a JSON round trip, where DL4J hands each layer its own copy of the initializer (a call counter would restart
 * at 0 in every copy and repeat one matrix across layers). Standalone calls on fresh arrays (offset 0) of one shape
 * repeat the same matrix.
 *
 * <pre>{@code
 * new LSTM.Builder().nOut(128).activation(Activation.TANH)
 *         .weightInitRecurrent(new OrthogonalInit(1.0))
 *         .build();
 * }</pre>
 *
 * <p>Survives {@code MultiLayerConfiguration.toJson/fromJson} and {@code ModelSerializer}; immutable configuration,
 * thread-safe.
 */
public final class OrthogonalInit extends BlockwiseGainInit {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the initializer with gain g, drawing from ND4J's global generator (governed by the network seed).
     *
     * @param gain g, the singular value of every block (finite, &gt; 0; 1 for an isometry)
     * @throws IllegalArgumentException unless the gain is finite and &gt; 0
     */
    public OrthogonalInit(double gain) {
        super(gain, null);
    }

    /**
     * Creates the initializer with gain g and its own seeded generator.
     *
     * @param gain g, the singular value of every block (finite, &gt; 0)
     * @param seed the seed of this initializer's private generator
     * @throws IllegalArgumentException unless the gain is finite and &gt; 0
     */
    public OrthogonalInit(double gain, long seed) {
        super(gain, seed);
    }

    @JsonCreator
    private static OrthogonalInit fromJson(@JsonProperty("gain") double gain, @JsonProperty("seed") Long seed) {
        return seed == null ? new OrthogonalInit(gain) : new OrthogonalInit(gain, seed);
    }

    @Override
    double[][] block(int rows, int columns, NormalSource normals, double gain) {
        return HaarSampler.sample(rows, columns, normals, gain);
    }
}
