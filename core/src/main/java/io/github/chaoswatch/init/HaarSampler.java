package io.github.chaoswatch.init;

import io.github.chaoswatch.linalg.DenseMatrix;
import io.github.chaoswatch.linalg.internal.JavaLinearAlgebra;

/**
 * Haar-distributed orthogonal and semi-orthogonal matrices (THEORY.md §5.1).
 *
 * <p>Mezzadri (2007, arXiv:math-ph/0609050): draw G with i.i.d. N(0, 1) entries, factor G = QR by Householder
 * reflections and set Q := Q·diag(sign(R_ii)), sign(0) := +1. The sign fix makes the factorization unique (R_ii &gt; 0)
 * and Q exactly Haar-distributed; the raw Householder Q is not (its determinant, for one, is fixed by the algorithm,
 * so half of O(n) is never reached). The factorization is the plain Java Householder kernel of the spectrum engine,
 * which applies this sign fix, so results are bit-identical across platforms for a given stream of normals.
 *
 * <p>Rectangular a×b: with a ≥ b the b columns are orthonormal (QR of an a×b Gaussian), with a &lt; b the a rows are
 * (the transpose of the b×a case); either way uniformly distributed on the Stiefel manifold. Stateless.
 */
final class HaarSampler {

    private HaarSampler() {
    }

    /**
     * Returns gain·Q as a new row-major {@code rows × columns} array, Q Haar-distributed with orthonormal columns
     * (rows ≥ columns) or rows (rows &lt; columns).
     */
    static double[][] sample(int rows, int columns, NormalSource normals, double gain) {
        boolean transpose = rows < columns;
        int tall = transpose ? columns : rows;
        int wide = transpose ? rows : columns;
        double[] g = normals.next(tall * wide);
        DenseMatrix q = DenseMatrix.zeros(tall, wide);
        for (int index = 0; index < g.length; index++) {
            q.set(index, g[index]);
        }
        // Householder QR with the sign fix (negate column i where R_ii < 0); q becomes the thin Q.
        JavaLinearAlgebra.INSTANCE.householder(q, new double[wide]);
        double[][] out = new double[rows][columns];
        for (int i = 0; i < tall; i++) {
            for (int j = 0; j < wide; j++) {
                double v = gain * q.get(i, j);
                if (transpose) {
                    out[j][i] = v;
                } else {
                    out[i][j] = v;
                }
            }
        }
        return out;
    }
}
