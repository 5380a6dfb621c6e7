package io.github.chaoswatch.init;

import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What {@link OrthogonalInit} and {@link ScaledGaussianInit} share: a gain g, an optional seed, the gate-block layout
 * of recurrent weights ({@link BlockLayout}), the random source ({@link NormalSource}), and value semantics. A
 * subclass only says how to draw one block.
 */
abstract class BlockwiseGainInit implements IWeightInit {

    private static final long serialVersionUID = 1L;

    private final double gain;
    private final Long seed;

    /**
     * @throws IllegalArgumentException unless the gain is finite and &gt; 0
     */
    BlockwiseGainInit(double gain, Long seed) {
        this.gain = InitArguments.gain(gain);
        this.seed = seed;
    }

    /** Draws one rows × columns block, row-major, with gain {@code gain}. */
    abstract double[][] block(int rows, int columns, NormalSource normals, double gain);

    /** Returns the gain g. */
    public double gain() {
        return gain;
    }

    /** Returns the seed, or empty when drawing from ND4J's global generator. */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /**
     * Fills {@code paramView} block by block (see the class documentation) and returns it reshaped to {@code shape}.
     *
     * @throws IllegalArgumentException if the shape is not a matrix shape
     */
    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        BlockLayout layout = BlockLayout.of(shape, getClass().getSimpleName());
        NormalSource normals = NormalSource.forView(seed, paramView);
        return layout.fill(order, paramView, (rows, columns) -> block(rows, columns, normals, gain));
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Double.compare(gain, ((BlockwiseGainInit) o).gain) == 0
                && Objects.equals(seed, ((BlockwiseGainInit) o).seed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), gain, seed);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[gain=" + gain + ", seed=" + (seed == null ? "network" : seed) + "]";
    }
}
