package io.github.chaoswatch.init;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Haar statistics of the orthogonal sampler (THEORY.md §5.1; Mezzadri 2007, arXiv:math-ph/0609050).
 *
 * <p>For Haar measure on O(n) the non-real eigenvalues e^{±iθ} have exactly uniform phases θ on (0, π), for even and
 * odd n: the one-point densities of SO(n) and of the det −1 component carry correction terms ±sin((n−1)θ)/sin θ
 * (even n) or ±sin((n−1)θ)/sin θ mirrored (odd n) that cancel in the equal mixture (Katz–Sarnak kernels). The raw
 * Householder QR fixes det Q, i.e. samples one component only, whose correction term piles phases up near 0 and π. So
 * a chi-square test on the phase histogram passes for the sign-fixed sampler and fails without the fix. Eigenvalues
 * of one matrix repel each other, which makes bin counts more regular than independent samples: the chi-square test
 * is conservative for the Haar case.
 */
class HaarStatisticsTest {

    private static final int MATRICES = 1_000;
    private static final int BINS = 30;
    private static final long SEED = 20_070_501;
    /** Non-real eigenvalues: |Im| above this (real eigenvalues ±1 come out with |Im| at rounding level, ~1e-15). */
    private static final double REAL_EIGENVALUE_CUTOFF = 1e-8;
    /** Chi-square quantile 1 − 1e-3 with BINS − 1 = 29 degrees of freedom: 58.30 (commons-math3 computes it). */
    private static final double CRITICAL = new ChiSquaredDistribution(BINS - 1).inverseCumulativeProbability(0.999);

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {7, 10})
    void eigenvaluePhasesOfSampledMatricesAreUniform(int n) {
        double chiSquare = phaseChiSquare(call -> HaarSampler.sample(n, n, NormalSource.of(SEED, call), 1.0));
        assertTrue(chiSquare <= CRITICAL, "chi-square " + chiSquare + " > " + CRITICAL + " (p < 0.001)");
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {7, 10})
    void rawHouseholderWithoutSignFixFailsTheSameTest(int n) {
        // The test can fail: the textbook QR of the same Gaussian matrices (commons-math3, no sign fix) is rejected.
        double chiSquare = phaseChiSquare(call -> rawHouseholder(n, call).getQ().getData());
        assertTrue(chiSquare > 5 * CRITICAL, "chi-square " + chiSquare + " should reject the raw QR by far");
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {7, 10})
    void samplerIsTextbookQrTimesSignOfRDiagonal(int n) {
        // Mezzadri's construction Q·diag(sign R_ii) from an independent QR implementation: agreement to rounding.
        for (int call = 0; call < 5; call++) {
            double[][] ours = HaarSampler.sample(n, n, NormalSource.of(SEED, call), 1.0);
            QRDecomposition raw = rawHouseholder(n, call);
            RealMatrix q = raw.getQ();
            RealMatrix r = raw.getR();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sign = r.getEntry(j, j) < 0 ? -1 : 1;
                    assertEquals(q.getEntry(i, j) * sign, ours[i][j], 1e-12, "entry (" + i + ", " + j + ")");
                }
            }
        }
    }

    /** The textbook QR of the Gaussian matrix that {@link HaarSampler} draws for {@code call} (column-major). */
    private static QRDecomposition rawHouseholder(int n, int call) {
        double[] g = NormalSource.of(SEED, call).next(n * n);
        double[][] matrix = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                matrix[i][j] = g[i + j * n];
            }
        }
        return new QRDecomposition(MatrixUtils.createRealMatrix(matrix));
    }

    /** Pearson's chi-square of the phases θ ∈ (0, π) of the non-real eigenvalues against the uniform law. */
    private static double phaseChiSquare(IntFunction<double[][]> matrices) {
        long[] counts = new long[BINS];
        long total = 0;
        for (int call = 0; call < MATRICES; call++) {
            EigenDecomposition eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(matrices.apply(call)));
            double[] re = eigen.getRealEigenvalues();
            double[] im = eigen.getImagEigenvalues();
            for (int k = 0; k < re.length; k++) {
                if (im[k] > REAL_EIGENVALUE_CUTOFF) {
                    double theta = Math.atan2(im[k], re[k]);
                    counts[Math.min(BINS - 1, (int) (theta / Math.PI * BINS))]++;
                    total++;
                }
            }
        }
        double expected = (double) total / BINS;
        double chiSquare = 0;
        for (long count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        return chiSquare;
    }
}
