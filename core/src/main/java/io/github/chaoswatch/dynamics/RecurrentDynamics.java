package io.github.chaoswatch.dynamics;

import io.github.chaoswatch.linalg.DenseMatrix;

import java.util.SplittableRandom;

/**
 * A discrete-time dynamical system s_t = F(s_{t−1}, x_t) driven by inputs x_t: one step of a recurrent layer.
 *
 * <p>Vectors are column vectors (THEORY.md §1.2): the state s ∈ ℝ^D ({@link #stateSize()}), the input
 * x ∈ ℝ^{nIn} ({@link #inputSize()}). The layer's output y_t (what the next layer receives) is the first
 * {@link #outputSize()} entries of s_t: h for SimpleRnn, h of (h, c) for LSTM.
 *
 * <p>Implementations are immutable snapshots of a layer's parameters and may be used from several threads at once;
 * they never hold the DL4J network or its live parameter views. Every DL4J adapter reproduces DL4J's own forward pass
 * ({@code rnnTimeStep}) and its analytic Jacobian matches central finite differences; the tests prove both.
 */
public interface RecurrentDynamics {

    /** Returns the name of the layer (or stack, or direction) this dynamics belongs to, for reports. */
    String name();

    /** Returns the DL4J layer type, for example {@code "LSTM"}, or a description for non-DL4J systems. */
    String layerType();

    /** Returns the state dimension D. */
    int stateSize();

    /** Returns the input dimension nIn (0 for an autonomous map). */
    int inputSize();

    /** Returns the size of the layer output, the leading part of the state (D unless the state has more parts). */
    default int outputSize() {
        return stateSize();
    }

    /**
     * Computes one step: {@code next} := F({@code state}, {@code input}). The arrays must not alias.
     *
     * @param state s_{t−1}, length D
     * @param input x_t, length nIn
     * @param next  receives s_t, length D
     */
    void step(double[] state, double[] input, double[] next);

    /**
     * Computes one step and propagates tangent vectors: {@code next} := F(s, x) and
     * {@code product} := (∂F/∂s)·{@code stateTangents} + (∂F/∂x)·{@code inputTangents}.
     *
     * <p>This is the J_t·Q of the QR method (THEORY.md §2.2), never J_tᵀ·Q. The input term serves stacked layers,
     * where the layer below perturbs this layer's input; pass {@code null} when the input is fixed.
     *
     * @param state         s_{t−1}, length D
     * @param input         x_t, length nIn
     * @param next          receives s_t, length D
     * @param stateTangents D×k tangent vectors (columns); not modified
     * @param inputTangents nIn×k input perturbations, or {@code null} for none
     * @param product       receives the D×k result; must not be {@code stateTangents}
     */
    void tangentStep(double[] state, double[] input, double[] next, DenseMatrix stateTangents,
                     DenseMatrix inputTangents, DenseMatrix product);

    /**
     * Returns the Jacobian J = ∂F/∂s at (s, x) as a row-major {@code double[D][D]}, J[i][j] = ∂s_t[i]/∂s_{t−1}[j].
     * Meant for tests and small systems; the estimator never forms J.
     */
    default double[][] jacobian(double[] state, double[] input) {
        DenseMatrix j = DenseMatrix.zeros(stateSize(), stateSize());
        jacobianInto(state, input, j);
        return j.toArray();
    }

    /**
     * Returns true if {@link #jacobianInto} forms J in O(D²) work, so that the full-spectrum engine can apply its QR
     * factors to J directly instead of forming the frame (false by default).
     */
    default boolean hasCheapJacobian() {
        return false;
    }

    /**
     * Writes J = ∂F/∂s at (s, x) into the D×D {@code out} (column-major, J_ij at (i, j)). By default through
     * {@link #tangentStep} with the identity, D times the cost of one tangent vector; adapters with
     * {@link #hasCheapJacobian()} do it in O(D²).
     */
    default void jacobianInto(double[] state, double[] input, DenseMatrix out) {
        int d = stateSize();
        DenseMatrix identity = DenseMatrix.zeros(d, d);
        for (int i = 0; i < d; i++) {
            identity.set(i, i, 1);
        }
        tangentStep(state, input, new double[d], identity, null, out);
    }

    /**
     * Returns a random initial state s_{−1} drawn from {@code random}; by default uniform in [−1, 1]^D, the range of a
     * tanh layer. Random starts matter: a zero state is a fixed point of every bias-free autonomous tanh layer.
     */
    default double[] initialState(SplittableRandom random) {
        double[] state = new double[stateSize()];
        for (int i = 0; i < state.length; i++) {
            state[i] = random.nextDouble(-1, 1);
        }
        return state;
    }
}
