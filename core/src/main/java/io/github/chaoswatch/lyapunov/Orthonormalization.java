package io.github.chaoswatch.lyapunov;

/** How the QR method re-orthonormalizes the tangent frame (docs/benchmarks.md compares them). */
public enum Orthonormalization {
    /**
     * The fastest exact method for the frame: for full spectra of dynamics with a cheap Jacobian (SimpleRnn), the
     * frame stays in factored Householder form (reflectors applied to J with LAPACK dormqr, Q never formed);
     * otherwise CholeskyQR (one or two passes, gated by LAPACK's condition estimate) where OpenBLAS is loaded and
     * the frame is large enough, Householder where the check fails or the frame is small. Same exponents as
     * {@link #HOUSEHOLDER} to within 1e-6 (tested). The default.
     */
    AUTO,
    /** Householder QR always (LAPACK dgeqrf/dorgqr or plain Java): the reference. */
    HOUSEHOLDER
}
