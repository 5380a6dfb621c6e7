package io.github.chaoswatch.samples;

import io.github.chaoswatch.listeners.AlertPolicy;
import io.github.chaoswatch.listeners.Regime;

import java.util.List;
import java.util.Locale;

/**
 * The largest Lyapunov exponent of one initializer over network seeds: one λ₁ ± SE per seed, in nats per step.
 *
 * @param seeds          the network seeds, in order
 * @param maxima         λ₁ of each seed's network
 * @param standardErrors the SE of each λ₁ (across the estimator's trajectories)
 */
public record ExponentDistribution(List<Long> seeds, List<Double> maxima, List<Double> standardErrors) {

    /** Validates and copies. */
    public ExponentDistribution {
        seeds = List.copyOf(seeds);
        maxima = List.copyOf(maxima);
        standardErrors = List.copyOf(standardErrors);
        if (seeds.isEmpty() || maxima.size() != seeds.size() || standardErrors.size() != seeds.size()) {
            throw new IllegalArgumentException("need one exponent and one standard error per seed, got "
                    + seeds.size() + " seeds, " + maxima.size() + " exponents, " + standardErrors.size() + " errors");
        }
    }

    /** Returns the mean of λ₁ over seeds. */
    public double mean() {
        return maxima.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Returns the sample standard deviation of λ₁ over seeds (0 for one seed). */
    public double standardDeviation() {
        if (maxima.size() < 2) {
            return 0;
        }
        double mean = mean();
        double squares = maxima.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (maxima.size() - 1));
    }

    /**
     * Returns the fraction of seeds whose λ₁ meets {@code policy}'s CHAOTIC entry condition λ₁ − 2·SE &gt; ε, the
     * label the listener would give the layer on its first report.
     */
    public double probabilityChaotic(AlertPolicy policy) {
        long chaotic = 0;
        for (int i = 0; i < maxima.size(); i++) {
            if (policy.signRegime(maxima.get(i), standardErrors.get(i)).orElse(null) == Regime.CHAOTIC) {
                chaotic++;
            }
        }
        return (double) chaotic / maxima.size();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "lambda1 %.4f +- %.4f nats/step over %d seeds", mean(), standardDeviation(),
                seeds.size());
    }
}
