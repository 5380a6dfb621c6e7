package io.github.chaoswatch.bench;

import io.github.chaoswatch.dynamics.SimpleRnnDynamics;
import io.github.chaoswatch.lyapunov.Orthonormalization;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
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

import java.util.concurrent.TimeUnit;

/**
 * The spectrum engine on the reference problem: a random tanh SimpleRnn (RW ~ N(0, g²/N), zero input),
 * 1000 measured steps, no warm-up, one trajectory, one thread, double precision; k = N (full spectrum) or k = 16.
 * Compare with {@link LapackLimitBenchmark} at the same N.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class SpectrumBenchmark {

    /** State size N. */
    @Param({"64", "128", "256", "512"})
    public int size;

    /** Exponents k: "full" (k = N) or a number. */
    @Param({"full", "16"})
    public String exponents;

    /**
     * Recurrent gain g: 1.5 is moderately chaotic; at 3 many units saturate (φ' down to 1e-9), J is nearly singular
     * and CholeskyQR falls back to Householder.
     */
    @Param({"1.5", "3"})
    public double gain;

    /** QR algorithm. */
    @Param({"AUTO", "HOUSEHOLDER"})
    public Orthonormalization orthonormalization;

    /** Orthonormalization interval τ (docs/benchmarks.md: speed/accuracy trade-off). */
    @Param({"1"})
    public int interval;

    private SimpleRnnDynamics rnn;
    private SpectrumEstimator estimator;

    @Setup(Level.Trial)
    public void setUp() {
        Nd4j.getRandom().setSeed(1);
        rnn = SimpleRnnDynamics.of("bench", Nd4j.zeros(DataType.DOUBLE, 1, size),
                Nd4j.randn(DataType.DOUBLE, size, size).muli(gain / Math.sqrt(size)), Nd4j.zeros(DataType.DOUBLE, 1, size),
                new ActivationTanH());
        SpectrumEstimator.Builder builder = new SpectrumEstimator.Builder(1_000).warmupSteps(0).trajectories(1)
                .orthonormalization(orthonormalization).orthonormalizationInterval(interval);
        estimator = ("full".equals(exponents) ? builder.allExponents() : builder.exponents(Integer.parseInt(exponents)))
                .build();
    }

    @Benchmark
    public double spectrum() {
        return estimator.estimate(rnn).max();
    }
}
