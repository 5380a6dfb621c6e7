package io.github.chaoswatch.dynamics;

import io.github.chaoswatch.linalg.DenseMatrix;

/**
 * A per-thread scratch matrix, reused across steps: allocating native memory on every step would cost more than the
 * arithmetic. Keeps adapters safe to share between threads.
 */
final class WorkMatrix {

    private final ThreadLocal<DenseMatrix> matrices = ThreadLocal.withInitial(() -> DenseMatrix.zeros(0, 0));

    /** Returns this thread's scratch matrix of the given shape; its contents are unspecified. */
    DenseMatrix get(int rows, int columns) {
        DenseMatrix m = matrices.get();
        if (m.rows() != rows || m.columns() != columns) {
            m = DenseMatrix.zeros(rows, columns);
            matrices.set(m);
        }
        return m;
    }
}
