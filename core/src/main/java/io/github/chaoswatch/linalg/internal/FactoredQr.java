package io.github.chaoswatch.linalg.internal;

import io.github.chaoswatch.linalg.DenseMatrix;
import org.bytedeco.openblas.global.openblas;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;

/**
 * The full-spectrum QR method with the frame kept in factored (Householder) form: Z_{t+1} = J_{t+1}·Q_t is computed
 * by applying the reflectors of the previous QR to J from the right (LAPACK dormqr), and Q is never formed.
 *
 * <p>Not API. Per step this costs one dormqr (≈ 2D³ flops at BLAS-3 speed) and one dgeqrf (≈ 4D³/3), against a
 * product (2D³), dgeqrf and dorgqr (4D³/3) for the explicit frame: about 1.4× less work, and still a Householder QR,
 * exact whatever the conditioning. The sign fix is kept as a sign vector: Q_t = H_t·S_t with S_t = sign(diag R_t), so
 * J·Q_t = (J·H_t)·S_t. Only for k = D (the thin Q of a square frame is all of H). One instance per trajectory.
 */
public final class FactoredQr {

    private static final int COL_MAJOR = openblas.LAPACK_COL_MAJOR;

    private final int size;
    private DenseMatrix factored;
    private DenseMatrix jacobian;
    private DoubleBuffer tau;
    private DoubleBuffer nextTau;
    private final DoubleBuffer work;
    private final boolean[] negative;

    /** Allocates the work space for D×D frames. */
    public FactoredQr(int size) {
        this.size = size;
        this.factored = DenseMatrix.zeros(size, size);
        this.jacobian = DenseMatrix.zeros(size, size);
        this.tau = allocate(size);
        this.nextTau = allocate(size);
        this.negative = new boolean[size];
        DoubleBuffer query = allocate(1);
        openblas.LAPACKE_dgeqrf_work(COL_MAJOR, size, size, factored.buffer(0), size, tau, query, -1);
        int lwork = (int) query.get(0);
        openblas.LAPACKE_dormqr_work(COL_MAJOR, (byte) 'R', (byte) 'N', size, size, size, factored.buffer(0), size,
                tau, jacobian.buffer(0), size, query, -1);
        this.work = allocate(Math.max(Math.max(lwork, (int) query.get(0)), size));
    }

    /** Returns the D×D buffer the caller fills with J before {@link #step}. */
    public DenseMatrix jacobianBuffer() {
        return jacobian;
    }

    /** Factors the initial frame (copied) and stores ln R_ii. */
    public void start(DenseMatrix frame, double[] logDiagonal) {
        jacobian.assign(frame);
        factor(logDiagonal);
    }

    /** Replaces the frame by qr(J·Q) with J the contents of {@link #jacobianBuffer()}, and stores ln R_ii. */
    public void step(double[] logDiagonal) {
        check("dormqr", openblas.LAPACKE_dormqr_work(COL_MAJOR, (byte) 'R', (byte) 'N', size, size, size,
                factored.buffer(0), size, tau, jacobian.buffer(0), size, work, work.capacity()));
        for (int j = 0; j < size; j++) {
            if (negative[j]) {
                for (int index = j * size, end = index + size; index < end; index++) {
                    jacobian.set(index, -jacobian.get(index));
                }
            }
        }
        factor(logDiagonal);
    }

    /** QR of the Jacobian buffer in place; it becomes the factored frame. */
    private void factor(double[] logDiagonal) {
        double norm = jacobian.frobeniusNorm();
        check("dgeqrf", openblas.LAPACKE_dgeqrf_work(COL_MAJOR, size, size, jacobian.buffer(0), size, nextTau, work,
                work.capacity()));
        double[] diagonal = new double[size];
        for (int i = 0; i < size; i++) {
            diagonal[i] = jacobian.get(i, i);
            negative[i] = diagonal[i] < 0;
        }
        HouseholderSigns.logs(diagonal, norm, logDiagonal);
        DenseMatrix swap = factored;
        factored = jacobian;
        jacobian = swap;
        DoubleBuffer swapTau = tau;
        tau = nextTau;
        nextTau = swapTau;
    }

    private static void check(String routine, int info) {
        if (info != 0) {
            throw new IllegalStateException("LAPACK " + routine + " returned info = " + info
                    + "; this is a bug in chaoswatch's kernel, please report it");
        }
    }

    private static DoubleBuffer allocate(int size) {
        return ByteBuffer.allocateDirect(size * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }
}
