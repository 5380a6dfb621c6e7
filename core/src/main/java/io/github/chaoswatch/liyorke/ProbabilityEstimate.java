package io.github.chaoswatch.liyorke;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One cell of a {@link ChaosProbability} table: how often random networks of one initialization, width and weight
 * scale had a point of prime period 3, with a Wilson 95% confidence interval (Wilson 1927).
 *
 * <p>With c positives among n seeds, p̂ = c/n and z = 1.959964 (the 97.5% normal quantile),
 * <pre>
 *   center = (p̂ + z²/(2n)) / (1 + z²/n),   half = z·√(p̂(1 − p̂)/n + z²/(4n²)) / (1 + z²/n),
 * </pre>
 * and the interval is [center − half, center + half]. Unlike the normal (Wald) interval it stays inside [0, 1] and
 * does not collapse to a point when c = 0 or c = n.
 *
 * @param initialization the initialization
 * @param width          k, hidden units
 * @param scale          the weight scale s (multiplies the standard deviations)
 * @param seeds          n, networks drawn
 * @param count          c, networks with period 3
 * @param probability    p̂ = c/n
 * @param ciLow          lower end of the Wilson 95% interval
 * @param ciHigh         upper end of the Wilson 95% interval
 * @param elapsed        wall-clock time for this cell (not part of the reproducible content)
 */
public record ProbabilityEstimate(RandomScalarRnn.Initialization initialization, int width, double scale, int seeds,
                                  int count, double probability, double ciLow, double ciHigh, Duration elapsed) {

    /** z, the 97.5% quantile of the standard normal distribution, for two-sided 95% intervals. */
    static final double Z_95 = 1.959963984540054;

    /** Validates the counts. */
    public ProbabilityEstimate {
        Objects.requireNonNull(initialization, "initialization");
        Objects.requireNonNull(elapsed, "elapsed");
        if (!(seeds >= 1 && count >= 0 && count <= seeds)) {
            throw new IllegalArgumentException("count = " + count + " of seeds = " + seeds
                    + " is invalid; need 0 <= count <= seeds and seeds >= 1");
        }
    }

    /** Returns the estimate for c positives among n seeds, with its Wilson 95% interval. */
    public static ProbabilityEstimate of(RandomScalarRnn.Initialization initialization, int width, double scale,
                                         int seeds, int count, Duration elapsed) {
        double[] interval = wilson(count, seeds);
        return new ProbabilityEstimate(initialization, width, scale, seeds, count, (double) count / seeds,
                interval[0], interval[1], elapsed);
    }

    /** Returns the Wilson 95% interval {low, high} for c successes in n trials (n ≥ 1). */
    static double[] wilson(int count, int n) {
        double p = (double) count / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denominator;
        double half = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {Math.max(0, center - half), Math.min(1, center + half)};
    }

    /** Returns true when this interval and {@code other}'s overlap. */
    public boolean overlaps(ProbabilityEstimate other) {
        return ciLow <= other.ciHigh && other.ciLow <= ciHigh;
    }

    /** Returns true when everything but the elapsed time is equal: the reproducible content. */
    public boolean sameCounts(ProbabilityEstimate other) {
        return initialization == other.initialization && width == other.width
                && Double.compare(scale, other.scale) == 0 && seeds == other.seeds && count == other.count;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s k=%d scale=%s: %d/%d = %.4f, 95%% CI [%.4f, %.4f] (%.1f s)",
                initialization, width, scale, count, seeds, probability, ciLow, ciHigh, elapsed.toMillis() / 1e3);
    }
}
