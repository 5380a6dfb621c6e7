package io.github.chaoswatch.bench;

import io.github.chaoswatch.linalg.DenseMatrix;
import io.github.chaoswatch.linalg.internal.JavaLinearAlgebra;
import io.github.chaoswatch.linalg.internal.Kernels;
import io.github.chaoswatch.linalg.internal.LinearAlgebra;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Where plain Java stops beating OpenBLAS: a square product and a square Householder QR at small sizes, on both
 * kernels. Sets {@code Kernels.NATIVE_MIN_FLOPS} and {@code SpectrumEstimator.CHOLESKY_MIN_FLOPS}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class KernelCrossoverBenchmark {

    /** Matrix size. */
    @Param({"4", "8", "16", "24", "32", "48", "64"})
    public int size;

    /** Kernel: java or openblas. */
    @Param({"java", "openblas"})
    public String kernel;

    private LinearAlgebra algebra;
    private DenseMatrix a;
    private DenseMatrix b;
    private DenseMatrix c;
    private double[] logs;

    @Setup(Level.Trial)
    public void setUp() {
        algebra = "java".equals(kernel) ? JavaLinearAlgebra.INSTANCE : Kernels.openBlas().orElseThrow();
        SplittableRandom random = new SplittableRandom(1);
        a = DenseMatrix.zeros(size, size);
        b = DenseMatrix.zeros(size, size);
        c = DenseMatrix.zeros(size, size);
        for (int i = 0; i < size * size; i++) {
            a.set(i, random.nextGaussian());
            b.set(i, random.nextGaussian());
        }
        logs = new double[size];
    }

    @Benchmark
    public DenseMatrix product() {
        algebra.gemm(true, false, size, size, size, 1.0, a, 0, size, b, 0, size, 0.0, c, 0, size);
        return c;
    }

    @Benchmark
    public double[] householder() {
        c.assign(b);
        algebra.householder(c, logs);
        return logs;
    }
}
