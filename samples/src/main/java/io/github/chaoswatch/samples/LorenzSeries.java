package io.github.chaoswatch.samples;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A chaotic time series to forecast: the Lorenz (1963) system dx/dt = σ(y − x), dy/dt = x(ρ − z) − y,
 * dz/dt = xy − βz at σ = 10, ρ = 28, β = 8/3, integrated by fourth-order Runge–Kutta with dt = 0.01, sampled every
 * {@code stride} steps and standardized per coordinate.
 *
 * <p>The system's largest Lyapunov exponent is about 0.906 per time unit (Viswanath 1998: 0.9056), so a sampled
 * series separates nearby states by {@link #largestExponentPerSample()} nats per sample: a recurrent network that
 * forecasts it well is itself expected to be chaotic. Immutable.
 */
public final class LorenzSeries {

    /** Runge–Kutta step, time units. */
    public static final double DT = 0.01;
    /** λ₁ of the Lorenz system at the classic parameters, nats per time unit (Viswanath 1998). */
    public static final double LARGEST_EXPONENT_PER_TIME = 0.9056;

    private static final double SIGMA = 10;
    private static final double RHO = 28;
    private static final double BETA = 8.0 / 3;
    /** Steps discarded so that the series starts on the attractor (10 time units). */
    private static final int TRANSIENT_STEPS = 1_000;

    private final double[][] samples;
    private final int stride;

    private LorenzSeries(double[][] samples, int stride) {
        this.samples = samples;
        this.stride = stride;
    }

    /**
     * Integrates the system from a start near (1, 1, 1) perturbed by {@code seed} and returns {@code length}
     * standardized samples taken every {@code stride} steps.
     *
     * @throws IllegalArgumentException unless length ≥ 2 and stride ≥ 1
     */
    public static LorenzSeries generate(int length, int stride, long seed) {
        if (!(length >= 2 && stride >= 1)) {
            throw new IllegalArgumentException("length = " + length + " and stride = " + stride
                    + " must be at least 2 and 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] s = {1 + random.nextDouble(-0.1, 0.1), 1, 1};
        for (int i = 0; i < TRANSIENT_STEPS; i++) {
            s = rk4(s);
        }
        double[][] raw = new double[length][];
        for (int t = 0; t < length; t++) {
            raw[t] = s.clone();
            for (int i = 0; i < stride; i++) {
                s = rk4(s);
            }
        }
        return new LorenzSeries(standardized(raw), stride);
    }

    /** Returns the time between samples, stride × dt, in time units. */
    public double samplingInterval() {
        return stride * DT;
    }

    /** Returns λ₁ of the sampled series, nats per sample (0.906 × sampling interval). */
    public double largestExponentPerSample() {
        return LARGEST_EXPONENT_PER_TIME * samplingInterval();
    }

    /** Returns the number of samples. */
    public int length() {
        return samples.length;
    }

    /**
     * Returns a minibatch of random windows for next-step forecasting: features x_t and labels x_{t+1}, both
     * {@code [minibatch, 3, length]} in float32.
     *
     * @throws IllegalArgumentException if the series is shorter than a window plus one sample
     */
    public DataSet batch(int minibatch, int length, SplittableRandom random) {
        Objects.requireNonNull(random, "random");
        if (!(length >= 1 && length + 1 <= samples.length)) {
            throw new IllegalArgumentException("a window of " + length + " steps needs a series of at least "
                    + (length + 1) + " samples; this one has " + samples.length);
        }
        INDArray features = Nd4j.create(DataType.FLOAT, minibatch, 3, length);
        INDArray labels = Nd4j.create(DataType.FLOAT, minibatch, 3, length);
        for (int b = 0; b < minibatch; b++) {
            int start = random.nextInt(samples.length - length);
            for (int t = 0; t < length; t++) {
                for (int j = 0; j < 3; j++) {
                    features.putScalar(new long[] {b, j, t}, samples[start + t][j]);
                    labels.putScalar(new long[] {b, j, t}, samples[start + t + 1][j]);
                }
            }
        }
        return new DataSet(features, labels);
    }

    private static double[] rk4(double[] s) {
        double[] k1 = derivative(s);
        double[] k2 = derivative(add(s, k1, DT / 2));
        double[] k3 = derivative(add(s, k2, DT / 2));
        double[] k4 = derivative(add(s, k3, DT));
        double[] next = new double[3];
        for (int i = 0; i < 3; i++) {
            next[i] = s[i] + DT / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return next;
    }

    private static double[] derivative(double[] s) {
        return new double[] {SIGMA * (s[1] - s[0]), s[0] * (RHO - s[2]) - s[1], s[0] * s[1] - BETA * s[2]};
    }

    private static double[] add(double[] s, double[] k, double h) {
        return new double[] {s[0] + h * k[0], s[1] + h * k[1], s[2] + h * k[2]};
    }

    private static double[][] standardized(double[][] raw) {
        double[][] out = new double[raw.length][3];
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            for (double[] r : raw) {
                mean += r[j] / raw.length;
            }
            double variance = 0;
            for (double[] r : raw) {
                variance += (r[j] - mean) * (r[j] - mean) / raw.length;
            }
            double sd = Math.sqrt(variance);
            for (int t = 0; t < raw.length; t++) {
                out[t][j] = (raw[t][j] - mean) / sd;
            }
        }
        return out;
    }
}
