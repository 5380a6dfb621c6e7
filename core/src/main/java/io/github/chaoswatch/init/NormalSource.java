package io.github.chaoswatch.init;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Standard normal numbers for one call of an initializer (THEORY.md §5.4).
 *
 * <p>Without a seed they come from ND4J's global generator {@code Nd4j.getRandom()}, which DL4J reseeds from the
 * network configuration's seed before initializing parameters, so the network seed governs reproducibility; nothing
 * here reseeds it.
 *
 * <p>With a seed they come from a private {@link SplittableRandom} keyed by the seed <em>and the position of the
 * parameter view</em> in the network's parameter vector (its offset). Every layer, every direction of a Bidirectional
 * layer and every parameter of a layer occupies its own position, so one initializer instance shared by all of them
 * gives each an independent matrix; and since the positions follow from the configuration alone, the same
 * configuration builds the same network every time, also after a JSON round trip, where DL4J gives each layer its own
 * copy of the initializer. (A call counter would do neither: JSON copies would all restart at 0 and hand identical
 * matrices to different layers, while two networks built from one configuration object would differ.) A view of a
 * freshly created array has offset 0, so repeated standalone calls on fresh arrays give the same matrix. Not
 * thread-safe; one instance serves one call.
 */
final class NormalSource {

    /** The golden-ratio increment of SplittableRandom, used to decorrelate consecutive stream keys. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final SplittableRandom random;

    private NormalSource(SplittableRandom random) {
        this.random = random;
    }

    /**
     * Returns the source for filling {@code paramView}: ND4J's global generator when the seed is null, else a private
     * generator keyed by the seed and the view's offset.
     */
    static NormalSource forView(Long seed, INDArray paramView) {
        return seed == null ? new NormalSource(null) : of(seed, paramView.offset());
    }

    /** Returns the private source of stream {@code stream} of {@code seed}. */
    static NormalSource of(long seed, long stream) {
        // Stafford's 64-bit finalizer (as in SplittableRandom) spreads (seed, stream) over the 2^64 states, so
        // distinct streams start at unrelated points of the generator's cycle.
        return new NormalSource(new SplittableRandom(mix(seed ^ mix(stream + GOLDEN_GAMMA))));
    }

    /** Returns {@code count} independent N(0, 1) numbers. */
    double[] next(int count) {
        if (random == null) {
            return Nd4j.randn(DataType.DOUBLE, count).toDoubleVector();
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
