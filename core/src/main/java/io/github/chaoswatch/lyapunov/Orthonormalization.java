package io.github.chaoswatch.lyapunov;

/** How the QR method re-orthonormalizes the tangent frame (docs/benchmarks.md compares them). */
public enum Orthonormalization {
    /**
     * CholeskyQR (one or two passes) built from BLAS-3 products where OpenBLAS is loaded and the frame is large
     * enough to gain, falling back to Householder whenever a conditioning check fails; Householder otherwise. Same
     * exponents as {@link #HOUSEHOLDER} to within 1e-6 (tested), faster on well-conditioned frames. The default.
     */
    AUTO,
    /** Householder QR always (LAPACK dgeqrf/dorgqr or plain Java): the reference. */
    HOUSEHOLDER
}
