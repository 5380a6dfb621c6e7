package io.github.chaoswatch.liyorke;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The scalar recurrent network of the scrambling paper, a one-hidden-layer ReLU network fed back into itself
 * (Chatziafratis, Panageas, Sanford &amp; Stavroulakis 2022, arXiv:2210.05212; THEORY.md §4.3):
 * <pre>
 *   x_{t+1} = f(x_t),   f(x) = σ_out( Σ_{i=1}^{k} a_i · ReLU(w_i·x + b_i) + c ),
 * </pre>
 * with width k, input weights w_i, hidden biases b_i, output weights a_i, output bias c and output function σ_out
 * (identity, ReLU, or clipping to [0, 1]). "T feedback loops" is the composition f^T.
 *
 * <p><b>Initialization</b> (normal form; fan-in of the hidden layer 1, of the output layer k):
 * <ul>
 *   <li>He (He et al. 2015): w_i ~ N(0, 2), a_i ~ N(0, 2/k);</li>
 *   <li>Glorot (Glorot &amp; Bengio 2010): w_i ~ N(0, 2/(1 + k)), a_i ~ N(0, 2/(k + 1)).</li>
 * </ul>
 * A weight scale s multiplies both standard deviations (variances by s²). Biases are drawn like the weights of their
 * layer, b_i with the variance of w_i and c with that of a_i (scale included), as in the paper's He experiments and
 * unlike DL4J's zero default; {@link Builder#hiddenBiasVariance} and {@link Builder#outputBiasVariance} set them
 * separately (absolute variances, not scaled).
 *
 * <p><b>Reproducibility.</b> A {@link SplittableRandom} seeded with the seed draws, in this order, w_1, b_1, w_2,
 * b_2, …, w_k, b_k, then a_1 … a_k, then c: equal settings and seeds give bit-identical networks.
 *
 * <p><b>Structure.</b> Between the breakpoints β_i = −b_i/w_i the map is affine with slope Σ_{active} a_i·w_i (a
 * random walk in x, THEORY.md §4.3); {@link #toScalarMap()} returns it as an exactly piecewise-linear
 * {@link ScalarMap}, so the detector's Lipschitz pre-filter is exact. Immutable and thread-safe.
 */
public final class RandomScalarRnn {

    /** The weight initialization. */
    public enum Initialization {
        /** He: variance 2/fan_in; w_i ~ N(0, 2), a_i ~ N(0, 2/k). */
        HE,
        /** Glorot (Xavier) normal: variance 2/(fan_in + fan_out); w_i, a_i ~ N(0, 2/(k + 1)). */
        GLOROT;

        /** Returns the variance of w_i for width k, before scaling. */
        double inputWeightVariance(int k) {
            return this == HE ? 2.0 : 2.0 / (1 + k);
        }

        /** Returns the variance of a_i for width k, before scaling. */
        double outputWeightVariance(int k) {
            return this == HE ? 2.0 / k : 2.0 / (k + 1);
        }
    }

    /** The output function σ_out. */
    public enum OutputFunction {
        /** σ_out(y) = y. */
        IDENTITY,
        /** σ_out(y) = max(0, y). */
        RELU,
        /** σ_out(y) = min(max(y, 0), 1): the image lies in [0, 1], so a period search there is complete. */
        CLIP
    }

    private final double[] inputWeights;
    private final double[] hiddenBiases;
    private final double[] outputWeights;
    private final double outputBias;
    private final OutputFunction output;
    private final String name;
    /** The exact piecewise-linear form, built once: every detector call needs it. */
    private final PiecewiseLinear form;

    private RandomScalarRnn(double[] inputWeights, double[] hiddenBiases, double[] outputWeights, double outputBias,
                            OutputFunction output, String name) {
        this.inputWeights = inputWeights;
        this.hiddenBiases = hiddenBiases;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
        this.output = output;
        this.name = name;
        this.form = piecewiseLinear();
    }

    /**
     * Returns the network with the given parameters (copied), e.g. the two-ReLU tent map f(x) = 2·ReLU(x) −
     * 4·ReLU(x − ½): w = (1, 1), b = (0, −½), a = (2, −4), c = 0, identity output (THEORY.md §7.4).
     *
     * @throws IllegalArgumentException if the lengths differ, the width is 0 or a parameter is not finite
     */
    public static RandomScalarRnn of(double[] inputWeights, double[] hiddenBiases, double[] outputWeights,
                                     double outputBias, OutputFunction output) {
        Objects.requireNonNull(output, "output");
        int k = inputWeights.length;
        if (k == 0 || hiddenBiases.length != k || outputWeights.length != k) {
            throw new IllegalArgumentException("a network of width k needs k input weights, k hidden biases and k"
                    + " output weights, k >= 1; got " + inputWeights.length + ", " + hiddenBiases.length + " and "
                    + outputWeights.length);
        }
        for (int i = 0; i < k; i++) {
            if (!(ConfigurationProblems.finite(inputWeights[i]) && ConfigurationProblems.finite(hiddenBiases[i])
                    && ConfigurationProblems.finite(outputWeights[i]))) {
                throw new IllegalArgumentException("unit " + i + " has a non-finite parameter (w = " + inputWeights[i]
                        + ", b = " + hiddenBiases[i] + ", a = " + outputWeights[i] + "); pass finite numbers");
            }
        }
        if (!ConfigurationProblems.finite(outputBias)) {
            throw new IllegalArgumentException("output bias c = " + outputBias + " must be finite");
        }
        return new RandomScalarRnn(inputWeights.clone(), hiddenBiases.clone(), outputWeights.clone(), outputBias,
                output, "scalar ReLU network k=" + k + ", " + output);
    }

    /** Returns the width k. */
    public int width() {
        return inputWeights.length;
    }

    /** Returns w_1 … w_k (a copy). */
    public double[] inputWeights() {
        return inputWeights.clone();
    }

    /** Returns b_1 … b_k (a copy). */
    public double[] hiddenBiases() {
        return hiddenBiases.clone();
    }

    /** Returns a_1 … a_k (a copy). */
    public double[] outputWeights() {
        return outputWeights.clone();
    }

    /** Returns c. */
    public double outputBias() {
        return outputBias;
    }

    /** Returns σ_out. */
    public OutputFunction output() {
        return output;
    }

    /** Returns a name stating the width, output function and, for random networks, initialization and seed. */
    public String name() {
        return name;
    }

    /** Returns f(x), evaluated by the network formula. */
    public double apply(double x) {
        double sum = outputBias;
        for (int i = 0; i < inputWeights.length; i++) {
            sum += outputWeights[i] * Math.max(0, inputWeights[i] * x + hiddenBiases[i]);
        }
        return switch (output) {
            case IDENTITY -> sum;
            case RELU -> Math.max(0, sum);
            case CLIP -> Math.min(Math.max(sum, 0), 1);
        };
    }

    /** Returns the points where the slope of f changes, ascending (hidden breakpoints and output kinks). */
    public double[] breakpoints() {
        return form.breakpoints();
    }

    /** Returns max|f'| over ℝ, the exact Lipschitz constant of f. */
    public double maxAbsSlope() {
        return form.maxAbsSlope();
    }

    /** Returns f as an exactly piecewise-linear {@link ScalarMap}. */
    public ScalarMap toScalarMap() {
        return ScalarMap.ofPiecewiseLinear(name, form);
    }

    /**
     * Builds the knots: the distinct hidden breakpoints β_i = −b_i/w_i (w_i ≠ 0) with values from the formula, end
     * slopes Σ_{w_i &lt; 0} a_i·w_i (x → −∞) and Σ_{w_i &gt; 0} a_i·w_i (x → +∞), then the output kinks.
     */
    private PiecewiseLinear piecewiseLinear() {
        int k = inputWeights.length;
        double[] breaks = new double[k];
        int count = 0;
        double left = 0;
        double right = 0;
        for (int i = 0; i < k; i++) {
            if (inputWeights[i] != 0) {
                double beta = -hiddenBiases[i] / inputWeights[i];
                // Normalize −0.0 (from b_i = 0) to 0.0, so equal breakpoints compare equal.
                breaks[count++] = beta == 0 ? 0 : beta;
                if (inputWeights[i] < 0) {
                    left += outputWeights[i] * inputWeights[i];
                } else {
                    right += outputWeights[i] * inputWeights[i];
                }
            }
        }
        double[] knots = Arrays.stream(breaks, 0, count).sorted().distinct().toArray();
        if (knots.length == 0) {
            // Every w_i = 0: a constant map; one knot represents it.
            knots = new double[] {0};
        }
        double[] values = new double[knots.length];
        for (int j = 0; j < knots.length; j++) {
            values[j] = preActivation(knots[j]);
        }
        PiecewiseLinear inner = PiecewiseLinear.of(knots, values, left, right);
        return switch (output) {
            case IDENTITY -> inner;
            case RELU -> inner.clamp(0, Double.POSITIVE_INFINITY);
            case CLIP -> inner.clamp(0, 1);
        };
    }

    private double preActivation(double x) {
        double sum = outputBias;
        for (int i = 0; i < inputWeights.length; i++) {
            sum += outputWeights[i] * Math.max(0, inputWeights[i] * x + hiddenBiases[i]);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "RandomScalarRnn[" + name + ", " + form.breakpoints().length + " breakpoints, max|slope| "
                + String.format(Locale.ROOT, "%.4g", form.maxAbsSlope()) + "]";
    }

    /** Draws a random {@link RandomScalarRnn}; one builder may build many networks, e.g. one per seed. */
    public static final class Builder {

        private final int width;
        private Initialization initialization = Initialization.HE;
        private double weightScale = 1;
        private double hiddenBiasVariance = Double.NaN;
        private double outputBiasVariance = Double.NaN;
        private boolean hiddenBiasVarianceSet;
        private boolean outputBiasVarianceSet;
        private OutputFunction output = OutputFunction.IDENTITY;
        private long seed = 42;

        /**
         * Starts a builder.
         *
         * @param width k, the number of hidden ReLU units (at least 1)
         */
        public Builder(int width) {
            this.width = width;
        }

        /** Sets the initialization (default {@link Initialization#HE}). */
        public Builder initialization(Initialization initialization) {
            this.initialization = Objects.requireNonNull(initialization, "initialization");
            return this;
        }

        /**
         * Sets the weight scale s (default 1; &gt; 0), which multiplies the standard deviations of w_i and a_i and,
         * unless set separately, of the biases.
         */
        public Builder weightScale(double weightScale) {
            this.weightScale = weightScale;
            return this;
        }

        /** Sets the variance of b_i (default: that of w_i, scale included; ≥ 0; 0 gives zero biases). */
        public Builder hiddenBiasVariance(double variance) {
            this.hiddenBiasVariance = variance;
            this.hiddenBiasVarianceSet = true;
            return this;
        }

        /** Sets the variance of c (default: that of a_i, scale included; ≥ 0). */
        public Builder outputBiasVariance(double variance) {
            this.outputBiasVariance = variance;
            this.outputBiasVarianceSet = true;
            return this;
        }

        /** Sets σ_out (default {@link OutputFunction#IDENTITY}). */
        public Builder output(OutputFunction output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** Sets the seed (default 42); equal seeds give bit-identical networks. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Validates the settings and draws the network.
         *
         * @throws IllegalArgumentException listing every invalid setting
         */
        public RandomScalarRnn build() {
            List<String> problems = new ArrayList<>();
            if (!(width >= 1)) {
                problems.add("width = " + width + " must be at least 1");
            }
            if (!(weightScale > 0 && ConfigurationProblems.finite(weightScale))) {
                problems.add("weightScale = " + weightScale + " must be a finite number > 0");
            }
            if (hiddenBiasVarianceSet && !(hiddenBiasVariance >= 0 && ConfigurationProblems.finite(
                    hiddenBiasVariance))) {
                problems.add("hiddenBiasVariance = " + hiddenBiasVariance + " must be a finite number >= 0");
            }
            if (outputBiasVarianceSet && !(outputBiasVariance >= 0 && ConfigurationProblems.finite(
                    outputBiasVariance))) {
                problems.add("outputBiasVariance = " + outputBiasVariance + " must be a finite number >= 0");
            }
            ConfigurationProblems.check("RandomScalarRnn", problems);
            double s2 = weightScale * weightScale;
            double wSd = Math.sqrt(s2 * initialization.inputWeightVariance(width));
            double aSd = Math.sqrt(s2 * initialization.outputWeightVariance(width));
            double bSd = hiddenBiasVarianceSet ? Math.sqrt(hiddenBiasVariance) : wSd;
            double cSd = outputBiasVarianceSet ? Math.sqrt(outputBiasVariance) : aSd;
            SplittableRandom random = new SplittableRandom(seed);
            double[] w = new double[width];
            double[] b = new double[width];
            double[] a = new double[width];
            for (int i = 0; i < width; i++) {
                w[i] = wSd * random.nextGaussian();
                b[i] = bSd * random.nextGaussian();
            }
            for (int i = 0; i < width; i++) {
                a[i] = aSd * random.nextGaussian();
            }
            double c = cSd * random.nextGaussian();
            String name = String.format(Locale.ROOT, "RandomScalarRnn k=%d, %s, scale %s, %s, seed %d", width,
                    initialization, weightScale, output, seed);
            return new RandomScalarRnn(w, b, a, c, output, name);
        }
    }
}
