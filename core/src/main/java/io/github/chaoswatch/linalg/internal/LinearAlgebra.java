package io.github.chaoswatch.linalg.internal;

import io.github.chaoswatch.linalg.DenseMatrix;

/**
 * The two operations that dominate a Lyapunov spectrum computation: a matrix product and a thin QR factorization.
 *
 * <p>Not API. Implementations: {@link JavaLinearAlgebra} (plain Java, fastest for small matrices and always
 * available) and {@link OpenBlasLinearAlgebra} (OpenBLAS and LAPACK through JavaCPP). {@link Kernels} picks one.
 * Matrices are addressed BLAS-style: an offset into the column-major storage and a leading dimension, so blocks of a
 * frame (the h and c halves of an LSTM state) are used in place.
 */
public interface LinearAlgebra {

    /**
     * Computes C := alpha·op(A)·op(B) + beta·C, where op(A) is m×k, op(B) is k×n and C is m×n; with beta = 0 the
     * previous contents of C are ignored (even NaN).
     */
    void gemm(boolean transposeA, boolean transposeB, int m, int n, int k, double alpha,
              DenseMatrix a, int aOffset, int lda, DenseMatrix b, int bOffset, int ldb,
              double beta, DenseMatrix c, int cOffset, int ldc);

    /**
     * Replaces the D×k matrix Z (k ≤ D) by the Q of its thin factorization Z = Q·R with R upper triangular and
     * R_ii ≥ 0, by Householder reflections (the reference method) and the sign fix of THEORY.md §2.2, and stores
     * ln R_ii in {@code logDiagonal}. A diagonal entry at rounding level relative to ‖Z‖ gives −∞.
     */
    void householder(DenseMatrix z, double[] logDiagonal);

    /** Returns a short name for logs and benchmark tables. */
    String name();
}
