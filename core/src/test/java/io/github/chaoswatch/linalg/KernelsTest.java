package io.github.chaoswatch.linalg;

import io.github.chaoswatch.linalg.internal.JavaLinearAlgebra;
import io.github.chaoswatch.linalg.internal.Kernels;
import io.github.chaoswatch.linalg.internal.LinearAlgebra;
import io.github.chaoswatch.linalg.internal.OpenBlasLinearAlgebra;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java and OpenBLAS kernels agree with each other and with the defining properties of a QR factorization. */
class KernelsTest {

    /** Orthonormality and reconstruction of a backward-stable QR: a few hundred ulps of ‖Z‖. */
    private static final double QR_TOLERANCE = 1e-12;

    private final OpenBlasLinearAlgebra openBlas = Kernels.openBlas().orElseThrow();

    @Test
    void openBlasLoadsWithTheCpuBackend() {
        assertEquals("openblas", Kernels.forProduct(64, 64, 64).name());
        assertEquals("java", Kernels.forProduct(4, 4, 4).name());
        assertEquals("java", Kernels.forQr(16, 16).name());
        assertEquals("openblas", Kernels.forQr(24, 24).name());
    }

    @Test
    void gemmWithOffsetsAndTranspositionAgreesAcrossKernels() {
        // given a 7x5 A, a frame B whose rows 2..6 are used in place, transposed A
        SplittableRandom random = new SplittableRandom(1);
        DenseMatrix a = random(7, 5, random);
        DenseMatrix b = random(9, 4, random);
        DenseMatrix expected = DenseMatrix.zeros(5, 4);
        DenseMatrix actual = DenseMatrix.zeros(5, 4);
        // when C = Aᵀ·B[2:7, :] + 0.5·C in both kernels
        for (int index = 0; index < 20; index++) {
            expected.set(index, index);
            actual.set(index, index);
        }
        JavaLinearAlgebra.INSTANCE.gemm(true, false, 5, 4, 7, 1.0, a, 0, 7, b, 2, 9, 0.5, expected, 0, 5);
        openBlas.gemm(true, false, 5, 4, 7, 1.0, a, 0, 7, b, 2, 9, 0.5, actual, 0, 5);
        // then they agree, and equal the sum written out
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                double sum = 0.5 * (i + 5 * j);
                for (int p = 0; p < 7; p++) {
                    sum += a.get(p, i) * b.get(2 + p, j);
                }
                assertEquals(sum, expected.get(i, j), 1e-13);
                assertEquals(sum, actual.get(i, j), 1e-13);
            }
        }
    }

    @Test
    void householderKernelsGiveTheSameSignFixedFactor() {
        SplittableRandom random = new SplittableRandom(2);
        DenseMatrix z = random(40, 12, random);
        DenseMatrix java = copy(z);
        DenseMatrix lapack = copy(z);
        double[] javaLogs = new double[12];
        double[] lapackLogs = new double[12];
        JavaLinearAlgebra.INSTANCE.householder(java, javaLogs);
        openBlas.householder(lapack, lapackLogs);
        assertFactorization(z, java, javaLogs);
        assertFactorization(z, lapack, lapackLogs);
        for (int index = 0; index < 40 * 12; index++) {
            assertEquals(java.get(index), lapack.get(index), QR_TOLERANCE);
        }
    }

    @Test
    void choleskyQrMatchesHouseholderInOneAndTwoPasses() {
        for (double spread : new double[] {1, 1e-4}) {
            assertCholeskyMatchesHouseholder(spread, 0);
        }
    }

    @Test
    void nearlyParallelColumnsWithABenignDiagonalAreStillFactoredAccurately() {
        // Column 1 is 1000 × column 0 plus a little: R's diagonal ratio looks harmless, κ(Z) is about 1e6. The
        // condition estimate must send this to two passes (or decline), never one.
        assertCholeskyMatchesHouseholder(1, 1000);
    }

    /**
     * A 200x64 Gaussian frame whose column scales fall geometrically to {@code spread}, with {@code parallel} times
     * column 0 added to column 1.
     */
    private void assertCholeskyMatchesHouseholder(double spread, double parallel) {
        SplittableRandom random = new SplittableRandom(3);
        DenseMatrix z = random(200, 64, random);
        for (int j = 0; j < 64; j++) {
            for (int i = 0; i < 200; i++) {
                z.set(i, j, z.get(i, j) * Math.pow(spread, j / 63.0) + (j == 1 ? parallel * z.get(i, 0) : 0));
            }
        }
        DenseMatrix householder = copy(z);
        DenseMatrix cholesky = copy(z);
        double[] householderLogs = new double[64];
        double[] choleskyLogs = new double[64];
        openBlas.householder(householder, householderLogs);
        assertTrue(openBlas.tryCholeskyQr(cholesky, choleskyLogs) != OpenBlasLinearAlgebra.CholeskyOutcome.DECLINED,
                "spread " + spread);
        assertFactorization(z, cholesky, choleskyLogs);
        for (int i = 0; i < 64; i++) {
            assertEquals(householderLogs[i], choleskyLogs[i], 1e-12, "spread " + spread);
        }
        for (int index = 0; index < 200 * 64; index++) {
            assertEquals(householder.get(index), cholesky.get(index), 1e-11, "spread " + spread);
        }
    }

    @Test
    void choleskyQrDeclinesIllConditionedFramesAndLeavesThemUntouched() {
        // given columns spanning twelve orders of magnitude (κ ≈ 1e12, beyond CholeskyQR2's reach)
        SplittableRandom random = new SplittableRandom(4);
        DenseMatrix z = random(50, 8, random);
        for (int j = 0; j < 8; j++) {
            for (int i = 0; i < 50; i++) {
                z.set(i, j, z.get(i, j) * Math.pow(1e-12, j / 7.0) + (j > 0 ? z.get(i, 0) : 0));
            }
        }
        DenseMatrix cholesky = copy(z);
        double[] logs = new double[8];
        // when the fast method is tried, then it declines and leaves the frame for Householder
        assertEquals(OpenBlasLinearAlgebra.CholeskyOutcome.DECLINED, openBlas.tryCholeskyQr(cholesky, logs));
        for (int index = 0; index < 50 * 8; index++) {
            assertEquals(z.get(index), cholesky.get(index), 0);
        }
    }

    @Test
    void singularColumnsGiveMinusInfinity() {
        SplittableRandom random = new SplittableRandom(5);
        DenseMatrix z = random(6, 3, random);
        for (int i = 0; i < 6; i++) {
            z.set(i, 2, 2 * z.get(i, 0) - z.get(i, 1));
        }
        for (LinearAlgebra kernel : new LinearAlgebra[] {JavaLinearAlgebra.INSTANCE, openBlas}) {
            DenseMatrix q = copy(z);
            double[] logs = new double[3];
            kernel.householder(q, logs);
            assertTrue(Double.isFinite(logs[0]) && Double.isFinite(logs[1]), kernel.name());
            assertEquals(Double.NEGATIVE_INFINITY, logs[2], kernel.name());
        }
    }

    /** QᵀQ = I, and QᵀZ is upper triangular with diagonal exp(ln R_ii) > 0. */
    private static void assertFactorization(DenseMatrix z, DenseMatrix q, double[] logs) {
        int rows = z.rows();
        int columns = z.columns();
        double scale = z.frobeniusNorm();
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < columns; j++) {
                double qq = 0;
                double qz = 0;
                for (int r = 0; r < rows; r++) {
                    qq += q.get(r, i) * q.get(r, j);
                    qz += q.get(r, i) * z.get(r, j);
                }
                assertEquals(i == j ? 1 : 0, qq, QR_TOLERANCE, "QᵀQ[" + i + "," + j + "]");
                if (i > j) {
                    assertEquals(0, qz, QR_TOLERANCE * scale, "(QᵀZ)[" + i + "," + j + "] below the diagonal");
                } else if (i == j) {
                    assertEquals(Math.exp(logs[i]), qz, QR_TOLERANCE * scale, "R[" + i + "," + i + "]");
                }
            }
        }
    }

    private static DenseMatrix random(int rows, int columns, SplittableRandom random) {
        DenseMatrix m = DenseMatrix.zeros(rows, columns);
        for (int index = 0; index < rows * columns; index++) {
            m.set(index, random.nextGaussian());
        }
        return m;
    }

    private static DenseMatrix copy(DenseMatrix m) {
        DenseMatrix c = DenseMatrix.zeros(m.rows(), m.columns());
        c.assign(m);
        return c;
    }
}
