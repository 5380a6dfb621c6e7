package io.github.chaoswatch.dynamics;

import io.github.chaoswatch.linalg.DenseMatrix;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The dynamics of DL4J's {@code SimpleRnn}: h_t = φ(Wᵀx_t + RWᵀh_{t−1} + b) (THEORY.md §3.3).
 *
 * <p>State h (D = n). Jacobian J_t = diag(φ'(z_t))·RWᵀ, applied as one product RWᵀ·Q and a row scaling; J is never
 * formed. Layer normalization is not supported (its exact DL4J normalization is unverified, THEORY.md §3.3): such a
 * layer is rejected by {@link Dynamics}.
 */
public final class SimpleRnnDynamics implements RecurrentDynamics {

    private final String name;
    private final AffineMap affine;
    private final ElementwiseActivation activation;
    /** RWᵀ, the linear part of J, kept so that J = diag(φ')·RWᵀ is one copy and one row scaling. */
    private final DenseMatrix recurrentTransposed;

    private SimpleRnnDynamics(String name, AffineMap affine, ElementwiseActivation activation,
                              DenseMatrix recurrentTransposed) {
        this.name = name;
        this.affine = affine;
        this.activation = activation;
        this.recurrentTransposed = recurrentTransposed;
    }

    /**
     * Returns the dynamics of a SimpleRnn with DL4J parameters W [nIn, n], RW [n, n], b [n] (copied) and activation
     * φ.
     *
     * @throws IllegalArgumentException if φ is not elementwise and parameter-free
     */
    public static SimpleRnnDynamics of(String name, INDArray w, INDArray rw, INDArray b, IActivation activation) {
        return new SimpleRnnDynamics(name, AffineMap.of(w, rw, b),
                ElementwiseActivation.of(activation, "layer '" + name + "'"),
                ParameterCopy.matrix(rw.transpose(), (int) rw.size(0)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String layerType() {
        return "SimpleRnn";
    }

    @Override
    public int stateSize() {
        return affine.width();
    }

    @Override
    public int inputSize() {
        return affine.inputSize();
    }

    @Override
    public void step(double[] state, double[] input, double[] next) {
        double[] z = new double[affine.width()];
        affine.evaluate(state, input, z);
        activation.evaluate(z, next, null);
    }

    @Override
    public void tangentStep(double[] state, double[] input, double[] next, DenseMatrix stateTangents,
                            DenseMatrix inputTangents, DenseMatrix product) {
        double[] slope = slopes(state, input, next);
        affine.tangent(stateTangents, inputTangents, product);
        product.scaleRows(slope);
    }

    @Override
    public boolean hasCheapJacobian() {
        return true;
    }

    @Override
    public void jacobianInto(double[] state, double[] input, DenseMatrix out) {
        double[] slope = slopes(state, input, new double[affine.width()]);
        out.assign(recurrentTransposed);
        out.scaleRows(slope);
    }

    /** Computes h_t into {@code next} and returns φ'(z_t). */
    private double[] slopes(double[] state, double[] input, double[] next) {
        int n = affine.width();
        double[] z = new double[n];
        double[] slope = new double[n];
        affine.evaluate(state, input, z);
        activation.evaluate(z, next, slope);
        return slope;
    }

    @Override
    public String toString() {
        return "SimpleRnnDynamics[" + name + ", n=" + stateSize() + ", nIn=" + inputSize() + ", " + activation + "]";
    }
}
