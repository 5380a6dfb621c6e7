package io.github.chaoswatch.linalg.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Picks the kernel for a given amount of work.
 *
 * <p>Not API. OpenBLAS is used when its natives load (they come with ND4J's CPU backend) and the work is above the
 * thresholds below; otherwise, and when the natives are missing, plain Java. The thresholds were set by
 * {@code KernelCrossoverBenchmark} (docs/benchmarks.md). The system property {@value #KERNEL_PROPERTY} = {@code java}
 * forces plain Java everywhere, for comparison and for platforms whose natives misbehave.
 */
public final class Kernels {

    /** System property that forces a kernel: {@code java} or {@code auto} (default). */
    public static final String KERNEL_PROPERTY = "chaoswatch.kernel";

    /**
     * Products with fewer multiply-adds than this run in Java: below it the JNI call and OpenBLAS's dispatch cost more
     * than the arithmetic (KernelCrossoverBenchmark: at 4×4×4 Java takes 0.22 µs, OpenBLAS 0.33 µs; at 8×8×8
     * Java 1.07 µs, OpenBLAS 0.39 µs).
     */
    public static final long NATIVE_MIN_FLOPS = 256;

    /**
     * Householder QRs of D×k frames with D·k² below this run in Java (KernelCrossoverBenchmark: at 16×16 Java 7.6 µs,
     * LAPACK 8.2 µs; at 24×24 Java 21.7 µs, LAPACK 14.4 µs).
     */
    public static final long NATIVE_MIN_QR_FLOPS = 8_192;

    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    private Kernels() {
    }

    /** Returns the OpenBLAS kernel if its natives load and it is not disabled, else empty. */
    public static Optional<OpenBlasLinearAlgebra> openBlas() {
        return Optional.ofNullable(NativeHolder.INSTANCE);
    }

    /** Returns the kernel for a product of {@code m × k} by {@code k × n}. */
    public static LinearAlgebra forProduct(int m, int n, int k) {
        return select((long) m * n * k, NATIVE_MIN_FLOPS);
    }

    /** Returns the kernel for the Householder QR of a {@code rows × columns} frame. */
    public static LinearAlgebra forQr(int rows, int columns) {
        return select((long) rows * columns * columns, NATIVE_MIN_QR_FLOPS);
    }

    private static LinearAlgebra select(long flops, long nativeMinFlops) {
        OpenBlasLinearAlgebra openBlas = NativeHolder.INSTANCE;
        return openBlas != null && flops >= nativeMinFlops ? openBlas : JavaLinearAlgebra.INSTANCE;
    }

    /** Lazily loads the natives once; a failure is logged and leaves plain Java in charge. */
    private static final class NativeHolder {
        static final OpenBlasLinearAlgebra INSTANCE = load();

        private static OpenBlasLinearAlgebra load() {
            if ("java".equalsIgnoreCase(System.getProperty(KERNEL_PROPERTY, "auto"))) {
                return null;
            }
            try {
                org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas.class);
                return new OpenBlasLinearAlgebra();
            } catch (LinkageError | RuntimeException e) {
                LOG.info("OpenBLAS natives not available ({}); chaoswatch uses its plain Java kernels", e.toString());
                return null;
            }
        }
    }
}
