package io.github.chaoswatch.lyapunov;

/**
 * The unit of Lyapunov exponents: nats per time step (natural logarithm, the default) or bits per time step
 * (THEORY.md §1.1). One time step is one application of the layer's recurrence. Thresholds are always in nats.
 */
public enum LyapunovUnit {
    /** Natural logarithm per step. */
    NATS_PER_STEP("nats", 1.0),
    /** Base-2 logarithm per step: nats / ln 2. Vogt et al.'s reference code reports these. */
    BITS_PER_STEP("bits", 1 / Math.log(2));

    private final String symbol;
    private final double perNat;

    LyapunovUnit(String symbol, double perNat) {
        this.symbol = symbol;
        this.perNat = perNat;
    }

    /** Converts a rate (an exponent, a sum of exponents or an entropy bound) from nats per step to this unit. */
    public double fromNats(double natsPerStep) {
        return natsPerStep * perNat;
    }

    /** Converts a rate in this unit to nats per step. */
    public double toNats(double value) {
        return value / perNat;
    }

    /** Returns the short name used in exported column names, e.g. {@code lambda_nats}. */
    public String symbol() {
        return symbol;
    }

    @Override
    public String toString() {
        return symbol + "/step";
    }
}
