package io.github.chaoswatch.dynamics;

import io.github.chaoswatch.linalg.DenseMatrix;
import io.github.chaoswatch.linalg.internal.Kernels;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The pre-activation a = Wᵀx + Rᵀh + b of a recurrent layer, with its tangent map.
 *
 * <p>This is the one place where DL4J's row layout is translated (THEORY.md §1.2): DL4J computes the row
 * {@code x·W + h·RW + b}, so W is stored [nIn, m] and R [n, m] exactly as DL4J holds them, and entry R[j, i] feeds
 * unit j at time t−1 into pre-activation i at time t. Column i of W and R is contiguous, which makes the matrix-vector
 * products below dot products of contiguous columns, and the tangent map the product Rᵀ·Q.
 */
final class AffineMap {

    private final int inputSize;
    private final int hiddenSize;
    private final int width;
    private final DenseMatrix inputWeights;
    private final DenseMatrix recurrentWeights;
    private final double[] bias;

    private AffineMap(DenseMatrix inputWeights, DenseMatrix recurrentWeights, double[] bias) {
        this.inputSize = inputWeights.rows();
        this.hiddenSize = recurrentWeights.rows();
        this.width = bias.length;
        this.inputWeights = inputWeights;
        this.recurrentWeights = recurrentWeights;
        this.bias = bias;
    }

    /**
     * Copies DL4J parameters: W [nIn, m], the first m columns of RW [n, ≥ m] and b (any shape of length m). The
     * copies are doubles, detached from the live views.
     */
    static AffineMap of(INDArray w, INDArray rw, INDArray b) {
        int m = (int) b.length();
        return new AffineMap(ParameterCopy.matrix(w, m), ParameterCopy.matrix(rw, m), ParameterCopy.vector(b));
    }

    int inputSize() {
        return inputSize;
    }

    int hiddenSize() {
        return hiddenSize;
    }

    int width() {
        return width;
    }

    /** out := Wᵀx + Rᵀh + b, out of length m. */
    void evaluate(double[] h, double[] x, double[] out) {
        for (int i = 0; i < width; i++) {
            double sum = bias[i];
            int column = i * inputSize;
            for (int j = 0; j < inputSize; j++) {
                sum += inputWeights.get(column + j) * x[j];
            }
            column = i * hiddenSize;
            for (int j = 0; j < hiddenSize; j++) {
                sum += recurrentWeights.get(column + j) * h[j];
            }
            out[i] = sum;
        }
    }

    /**
     * out := Rᵀ·Q_h + Wᵀ·X (m×k), Q_h being the first n rows of {@code stateTangents} (the h block of the state),
     * and the W term omitted when {@code inputTangents} is null.
     */
    void tangent(DenseMatrix stateTangents, DenseMatrix inputTangents, DenseMatrix out) {
        int k = stateTangents.columns();
        Kernels.forProduct(width, k, hiddenSize).gemm(true, false, width, k, hiddenSize, 1.0,
                recurrentWeights, 0, hiddenSize, stateTangents, 0, stateTangents.rows(), 0.0, out, 0, width);
        if (inputTangents != null) {
            Kernels.forProduct(width, k, inputSize).gemm(true, false, width, k, inputSize, 1.0,
                    inputWeights, 0, inputSize, inputTangents, 0, inputSize, 1.0, out, 0, width);
        }
    }
}
