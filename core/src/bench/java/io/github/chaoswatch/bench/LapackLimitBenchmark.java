package io.github.chaoswatch.bench;

import org.bytedeco.openblas.global.openblas;
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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The "LAPACK limit" of issue #2: 1000 × (one N×N×N dgemm + one N×N Householder QR with Q: dgeqrf + dorgqr), on the
 * same OpenBLAS, in the same JVM, one thread. Any QR-method code that forms J·Q by a product and re-orthonormalizes
 * with LAPACK's QR pays at least this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class LapackLimitBenchmark {

    private static final int STEPS = 1_000;

    /** Matrix size N. */
    @Param({"64", "128", "256", "512"})
    public int size;

    private DoubleBuffer a;
    private DoubleBuffer q;
    private DoubleBuffer z;
    private DoubleBuffer tau;
    private DoubleBuffer work;

    @Setup(Level.Trial)
    public void setUp() {
        openblas.blas_set_num_threads(1);
        SplittableRandom random = new SplittableRandom(1);
        a = allocate(size * size);
        q = allocate(size * size);
        z = allocate(size * size);
        for (int i = 0; i < size * size; i++) {
            a.put(i, random.nextGaussian() / Math.sqrt(size));
            q.put(i, random.nextGaussian());
        }
        tau = allocate(size);
        DoubleBuffer query = allocate(1);
        openblas.LAPACKE_dgeqrf_work(openblas.LAPACK_COL_MAJOR, size, size, q, size, tau, query, -1);
        int lwork = (int) query.get(0);
        openblas.LAPACKE_dorgqr_work(openblas.LAPACK_COL_MAJOR, size, size, size, q, size, tau, query, -1);
        work = allocate(Math.max(lwork, (int) query.get(0)));
    }

    @Benchmark
    public double limit() {
        for (int t = 0; t < STEPS; t++) {
            openblas.cblas_dgemm(openblas.CblasColMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, size, size,
                    size, 1.0, a, size, q, size, 0.0, z, size);
            openblas.LAPACKE_dgeqrf_work(openblas.LAPACK_COL_MAJOR, size, size, z, size, tau, work,
                    work.capacity());
            openblas.LAPACKE_dorgqr_work(openblas.LAPACK_COL_MAJOR, size, size, size, z, size, tau, work,
                    work.capacity());
            DoubleBuffer swap = q;
            q = z;
            z = swap;
        }
        return q.get(0);
    }

    private static DoubleBuffer allocate(int size) {
        return ByteBuffer.allocateDirect(size * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }
}
