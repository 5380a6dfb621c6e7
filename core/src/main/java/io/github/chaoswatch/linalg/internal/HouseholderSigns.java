package io.github.chaoswatch.linalg.internal;

import io.github.chaoswatch.linalg.DenseMatrix;

/**
 * The sign fix and the logarithms of a Householder R diagonal (THEORY.md §2.2).
 *
 * <p>Not API. Shared by the Java and the LAPACK Householder kernels so that both give the same Q up to rounding.
 */
final class HouseholderSigns {

    /**
     * A diagonal entry |R_ii| at most this multiple of ‖Z‖_F is treated as exactly zero: a few hundred units of
     * rounding (2.2e-16) of the largest column. Such a direction is singular (dead units, RW = 0) and its exponent is
     * −∞; what is left of it is rounding noise whose logarithm would report a spurious finite rate near −30 nats.
     */
    static final double SINGULAR_RELATIVE_DIAGONAL = 1e-13;

    private HouseholderSigns() {
    }

    /**
     * Negates column i of {@code q} where R_ii &lt; 0 (sign(0) := +1) and stores ln|R_ii| in {@code logDiagonal}, or
     * −∞ where |R_ii| ≤ {@value #SINGULAR_RELATIVE_DIAGONAL}·{@code norm}, {@code norm} being ‖Z‖_F before the QR.
     */
    static void apply(double[] diagonal, DenseMatrix q, double norm, double[] logDiagonal) {
        int rows = q.rows();
        for (int i = 0; i < diagonal.length; i++) {
            if (diagonal[i] < 0) {
                for (int index = i * rows, end = index + rows; index < end; index++) {
                    q.set(index, -q.get(index));
                }
            }
        }
        logs(diagonal, norm, logDiagonal);
    }

    /** Stores ln|R_ii|, or −∞ where |R_ii| ≤ {@value #SINGULAR_RELATIVE_DIAGONAL}·{@code norm}. */
    static void logs(double[] diagonal, double norm, double[] logDiagonal) {
        double singular = SINGULAR_RELATIVE_DIAGONAL * norm;
        for (int i = 0; i < diagonal.length; i++) {
            double magnitude = Math.abs(diagonal[i]);
            logDiagonal[i] = magnitude > singular ? Math.log(magnitude) : Double.NEGATIVE_INFINITY;
        }
    }
}
