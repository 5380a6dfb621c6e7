package io.github.chaoswatch.linalg.internal;

import io.github.chaoswatch.linalg.DenseMatrix;

/**
 * Plain Java kernels: triple-loop products and Householder QR on a heap copy.
 *
 * <p>Not API. Below a few tens of rows the JNI call and the blocking overhead of native BLAS cost more than the
 * arithmetic, so these win there (see {@link Kernels}); they are also the fallback when no native BLAS is loaded.
 */
public final class JavaLinearAlgebra implements LinearAlgebra {

    /** The shared instance; the class is stateless. */
    public static final JavaLinearAlgebra INSTANCE = new JavaLinearAlgebra();

    private JavaLinearAlgebra() {
    }

    @Override
    public void gemm(boolean transposeA, boolean transposeB, int m, int n, int k, double alpha,
                     DenseMatrix a, int aOffset, int lda, DenseMatrix b, int bOffset, int ldb,
                     double beta, DenseMatrix c, int cOffset, int ldc) {
        for (int j = 0; j < n; j++) {
            int cColumn = cOffset + j * ldc;
            for (int i = 0; i < m; i++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double aip = transposeA ? a.get(aOffset + p + i * lda) : a.get(aOffset + i + p * lda);
                    double bpj = transposeB ? b.get(bOffset + j + p * ldb) : b.get(bOffset + p + j * ldb);
                    sum += aip * bpj;
                }
                double scaled = alpha * sum;
                c.set(cColumn + i, beta == 0 ? scaled : scaled + beta * c.get(cColumn + i));
            }
        }
    }

    @Override
    public void householder(DenseMatrix z, double[] logDiagonal) {
        int rows = z.rows();
        int columns = z.columns();
        double[] a = new double[rows * columns];
        for (int index = 0; index < a.length; index++) {
            a[index] = z.get(index);
        }
        double norm = z.frobeniusNorm();
        double[] diagonal = new double[columns];
        double[] tau = new double[columns];
        factor(a, rows, columns, diagonal, tau);
        formQ(a, rows, columns, tau);
        for (int index = 0; index < a.length; index++) {
            z.set(index, a[index]);
        }
        HouseholderSigns.apply(diagonal, z, norm, logDiagonal);
    }

    /** Householder factorization in LAPACK's dgeqrf convention: v_j below the diagonal with v_j[j] = 1 implied. */
    private static void factor(double[] a, int rows, int columns, double[] diagonal, double[] tau) {
        for (int j = 0; j < columns; j++) {
            int column = j * rows;
            double norm = 0;
            for (int i = j; i < rows; i++) {
                norm = Math.hypot(norm, a[column + i]);
            }
            double alpha = a[column + j];
            if (norm == 0) {
                tau[j] = 0;
                diagonal[j] = 0;
                continue;
            }
            double beta = alpha >= 0 ? -norm : norm;
            tau[j] = (beta - alpha) / beta;
            double scale = 1 / (alpha - beta);
            for (int i = j + 1; i < rows; i++) {
                a[column + i] *= scale;
            }
            a[column + j] = beta;
            diagonal[j] = beta;
            for (int l = j + 1; l < columns; l++) {
                reflect(a, rows, j, tau[j], l);
            }
        }
    }

    /** Applies H_j = I − tau·v·vᵀ to column l, v stored in column j below the diagonal with v[j] = 1. */
    private static void reflect(double[] a, int rows, int j, double tau, int l) {
        if (tau == 0) {
            return;
        }
        int vColumn = j * rows;
        int column = l * rows;
        double dot = a[column + j];
        for (int i = j + 1; i < rows; i++) {
            dot += a[vColumn + i] * a[column + i];
        }
        dot *= tau;
        a[column + j] -= dot;
        for (int i = j + 1; i < rows; i++) {
            a[column + i] -= dot * a[vColumn + i];
        }
    }

    /** Overwrites the factored matrix with the thin Q = H_0·H_1⋯H_{k−1}·[I; 0], as LAPACK's dorgqr does. */
    private static void formQ(double[] a, int rows, int columns, double[] tau) {
        for (int j = columns - 1; j >= 0; j--) {
            int column = j * rows;
            // Columns l > j already hold H_{j+1}⋯H_{k−1} e_l; apply H_j to them, then build H_j e_j in place.
            for (int l = j + 1; l < columns; l++) {
                reflect(a, rows, j, tau[j], l);
            }
            for (int i = 0; i < j; i++) {
                a[column + i] = 0;
            }
            a[column + j] = 1 - tau[j];
            for (int i = j + 1; i < rows; i++) {
                a[column + i] *= -tau[j];
            }
        }
    }

    @Override
    public String name() {
        return "java";
    }
}
