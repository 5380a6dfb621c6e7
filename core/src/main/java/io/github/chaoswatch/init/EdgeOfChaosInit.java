package io.github.chaoswatch.init;

import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Initializes SimpleRnn recurrent weights N(0, g²/n) at the gain g whose mean-field largest exponent is a chosen
 * offset from the edge of chaos (THEORY.md §5.2).
 *
 * <p>g solves λ_MF(g) = ½ ln χ_1(g) = offset ({@link CriticalGain#gainFor}) for the configured activation (default
 * tanh), bias variance σ_b² and input variance σ_in² (both default 0: autonomous, bias-free, the setting of
 * DL4J's default SimpleRnn initialization apart from the weights). Offset 0 is the edge of chaos, a negative offset
 * ordered dynamics with memory time about 1/|offset| steps, a positive one chaos. The weights are Gaussian because
 * mean-field theory is derived for Gaussian weights; for orthogonal weights at the same gain use
 * {@code new OrthogonalInit(CriticalGain.of(act).gainFor(offset).orElseThrow())}.
 *
 * <p>Only square recurrent matrices [n, n] (SimpleRnn) are accepted: the mean field does not cover gated layers, so
 * for LSTM use {@link OrthogonalInit} or {@link ScaledGaussianInit} and tune the gain on the real layer with
 * {@link GainCalibrator}. Finite networks deviate from mean field by O(n^{−1/2}); near the edge they often settle on
 * fixed points or cycles, so measure, and calibrate when the exact exponent matters.
 *
 * <pre>{@code
 * new SimpleRnn.Builder().nOut(256).activation(Activation.TANH)
 *         .weightInitRecurrent(new EdgeOfChaosInit(-0.02))      // 50-step memory, just ordered
 *         .build();
 * new EdgeOfChaosInit.Builder(0).biasVariance(0.05).inputVariance(0.2).seed(7).build();
 * }</pre>
 *
 * <p>The gain is computed once, when the initializer is built. Survives {@code MultiLayerConfiguration.toJson/fromJson}
 * and {@code ModelSerializer}; immutable configuration, thread-safe. Randomness as for {@link OrthogonalInit}.
 */
public final class EdgeOfChaosInit implements IWeightInit {

    private static final long serialVersionUID = 1L;

    private final double offset;
    private final IActivation activation;
    private final double biasVariance;
    private final double inputVariance;
    private final Long seed;
    /** Derived from the fields above; not configuration, hence transient (recomputed by {@link #readResolve}). */
    private final transient double gain;

    /**
     * Creates the initializer for tanh, without bias and input variance, drawing from ND4J's global generator.
     *
     * @param offsetNatsPerStep the predicted largest exponent λ_MF in nats per step (0: the edge of chaos)
     * @throws IllegalArgumentException if the offset is not finite or no gain reaches it
     */
    public EdgeOfChaosInit(double offsetNatsPerStep) {
        this(new Builder(offsetNatsPerStep).validated());
    }

    private EdgeOfChaosInit(Builder builder) {
        this.offset = builder.offset;
        this.activation = builder.activation;
        this.biasVariance = builder.biasVariance;
        this.inputVariance = builder.inputVariance;
        this.seed = builder.seed;
        this.gain = builder.gain;
    }

    @JsonCreator
    private static EdgeOfChaosInit fromJson(@JsonProperty("offset") double offset,
                                            @JsonProperty("activation") IActivation activation,
                                            @JsonProperty("biasVariance") double biasVariance,
                                            @JsonProperty("inputVariance") double inputVariance,
                                            @JsonProperty("seed") Long seed) {
        Builder builder = new Builder(offset).biasVariance(biasVariance).inputVariance(inputVariance);
        if (activation != null) {
            builder.activation(activation);
        }
        if (seed != null) {
            builder.seed(seed);
        }
        return builder.build();
    }

    /** Java deserialization skips the constructor: rebuild so that the derived gain is computed again. */
    private Object readResolve() {
        return fromJson(offset, activation, biasVariance, inputVariance, seed);
    }

    /** Returns the target λ_MF in nats per step. */
    public double offsetNatsPerStep() {
        return offset;
    }

    /** Returns the activation the gain was computed for. */
    public IActivation activation() {
        return activation;
    }

    /** Returns σ_b². */
    public double biasVariance() {
        return biasVariance;
    }

    /** Returns σ_in². */
    public double inputVariance() {
        return inputVariance;
    }

    /** Returns the seed, or empty when drawing from ND4J's global generator. */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /** Returns the gain g = σ_w with λ_MF(g) = offset. */
    public double gain() {
        return gain;
    }

    /**
     * Fills the [n, n] view with N(0, g²/n) entries and returns it reshaped to {@code shape}.
     *
     * @throws IllegalArgumentException if the shape is not square
     */
    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        BlockLayout layout = BlockLayout.of(shape, "EdgeOfChaosInit");
        if (layout.kind() != BlockLayout.Kind.SQUARE) {
            throw new IllegalArgumentException("EdgeOfChaosInit computes the mean-field gain of a SimpleRnn, whose"
                    + " recurrent weights are square [n, n]; got shape " + layout + ". Set it with"
                    + " weightInitRecurrent on a SimpleRnn; for LSTM use OrthogonalInit or ScaledGaussianInit and"
                    + " tune the gain with GainCalibrator");
        }
        NormalSource normals = NormalSource.forView(seed, paramView);
        return layout.fill(order, paramView,
                (rows, columns) -> ScaledGaussianInit.gaussian(rows, columns, normals, gain));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgeOfChaosInit other && Double.compare(offset, other.offset) == 0
                && activation.equals(other.activation) && Double.compare(biasVariance, other.biasVariance) == 0
                && Double.compare(inputVariance, other.inputVariance) == 0 && Objects.equals(seed, other.seed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(EdgeOfChaosInit.class, offset, activation, biasVariance, inputVariance, seed);
    }

    @Override
    public String toString() {
        return "EdgeOfChaosInit[offset=" + offset + " nats/step, activation=" + activation + ", biasVariance="
                + biasVariance + ", inputVariance=" + inputVariance + ", seed=" + (seed == null ? "network" : seed)
                + ", gain=" + gain + "]";
    }

    /** Builds an {@link EdgeOfChaosInit}. */
    public static final class Builder {

        private final double offset;
        private IActivation activation = new ActivationTanH();
        private double biasVariance;
        private double inputVariance;
        private Long seed;
        private double gain;

        /**
         * Starts a builder.
         *
         * @param offsetNatsPerStep the predicted largest exponent λ_MF in nats per step (0: the edge of chaos;
         *                          negative: ordered; positive: chaotic)
         */
        public Builder(double offsetNatsPerStep) {
            this.offset = offsetNatsPerStep;
        }

        /** Sets the layer's activation φ (default tanh); it must match the layer's {@code .activation(...)}. */
        public Builder activation(IActivation activation) {
            this.activation = Objects.requireNonNull(activation, "activation");
            return this;
        }

        /** Sets the layer's activation φ (default {@link Activation#TANH}). */
        public Builder activation(Activation activation) {
            return activation(Objects.requireNonNull(activation, "activation").getActivationFunction());
        }

        /** Sets σ_b², the variance of the biases (default 0, DL4J's SimpleRnn default). */
        public Builder biasVariance(double biasVariance) {
            this.biasVariance = biasVariance;
            return this;
        }

        /** Sets σ_in², the variance of the entries of x_t·W under the expected inputs (default 0: autonomous). */
        public Builder inputVariance(double inputVariance) {
            this.inputVariance = inputVariance;
            return this;
        }

        /** Sets the seed of a private generator (default: ND4J's global generator, governed by the network seed). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Validates, solves for the gain and builds.
         *
         * @throws IllegalArgumentException listing every invalid setting, or saying that no gain in
         *                                  [{@value CriticalGain#MIN_GAIN}, {@value CriticalGain#MAX_GAIN}] reaches
         *                                  the offset
         */
        public EdgeOfChaosInit build() {
            return new EdgeOfChaosInit(validated());
        }

        private Builder validated() {
            List<String> problems = new ArrayList<>();
            collect(problems, () -> InitArguments.exponent("offset", offset));
            collect(problems, () -> InitArguments.variance("biasVariance", biasVariance));
            collect(problems, () -> InitArguments.variance("inputVariance", inputVariance));
            CriticalGain[] meanField = new CriticalGain[1];
            collect(problems, () -> meanField[0] = CriticalGain.of(activation));
            if (problems.isEmpty()) {
                CriticalGain solver = meanField[0].withBiasVariance(biasVariance).withInputVariance(inputVariance);
                OptionalDouble solved = solver.gainFor(offset);
                if (solved.isEmpty()) {
                    problems.add("no gain in [" + CriticalGain.MIN_GAIN + ", " + CriticalGain.MAX_GAIN + "] gives a"
                            + " predicted exponent of " + offset + " nats/step for " + solver + "; choose an offset"
                            + " between the exponents predicted at those gains");
                } else {
                    gain = solved.getAsDouble();
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid EdgeOfChaosInit configuration: "
                        + String.join("; ", problems));
            }
            return this;
        }

        private static void collect(List<String> problems, Runnable check) {
            try {
                check.run();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }
}
