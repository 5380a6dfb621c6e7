package io.github.chaoswatch.dynamics;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationHardSigmoid;
import org.nd4j.linalg.activations.impl.ActivationHardTanH;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftSign;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.function.DoubleUnaryOperator;

/**
 * An elementwise, parameter-free DL4J activation φ with its derivative φ', evaluated on double arrays
 * (THEORY.md §3.2).
 *
 * <p>Common activations run as Java formulas, checked once against ND4J at construction (so a formula that drifted
 * from DL4J's is never used silently); any other elementwise activation is evaluated through ND4J itself, exact but
 * slower. Piecewise-linear activations use the one-sided derivative that DL4J's {@code backprop} returns.
 * Shared by the dynamics adapters and the mean-field solver of {@code init}. Immutable and thread-safe.
 */
public final class ElementwiseActivation {

    /** Java formulas must agree with ND4J to this absolute tolerance on the check grid (double rounding level). */
    private static final double FORMULA_CHECK_TOLERANCE = 1e-12;

    /** Check grid: covers saturation, both sides of the kinks at 0 and ±1, and the hard-sigmoid corners at ±2.5. */
    private static final double[] CHECK_POINTS = {-7.3, -2.6, -2.4, -1.2, -0.8, -0.3, -1e-3, 1e-3, 0.2, 0.7, 1.3,
            2.4, 2.6, 6.1};

    private final IActivation activation;
    private final Formula formula;

    private ElementwiseActivation(IActivation activation, Formula formula) {
        this.activation = activation;
        this.formula = formula;
    }

    /**
     * Returns φ for a DL4J activation.
     *
     * @param activation the DL4J activation
     * @param user       who uses it, for the error message, e.g. "layer 'lstm1'"
     * @throws IllegalArgumentException for softmax or an activation with parameters, naming the user
     */
    public static ElementwiseActivation of(IActivation activation, String user) {
        if (activation instanceof ActivationSoftmax || activation.numParams(1) > 0) {
            throw new IllegalArgumentException(user + " uses activation " + activation
                    + ", which is not elementwise and parameter-free; chaoswatch supports elementwise activations"
                    + " such as tanh, sigmoid, ReLU or softsign");
        }
        Formula formula = formulaFor(activation);
        if (formula != null && !formula.matches(activation)) {
            formula = null;
        }
        return new ElementwiseActivation(activation, formula);
    }

    /** Returns the DL4J activation. */
    public IActivation activation() {
        return activation;
    }

    /** Writes φ(z) into {@code value} and φ'(z) into {@code derivative}; either may be null to skip it. */
    public void evaluate(double[] z, double[] value, double[] derivative) {
        if (formula != null) {
            for (int i = 0; i < z.length; i++) {
                if (value != null) {
                    value[i] = formula.value.applyAsDouble(z[i]);
                }
                if (derivative != null) {
                    derivative[i] = formula.derivative.applyAsDouble(z[i]);
                }
            }
            return;
        }
        INDArray in = Nd4j.createFromArray(z).reshape(1, z.length);
        // getActivation and backprop overwrite their input: always hand them copies (DESIGN.md).
        if (value != null) {
            System.arraycopy(activation.getActivation(in.dup(), false).data().asDouble(), 0, value, 0, z.length);
        }
        if (derivative != null) {
            INDArray ones = Nd4j.ones(DataType.DOUBLE, 1, z.length);
            double[] d = activation.backprop(in.dup(), ones).getFirst().data().asDouble();
            System.arraycopy(d, 0, derivative, 0, z.length);
        }
    }

    @Override
    public String toString() {
        return activation.toString();
    }

    private static Formula formulaFor(IActivation activation) {
        if (activation instanceof ActivationTanH) {
            return new Formula(Math::tanh, z -> {
                double t = Math.tanh(z);
                return 1 - t * t;
            });
        }
        if (activation instanceof ActivationSigmoid) {
            return new Formula(z -> 1 / (1 + Math.exp(-z)), z -> {
                double s = 1 / (1 + Math.exp(-z));
                return s * (1 - s);
            });
        }
        if (activation instanceof ActivationIdentity) {
            return new Formula(z -> z, z -> 1);
        }
        if (activation instanceof ActivationReLU) {
            return new Formula(z -> Math.max(0, z), z -> z > 0 ? 1 : 0);
        }
        if (activation instanceof ActivationHardTanH) {
            return new Formula(z -> Math.max(-1, Math.min(1, z)), z -> z > -1 && z < 1 ? 1 : 0);
        }
        if (activation instanceof ActivationHardSigmoid) {
            return new Formula(z -> Math.max(0, Math.min(1, 0.2 * z + 0.5)), z -> z > -2.5 && z < 2.5 ? 0.2 : 0);
        }
        if (activation instanceof ActivationSoftSign) {
            return new Formula(z -> z / (1 + Math.abs(z)), z -> 1 / ((1 + Math.abs(z)) * (1 + Math.abs(z))));
        }
        return null;
    }

    /** A Java formula for φ and φ'. */
    private record Formula(DoubleUnaryOperator value, DoubleUnaryOperator derivative) {

        /** True if the formula reproduces ND4J's φ and φ' on the check grid (e.g. ReLU with a custom threshold). */
        boolean matches(IActivation activation) {
            double[] expected = new double[CHECK_POINTS.length];
            double[] expectedDerivative = new double[CHECK_POINTS.length];
            new ElementwiseActivation(activation, null).evaluate(CHECK_POINTS, expected, expectedDerivative);
            for (int i = 0; i < CHECK_POINTS.length; i++) {
                double z = CHECK_POINTS[i];
                if (!(Math.abs(value.applyAsDouble(z) - expected[i]) <= FORMULA_CHECK_TOLERANCE
                        && Math.abs(derivative.applyAsDouble(z) - expectedDerivative[i]) <= FORMULA_CHECK_TOLERANCE)) {
                    return false;
                }
            }
            return true;
        }
    }
}
