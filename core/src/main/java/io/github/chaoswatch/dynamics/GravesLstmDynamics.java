package io.github.chaoswatch.dynamics;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The dynamics of DL4J's {@code GravesLSTM}: an {@link LstmDynamics} with peephole connections
 * (Gers, Schraudolph &amp; Schmidhuber 2002; THEORY.md §3.5).
 *
 * <p>RW is [n, 4n+3]: the last three columns are the peephole vectors p_F = RW[:, 4n] (forget gate, on c_{t−1}),
 * p_O = RW[:, 4n+1] (output gate, on the current c_t) and p_I = RW[:, 4n+2] (input gate, on c_{t−1}), as in DL4J's
 * {@code LSTMHelpers}; the one-step test against {@code rnnTimeStep} with distinct non-zero peepholes confirms it.
 */
public final class GravesLstmDynamics extends LstmDynamics {

    private GravesLstmDynamics(String name, AffineMap affine, IActivation activation, IActivation gateActivation,
                               Peepholes peepholes) {
        super(name, affine, activation, gateActivation, peepholes);
    }

    /**
     * Returns the dynamics of a GravesLSTM with DL4J parameters W [nIn, 4n], RW [n, 4n+3], b [4n] (copied).
     *
     * @throws IllegalArgumentException if an activation is not elementwise and parameter-free
     */
    public static GravesLstmDynamics of(String name, INDArray w, INDArray rw, INDArray b, IActivation activation,
                                        IActivation gateActivation) {
        AffineMap affine = AffineMap.of(w, rw, b);
        int n = affine.hiddenSize();
        Peepholes peepholes = new Peepholes(ParameterCopy.column(rw, 4 * n), ParameterCopy.column(rw, 4 * n + 1),
                ParameterCopy.column(rw, 4 * n + 2));
        return new GravesLstmDynamics(name, affine, activation, gateActivation, peepholes);
    }

    @Override
    public String layerType() {
        return "GravesLSTM";
    }
}
