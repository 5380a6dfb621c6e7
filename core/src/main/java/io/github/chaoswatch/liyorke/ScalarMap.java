package io.github.chaoswatch.liyorke;

import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.linalg.DenseMatrix;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A continuous map f: ℝ → ℝ with its derivative, the object of Li–Yorke theory in one dimension (THEORY.md §4.1).
 *
 * <p>Two kinds exist. {@link #of} wraps any function and derivative (lambdas), for example the logistic map
 * x ↦ r·x(1 − x). {@link #piecewiseLinear} is exactly piecewise linear, as every ReLU network of one input is (the
 * scrambling paper's model, {@link RandomScalarRnn#toScalarMap()}); for such maps the breakpoints and the exact
 * Lipschitz constant max|slope| are known, which makes the Lipschitz pre-filter of {@link PeriodThreeDetector}
 * exact and its search complete on an interval (THEORY.md §4.2, §4.4). Derivatives of piecewise-linear maps are
 * one-sided (the slope of the piece to the right), as DL4J's backprop returns them for ReLU.
 *
 * <p>A map may declare that its image lies in a bounded interval ({@link #withImageBounds}): every periodic orbit
 * then lies there, and the detector searches exactly that interval. Piecewise-linear maps know their image.
 *
 * <p>{@link #asDynamics()} turns the map into a {@link RecurrentDynamics} of state size 1 and input size 0, so the
 * Lyapunov estimators of {@code io.github.chaoswatch.lyapunov} apply (λ = ln s for the tent map of slope s).
 *
 * <p>Immutable and thread-safe if the wrapped functions are.
 */
public final class ScalarMap {

    private final String name;
    private final DoubleUnaryOperator function;
    private final DoubleUnaryOperator derivative;
    private final PiecewiseLinear piecewiseLinear;
    private final double imageLower;
    private final double imageUpper;

    private ScalarMap(String name, DoubleUnaryOperator function, DoubleUnaryOperator derivative,
                      PiecewiseLinear piecewiseLinear, double imageLower, double imageUpper) {
        this.name = name;
        this.function = function;
        this.derivative = derivative;
        this.piecewiseLinear = piecewiseLinear;
        this.imageLower = imageLower;
        this.imageUpper = imageUpper;
    }

    /**
     * Returns the map x ↦ f(x) with derivative f'.
     *
     * @param f    the map; must be continuous (the theory needs it; nothing here can check it)
     * @param df   its derivative, used by {@link #asDynamics()} and for the Lipschitz estimate of smooth maps
     * @param name a name for reports
     */
    public static ScalarMap of(DoubleUnaryOperator f, DoubleUnaryOperator df, String name) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(df, "df");
        Objects.requireNonNull(name, "name");
        return new ScalarMap(name, f, df, null, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Returns the continuous piecewise-linear map through the knots (ξ_i, y_i), continued beyond the first and last
     * knot with the given slopes (0 keeps it constant there). Arrays are copied.
     *
     * @param name       a name for reports
     * @param knots      ξ_0 &lt; ξ_1 &lt; … (at least one), finite
     * @param values     y_i = f(ξ_i), finite
     * @param leftSlope  slope for x &lt; ξ_0
     * @param rightSlope slope for x &gt; ξ_{m−1}
     * @throws IllegalArgumentException if the knots are not strictly increasing or a number is not finite
     */
    public static ScalarMap piecewiseLinear(String name, double[] knots, double[] values, double leftSlope,
                                            double rightSlope) {
        Objects.requireNonNull(name, "name");
        return ofPiecewiseLinear(name, PiecewiseLinear.of(knots, values, leftSlope, rightSlope));
    }

    /** Wraps a piecewise-linear map; its image bounds are exact. */
    static ScalarMap ofPiecewiseLinear(String name, PiecewiseLinear map) {
        return new ScalarMap(name, map::apply, map::slopeAt, map, map.rangeLower(), map.rangeUpper());
    }

    /**
     * Returns a copy that declares f(ℝ) ⊆ [lower, upper], as for a sigmoid, tanh or clipped output. The declaration
     * is trusted, not checked: {@link PeriodThreeDetector} then searches only [lower, upper] and calls that search
     * complete. A piecewise-linear map knows its image; this intersects it with the declared bounds.
     *
     * @throws IllegalArgumentException unless lower &lt; upper, both finite
     */
    public ScalarMap withImageBounds(double lower, double upper) {
        // Positive form: NaN fails.
        if (!(ConfigurationProblems.finite(lower) && ConfigurationProblems.finite(upper) && lower < upper)) {
            throw new IllegalArgumentException("image bounds [" + lower + ", " + upper + "] of map '" + name
                    + "' are invalid; pass finite bounds with lower < upper");
        }
        return new ScalarMap(name, function, derivative, piecewiseLinear, Math.max(lower, imageLower),
                Math.min(upper, imageUpper));
    }

    /** Returns the name given at construction. */
    public String name() {
        return name;
    }

    /** Returns f(x). */
    public double apply(double x) {
        return function.applyAsDouble(x);
    }

    /** Returns f'(x) (for piecewise-linear maps the slope of the piece to the right of x). */
    public double derivative(double x) {
        return derivative.applyAsDouble(x);
    }

    /**
     * Returns fⁿ(x), the n-th iterate (n ≥ 0).
     *
     * @throws IllegalArgumentException if n &lt; 0
     */
    public double iterate(double x, int n) {
        if (!(n >= 0)) {
            throw new IllegalArgumentException("iterate count n = " + n + " must be >= 0");
        }
        double y = x;
        for (int i = 0; i < n; i++) {
            y = function.applyAsDouble(y);
        }
        return y;
    }

    /** Returns true for an exactly piecewise-linear map (breakpoints and Lipschitz constant known). */
    public boolean isPiecewiseLinear() {
        return piecewiseLinear != null;
    }

    /** Returns the points where the slope of a piecewise-linear map changes, ascending; empty otherwise. */
    public double[] breakpoints() {
        return piecewiseLinear == null ? new double[0] : piecewiseLinear.breakpoints();
    }

    /** Returns max|f'| over ℝ, the exact Lipschitz constant, for a piecewise-linear map; empty otherwise. */
    public OptionalDouble maxAbsSlope() {
        return piecewiseLinear == null ? OptionalDouble.empty() : OptionalDouble.of(piecewiseLinear.maxAbsSlope());
    }

    /** Returns inf f(ℝ) when known (piecewise-linear or declared), else −∞. */
    public double imageLower() {
        return imageLower;
    }

    /** Returns sup f(ℝ) when known (piecewise-linear or declared), else +∞. */
    public double imageUpper() {
        return imageUpper;
    }

    /** Returns true when the image is known to lie in a bounded interval [imageLower, imageUpper]. */
    public boolean hasBoundedImage() {
        return ConfigurationProblems.finite(imageLower) && ConfigurationProblems.finite(imageUpper);
    }

    /** Returns the piecewise-linear structure, or null. */
    PiecewiseLinear piecewiseLinearForm() {
        return piecewiseLinear;
    }

    /**
     * Returns this map as a {@link RecurrentDynamics} s_t = f(s_{t−1}) of state size 1 and input size 0, whose
     * initial states are uniform on the image when it is bounded and on [−1, 1] otherwise.
     */
    public RecurrentDynamics asDynamics() {
        return hasBoundedImage() ? asDynamics(imageLower, imageUpper) : asDynamics(-1, 1);
    }

    /**
     * Returns this map as a {@link RecurrentDynamics} whose initial states are uniform on [lower, upper], for
     * example [0.05, 0.95] for the logistic map (whose orbits from outside [0, 1] diverge).
     *
     * @throws IllegalArgumentException unless lower &lt; upper, both finite
     */
    public RecurrentDynamics asDynamics(double lower, double upper) {
        if (!(ConfigurationProblems.finite(lower) && ConfigurationProblems.finite(upper) && lower < upper)) {
            throw new IllegalArgumentException("initial-state interval [" + lower + ", " + upper
                    + "] is invalid; pass finite bounds with lower < upper");
        }
        return new Dynamics1D(this, lower, upper);
    }

    @Override
    public String toString() {
        return "ScalarMap[" + name + (piecewiseLinear == null ? "" : ", piecewise linear, "
                + piecewiseLinear.breakpoints().length + " breakpoints, max|slope| " + piecewiseLinear.maxAbsSlope())
                + (hasBoundedImage() ? ", image in [" + imageLower + ", " + imageUpper + "]" : "") + "]";
    }

    /** The map as a one-dimensional autonomous recurrent system; its Jacobian is the 1×1 matrix f'(s). */
    private static final class Dynamics1D implements RecurrentDynamics {

        private final ScalarMap map;
        private final double lower;
        private final double upper;

        Dynamics1D(ScalarMap map, double lower, double upper) {
            this.map = map;
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public String name() {
            return map.name;
        }

        @Override
        public String layerType() {
            return "scalar map";
        }

        @Override
        public int stateSize() {
            return 1;
        }

        @Override
        public int inputSize() {
            return 0;
        }

        @Override
        public void step(double[] state, double[] input, double[] next) {
            next[0] = map.apply(state[0]);
        }

        @Override
        public void tangentStep(double[] state, double[] input, double[] next, DenseMatrix stateTangents,
                                DenseMatrix inputTangents, DenseMatrix product) {
            double slope = map.derivative(state[0]);
            for (int c = 0; c < stateTangents.columns(); c++) {
                product.set(0, c, slope * stateTangents.get(0, c));
            }
            next[0] = map.apply(state[0]);
        }

        @Override
        public double[] initialState(SplittableRandom random) {
            return new double[] {random.nextDouble(lower, upper)};
        }

        @Override
        public String toString() {
            return "ScalarMap.asDynamics[" + map.name + ", initial states in [" + lower + ", " + upper + "]]";
        }
    }
}
