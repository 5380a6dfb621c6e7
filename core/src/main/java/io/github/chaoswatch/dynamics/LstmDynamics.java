package io.github.chaoswatch.dynamics;

import io.github.chaoswatch.linalg.DenseMatrix;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The dynamics of DL4J's {@code LSTM} on its full state s = (h; c), D = 2n (THEORY.md §3.4).
 *
 * <p>DL4J splits the pre-activation a = Wᵀx + RWᵀh + b into four column blocks whose standard names are, in
 * order, the cell candidate g (layer activation φ), the forget gate f, the output gate o and the input gate i
 * (gate activation σ):
 * <pre>
 *   c_t = f ⊙ c_{t−1} + i ⊙ g,    h_t = o ⊙ φ(c_t).
 * </pre>
 * The Jacobian is that of the whole state (h, c): the cell carries the long memory, and an h-only Jacobian would not be
 * a Lyapunov spectrum of the LSTM. It is applied in structured form: one product RWᵀ·Q_h, then per-unit scalings,
 * about 8n²k flops a step. {@link GravesLstmDynamics} adds peepholes.
 */
public class LstmDynamics implements RecurrentDynamics {

    /** Block offsets by meaning (DL4J calls them input, forget, output, input modulation). */
    private static final int CANDIDATE = 0;
    private static final int FORGET = 1;
    private static final int OUTPUT = 2;
    private static final int INPUT_GATE = 3;

    private final String name;
    private final int n;
    private final AffineMap affine;
    private final ElementwiseActivation activation;
    private final ElementwiseActivation gateActivation;
    private final Peepholes peepholes;
    private final WorkMatrix preActivationTangents = new WorkMatrix();

    /** Creates the dynamics; {@code peepholes} are zero for a plain LSTM. */
    LstmDynamics(String name, AffineMap affine, IActivation activation, IActivation gateActivation,
                 Peepholes peepholes) {
        this.name = name;
        this.n = affine.hiddenSize();
        this.affine = affine;
        this.activation = ElementwiseActivation.of(activation, "layer '" + name + "'");
        this.gateActivation = ElementwiseActivation.of(gateActivation, "layer '" + name + "'");
        this.peepholes = peepholes;
    }

    /**
     * Returns the dynamics of an LSTM with DL4J parameters W [nIn, 4n], RW [n, 4n], b [4n] (copied), layer
     * activation φ and gate activation σ.
     *
     * @throws IllegalArgumentException if an activation is not elementwise and parameter-free
     */
    public static LstmDynamics of(String name, INDArray w, INDArray rw, INDArray b, IActivation activation,
                                  IActivation gateActivation) {
        AffineMap affine = AffineMap.of(w, rw, b);
        return new LstmDynamics(name, affine, activation, gateActivation, Peepholes.none(affine.hiddenSize()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String layerType() {
        return "LSTM";
    }

    @Override
    public int stateSize() {
        return 2 * n;
    }

    @Override
    public int inputSize() {
        return affine.inputSize();
    }

    @Override
    public int outputSize() {
        return n;
    }

    @Override
    public void step(double[] state, double[] input, double[] next) {
        gates(state, input, next);
    }

    @Override
    public void tangentStep(double[] state, double[] input, double[] next, DenseMatrix stateTangents,
                            DenseMatrix inputTangents, DenseMatrix product) {
        Gates gates = gates(state, input, next);
        int k = stateTangents.columns();
        DenseMatrix p = preActivationTangents.get(4 * n, k);
        affine.tangent(stateTangents, inputTangents, p);
        int width = 4 * n;
        for (int j = 0; j < k; j++) {
            int pColumn = j * width;
            int qColumn = j * 2 * n;
            for (int i = 0; i < n; i++) {
                double qc = stateTangents.get(qColumn + n + i);
                double dG = gates.candidateSlope[i] * p.get(pColumn + CANDIDATE * n + i);
                double dF = gates.forgetSlope[i] * (p.get(pColumn + FORGET * n + i) + peepholes.forget[i] * qc);
                double dI = gates.inputSlope[i] * (p.get(pColumn + INPUT_GATE * n + i) + peepholes.input[i] * qc);
                double zc = gates.forget[i] * qc + gates.previousCell[i] * dF + gates.candidate[i] * dI
                        + gates.input[i] * dG;
                double dO = gates.outputSlope[i] * (p.get(pColumn + OUTPUT * n + i) + peepholes.output[i] * zc);
                double zh = gates.cellActivation[i] * dO + gates.output[i] * gates.cellSlope[i] * zc;
                product.set(qColumn + i, zh);
                product.set(qColumn + n + i, zc);
            }
        }
    }

    /** Runs the gate equations, writes (h_t, c_t) into {@code next} and keeps what the Jacobian needs. */
    private Gates gates(double[] state, double[] input, double[] next) {
        double[] a = new double[4 * n];
        affine.evaluate(state, input, a);
        Gates gates = new Gates(n);
        double[] block = new double[n];
        for (int i = 0; i < n; i++) {
            gates.previousCell[i] = state[n + i];
            block[i] = a[CANDIDATE * n + i];
        }
        activation.evaluate(block, gates.candidate, gates.candidateSlope);
        for (int i = 0; i < n; i++) {
            block[i] = a[FORGET * n + i] + peepholes.forget[i] * gates.previousCell[i];
        }
        gateActivation.evaluate(block, gates.forget, gates.forgetSlope);
        for (int i = 0; i < n; i++) {
            block[i] = a[INPUT_GATE * n + i] + peepholes.input[i] * gates.previousCell[i];
        }
        gateActivation.evaluate(block, gates.input, gates.inputSlope);
        double[] cell = new double[n];
        for (int i = 0; i < n; i++) {
            cell[i] = gates.forget[i] * gates.previousCell[i] + gates.input[i] * gates.candidate[i];
            // The output-gate peephole sees the current cell c_t, the others c_{t−1} (THEORY.md §3.5).
            block[i] = a[OUTPUT * n + i] + peepholes.output[i] * cell[i];
        }
        gateActivation.evaluate(block, gates.output, gates.outputSlope);
        activation.evaluate(cell, gates.cellActivation, gates.cellSlope);
        for (int i = 0; i < n; i++) {
            next[i] = gates.output[i] * gates.cellActivation[i];
            next[n + i] = cell[i];
        }
        return gates;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", n=" + n + ", nIn=" + inputSize() + ", " + activation
                + ", gates " + gateActivation + "]";
    }

    /** Gate values and activation slopes of one step. */
    private static final class Gates {
        final double[] previousCell;
        final double[] candidate;
        final double[] candidateSlope;
        final double[] forget;
        final double[] forgetSlope;
        final double[] input;
        final double[] inputSlope;
        final double[] output;
        final double[] outputSlope;
        final double[] cellActivation;
        final double[] cellSlope;

        Gates(int n) {
            previousCell = new double[n];
            candidate = new double[n];
            candidateSlope = new double[n];
            forget = new double[n];
            forgetSlope = new double[n];
            input = new double[n];
            inputSlope = new double[n];
            output = new double[n];
            outputSlope = new double[n];
            cellActivation = new double[n];
            cellSlope = new double[n];
        }
    }

    /** Peephole weight vectors p_F, p_O, p_I (THEORY.md §3.5); zero for a plain LSTM. */
    record Peepholes(double[] forget, double[] output, double[] input) {
        static Peepholes none(int n) {
            return new Peepholes(new double[n], new double[n], new double[n]);
        }
    }
}
