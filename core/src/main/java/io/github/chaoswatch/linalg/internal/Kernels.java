package io.github.chaoswatch.linalg.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Picks the kernel for a given amount of work.
 *
 * <p>Not API. OpenBLAS is used when its natives load (they come with ND4J's CPU backend) and the product has at least
 * {@link #NATIVE_MIN_FLOPS} multiply-adds; below that, and when the natives are missing, plain Java. The threshold was
 * set by {@code SpectrumBenchmark} (docs/benchmarks.md). The system property {@value #KERNEL_PROPERTY} = {@code java}
 * forces plain Java everywhere, for comparison and for platforms whose natives misbehave.
 */
public final class Kernels {

    /** System property that forces a kernel: {@code java} or {@code auto} (default). */
    public static final String KERNEL_PROPERTY = "chaoswatch.kernel";

    /**
     * Products with fewer multiply-adds than this run in Java: a JNI call plus OpenBLAS's dispatch costs about a
     * microsecond, the time Java needs for a few thousand multiply-adds (measured: docs/benchmarks.md).
     */
    public static final long NATIVE_MIN_FLOPS = 4_096;

    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    private Kernels() {
    }

    /** Returns the OpenBLAS kernel if its natives load and it is not disabled, else empty. */
    public static Optional<OpenBlasLinearAlgebra> openBlas() {
        return Optional.ofNullable(NativeHolder.INSTANCE);
    }

    /** Returns the kernel for a product of {@code m × k} by {@code k × n}. */
    public static LinearAlgebra forProduct(int m, int n, int k) {
        OpenBlasLinearAlgebra openBlas = NativeHolder.INSTANCE;
        return openBlas != null && (long) m * n * k >= NATIVE_MIN_FLOPS ? openBlas : JavaLinearAlgebra.INSTANCE;
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
