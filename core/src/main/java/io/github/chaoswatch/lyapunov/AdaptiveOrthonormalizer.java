package io.github.chaoswatch.lyapunov;

import io.github.chaoswatch.linalg.DenseMatrix;
import io.github.chaoswatch.linalg.internal.OpenBlasLinearAlgebra;
import io.github.chaoswatch.linalg.internal.OpenBlasLinearAlgebra.CholeskyOutcome;

/**
 * CholeskyQR where the frame is well enough conditioned, Householder where it is not, for one trajectory.
 *
 * <p>Conditioning persists along a trajectory (strongly saturated units make J nearly singular step after step), so
 * after a CholeskyQR attempt that fails (or needs Householder to finish) the next 1, 2, 4, … up to
 * {@value #MAX_WAIT} QRs go straight to Householder instead of paying for another failed attempt; a clean success
 * resets the wait.
 */
final class AdaptiveOrthonormalizer implements QrTrajectory.Orthonormalizer {

    /** Longest run of Householder QRs between CholeskyQR attempts. */
    static final int MAX_WAIT = 64;

    private final OpenBlasLinearAlgebra openBlas;
    private int wait;
    private int nextWait = 1;

    AdaptiveOrthonormalizer(OpenBlasLinearAlgebra openBlas) {
        this.openBlas = openBlas;
    }

    @Override
    public void orthonormalize(DenseMatrix z, double[] logDiagonal) {
        if (wait > 0) {
            wait--;
            openBlas.householder(z, logDiagonal);
            return;
        }
        CholeskyOutcome outcome = openBlas.tryCholeskyQr(z, logDiagonal);
        if (outcome == CholeskyOutcome.DONE) {
            nextWait = 1;
            return;
        }
        // Declined, or rescued by Householder after a costly first pass: either way, back off.
        wait = nextWait;
        nextWait = Math.min(2 * nextWait, MAX_WAIT);
        if (outcome == CholeskyOutcome.DECLINED) {
            openBlas.householder(z, logDiagonal);
        }
    }
}
