package io.github.chaoswatch.linalg.internal;

import io.github.chaoswatch.linalg.DenseMatrix;
import org.bytedeco.openblas.global.openblas;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;

/**
 * Kernels on OpenBLAS and its LAPACK, called through JavaCPP on the matrices' native storage (no copies).
 *
 * <p>Not API. Besides the reference Householder QR (dgeqrf + dorgqr, the "LAPACK limit" of docs/benchmarks.md) it
 * offers CholeskyQR (Yamamoto, Nakatsukasa, Yanagisawa &amp; Fukaya 2015): G = ZᵀZ (dsyrk), G = R₁ᵀR₁ (dpotrf),
 * Q₁ = Z·R₁⁻¹ (dtrsm), repeated once on Q₁ (CholeskyQR2) when Z is moderately ill-conditioned. It is built from
 * BLAS-3 calls that run faster than LAPACK's QR and gives R with a positive diagonal (no sign fix needed). Past a
 * conservative conditioning check the caller falls back to Householder, so the exponents are the Householder ones up
 * to rounding. Each thread keeps its own work buffers.
 */
public final class OpenBlasLinearAlgebra implements LinearAlgebra {

    /**
     * CholeskyQR is used only while LAPACK's estimate of 1/κ₁(R₁) (dtrcon, the reciprocal 1-norm condition number of
     * the first Cholesky factor, i.e. of Z) is at least this: κ₂ ≤ κ₁ ≤ 1e8, inside CholeskyQR2's stable range
     * (u^(−1/2) ≈ 7e7 to 1e8, Yamamoto et al. 2015); beyond it Householder.
     */
    static final double CHOLESKY_MIN_RCOND = 1e-8;

    /**
     * With 1/κ₁ at least this (κ ≤ 1e3), one CholeskyQR pass is used: its loss of orthogonality u·κ² stays below the
     * 1e-10 that THEORY.md §2.5 asks of Q. (Measured: single passes at 1/κ₁ ≈ 1e-7 still gave exponents within
     * 1e-11 of Householder on a random tanh network, but nearly parallel columns then lose orthogonality to 1e-9,
     * so the bound, not the measurement, sets the threshold.)
     */
    static final double SINGLE_PASS_MIN_RCOND = 1e-3;

    /**
     * Frames with more columns than this never take the second pass: two passes (2·(dsyrk + dpotrf + dtrsm)) cost
     * 1.8 ms against 2.2 ms for Householder at k = 256, but 16 ms against 14.6 ms at k = 512 (one core, this
     * OpenBLAS), so there the frame goes straight to Householder.
     */
    static final int SECOND_PASS_MAX_COLUMNS = 384;

    /** After the second pass R₂ must be near the identity (|R₂_ii − 1| ≤ this), proving pass one was accurate. */
    static final double CHOLESKY_SECOND_PASS_TOLERANCE = 1e-2;

    private static final int COL_MAJOR = openblas.CblasColMajor;

    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    OpenBlasLinearAlgebra() {
    }

    @Override
    public void gemm(boolean transposeA, boolean transposeB, int m, int n, int k, double alpha,
                     DenseMatrix a, int aOffset, int lda, DenseMatrix b, int bOffset, int ldb,
                     double beta, DenseMatrix c, int cOffset, int ldc) {
        openblas.cblas_dgemm(COL_MAJOR, transposeA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transposeB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha,
                a.buffer(aOffset), lda, b.buffer(bOffset), ldb, beta, c.buffer(cOffset), ldc);
    }

    @Override
    public void householder(DenseMatrix z, double[] logDiagonal) {
        int rows = z.rows();
        int columns = z.columns();
        double norm = z.frobeniusNorm();
        Workspace w = workspaces.get();
        DoubleBuffer tau = w.tau(columns);
        DoubleBuffer work = w.householderWork(rows, columns);
        DoubleBuffer data = z.buffer(0);
        check("dgeqrf", openblas.LAPACKE_dgeqrf_work(COL_MAJOR, rows, columns, data, rows, tau, work, work.capacity()));
        double[] diagonal = new double[columns];
        for (int i = 0; i < columns; i++) {
            diagonal[i] = z.get(i, i);
        }
        check("dorgqr", openblas.LAPACKE_dorgqr_work(COL_MAJOR, rows, columns, columns, data, rows, tau, work,
                work.capacity()));
        HouseholderSigns.apply(diagonal, z, norm, logDiagonal);
    }

    /** What {@link #tryCholeskyQr} did. */
    public enum CholeskyOutcome {
        /** Z was too ill-conditioned: left untouched, the caller must orthonormalize it another way. */
        DECLINED,
        /** Orthonormalized by one or two CholeskyQR passes. */
        DONE,
        /** Orthonormalized, but the second pass failed and Householder finished the job: the slowest path. */
        DONE_WITH_HOUSEHOLDER
    }

    /**
     * Tries to orthonormalize Z in place by CholeskyQR, with the same contract as
     * {@link #householder(DenseMatrix, double[])}; declines, leaving Z untouched, when Z is too ill-conditioned for
     * it (the caller then uses Householder).
     *
     * <p>The condition number of Z is estimated from its first Cholesky factor with LAPACK's dtrcon (O(k²) work; a
     * diagonal ratio would only bound it from below and miss nearly parallel columns). One pass when
     * 1/κ₁ ≥ {@value #SINGLE_PASS_MIN_RCOND} (measured accurate, see the constant; the orthogonality loss does not
     * accumulate, since every step re-orthonormalizes); a second pass (CholeskyQR2) down to
     * {@value #CHOLESKY_MIN_RCOND}, where CholeskyQR2 is still as accurate as Householder; below it, decline.
     */
    public CholeskyOutcome tryCholeskyQr(DenseMatrix z, double[] logDiagonal) {
        int columns = z.columns();
        DenseMatrix g = workspaces.get().gram(columns);
        double[] first = new double[columns];
        if (!gramCholesky(z, g, first)) {
            return CholeskyOutcome.DECLINED;
        }
        double rcond = reciprocalCondition(g);
        double needed = columns > SECOND_PASS_MAX_COLUMNS ? SINGLE_PASS_MIN_RCOND : CHOLESKY_MIN_RCOND;
        // Positive form: a NaN estimate fails.
        if (!(rcond >= needed)) {
            return CholeskyOutcome.DECLINED;
        }
        solveRight(z, g);
        CholeskyOutcome outcome = CholeskyOutcome.DONE;
        if (rcond >= SINGLE_PASS_MIN_RCOND) {
            Arrays.fill(logDiagonal, 0);
        } else if (gramCholesky(z, g, logDiagonal) && nearOne(logDiagonal)) {
            // Z holds Q1 = Z·R1⁻¹, whose own factor R2 is the identity up to the error of pass one.
            solveRight(z, g);
            for (int i = 0; i < columns; i++) {
                logDiagonal[i] = Math.log(logDiagonal[i]);
            }
        } else {
            householder(z, logDiagonal);
            outcome = CholeskyOutcome.DONE_WITH_HOUSEHOLDER;
        }
        // Z = Q·R2·R1, and the diagonal of a product of upper triangular matrices is the product of the diagonals.
        for (int i = 0; i < columns; i++) {
            logDiagonal[i] += Math.log(first[i]);
        }
        return outcome;
    }

    /** G := upper Cholesky factor R of ZᵀZ (dsyrk, dpotrf); its diagonal into {@code diagonal}; false if not SPD. */
    private static boolean gramCholesky(DenseMatrix z, DenseMatrix g, double[] diagonal) {
        int rows = z.rows();
        int columns = z.columns();
        DoubleBuffer gram = g.buffer(0);
        openblas.cblas_dsyrk(COL_MAJOR, openblas.CblasUpper, openblas.CblasTrans, columns, rows, 1.0,
                z.buffer(0), rows, 0.0, gram, columns);
        if (openblas.LAPACKE_dpotrf(COL_MAJOR, (byte) 'U', columns, gram, columns) != 0) {
            return false;
        }
        for (int i = 0; i < columns; i++) {
            diagonal[i] = g.get(i, i);
        }
        return true;
    }

    /** Returns LAPACK's estimate of 1/κ₁(R), R the upper triangle of G (dtrcon). */
    private double reciprocalCondition(DenseMatrix g) {
        DoubleBuffer rcond = workspaces.get().scalar();
        int info = openblas.LAPACKE_dtrcon(COL_MAJOR, (byte) '1', (byte) 'U', (byte) 'N', g.rows(), g.buffer(0),
                g.rows(), rcond);
        return info == 0 ? rcond.get(0) : 0;
    }

    /** Z := Z·R⁻¹ with R the upper triangle of G (dtrsm). */
    private static void solveRight(DenseMatrix z, DenseMatrix g) {
        openblas.cblas_dtrsm(COL_MAJOR, openblas.CblasRight, openblas.CblasUpper, openblas.CblasNoTrans,
                openblas.CblasNonUnit, z.rows(), z.columns(), 1.0, g.buffer(0), g.rows(), z.buffer(0), z.rows());
    }

    private static boolean nearOne(double[] diagonal) {
        for (double r : diagonal) {
            if (!(Math.abs(r - 1) <= CHOLESKY_SECOND_PASS_TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    private static void check(String routine, int info) {
        if (info != 0) {
            throw new IllegalStateException("LAPACK " + routine + " returned info = " + info
                    + " on a finite input; this is a bug in chaoswatch's kernel, please report it");
        }
    }

    @Override
    public String name() {
        return "openblas";
    }

    /** Per-thread native work buffers, grown on demand. */
    private static final class Workspace {
        private final DoubleBuffer scalar = allocate(1);
        private DoubleBuffer tau = allocate(1);
        private DoubleBuffer work = allocate(1);
        private int workRows;
        private int workColumns;
        private DenseMatrix gram = DenseMatrix.zeros(0, 0);

        DoubleBuffer scalar() {
            return scalar;
        }

        DoubleBuffer tau(int columns) {
            if (tau.capacity() < columns) {
                tau = allocate(columns);
            }
            return tau;
        }

        DoubleBuffer householderWork(int rows, int columns) {
            if (rows != workRows || columns != workColumns) {
                DoubleBuffer query = allocate(1);
                DoubleBuffer scratch = allocate(Math.max(1, rows * columns));
                openblas.LAPACKE_dgeqrf_work(COL_MAJOR, rows, columns, scratch, rows, tau(columns), query, -1);
                int size = (int) query.get(0);
                openblas.LAPACKE_dorgqr_work(COL_MAJOR, rows, columns, columns, scratch, rows, tau, query, -1);
                size = Math.max(size, (int) query.get(0));
                work = allocate(Math.max(size, columns));
                workRows = rows;
                workColumns = columns;
            }
            return work;
        }

        DenseMatrix gram(int columns) {
            if (gram.rows() != columns) {
                gram = DenseMatrix.zeros(columns, columns);
            }
            return gram;
        }

        private static DoubleBuffer allocate(int size) {
            return ByteBuffer.allocateDirect(size * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
        }
    }
}
