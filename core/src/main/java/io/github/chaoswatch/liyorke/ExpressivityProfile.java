package io.github.chaoswatch.liyorke;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The number of laps (maximal monotone pieces) ℓ(f^T) of the iterates of a map on an interval, T = 1 … T_max, and
 * their fitted exponential growth rate (THEORY.md §4.8).
 *
 * <p>The rate is the least-squares slope of ln ℓ(f^T) against T, in nats per iteration (growth factor e^rate per
 * feedback loop); h_top = lim (1/T) ln ℓ(f^T) (Misiurewicz &amp; Szlenk 1980). A map with a point of odd prime period
 * p &gt; 1 has laps growing at least like ρ_p^T, like φ_g^T for period 3 (ln φ_g ≈ 0.4812), which a feed-forward ReLU
 * network can only match with width exponential in T.
 *
 * @param map         the name of the map
 * @param lower       left end of the interval
 * @param upper       right end of the interval
 * @param laps        ℓ(f^T) for T = 1, 2, … (index T − 1); shorter than requested if the piece count hit the cap
 * @param exact       true when counted exactly from breakpoints (piecewise-linear maps), false for a grid count,
 *                    which misses laps narrower than the grid spacing
 * @param fitFrom     the first T used in the fit
 * @param growthRate  the fitted rate in nats per iteration; empty with fewer than two points to fit
 * @param description a human-readable account with the golden-ratio comparison
 */
public record ExpressivityProfile(String map, double lower, double upper, int[] laps, boolean exact, int fitFrom,
                                  OptionalDouble growthRate, String description) {

    /** ln φ_g ≈ 0.4812: the least lap growth rate of a map with period 3 (THEORY.md §4.8). */
    public static final double GOLDEN_RATIO_RATE = Math.log(Sharkovskii.GOLDEN_RATIO);

    /** Copies the lap counts. */
    public ExpressivityProfile {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(growthRate, "growthRate");
        Objects.requireNonNull(description, "description");
        laps = laps.clone();
    }

    /** Returns ℓ(f^T) for T = 1, 2, … (a copy). */
    @Override
    public int[] laps() {
        return laps.clone();
    }

    /** Returns e^rate, the fitted growth factor per iteration, if fitted. */
    public OptionalDouble growthFactor() {
        return growthRate.isPresent() ? OptionalDouble.of(Math.exp(growthRate.getAsDouble())) : OptionalDouble.empty();
    }

    /** Returns true when the fitted rate is at least ln φ_g, the period-3 bound. */
    public boolean atLeastGoldenRatio() {
        return growthRate.isPresent() && growthRate.getAsDouble() >= GOLDEN_RATIO_RATE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpressivityProfile other && map.equals(other.map)
                && Double.compare(lower, other.lower) == 0 && Double.compare(upper, other.upper) == 0
                && Arrays.equals(laps, other.laps) && exact == other.exact && fitFrom == other.fitFrom
                && growthRate.equals(other.growthRate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(map, lower, upper, Arrays.hashCode(laps), exact, fitFrom, growthRate);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ExpressivityProfile[%s on [%.4g, %.4g]: laps %s (%s), rate %s]", map, lower,
                upper, Arrays.toString(laps), exact ? "exact" : "grid", growthRate.isPresent()
                        ? String.format(Locale.ROOT, "%.4f nats/iteration", growthRate.getAsDouble()) : "not fitted");
    }
}
