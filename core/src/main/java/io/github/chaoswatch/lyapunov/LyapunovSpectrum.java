package io.github.chaoswatch.lyapunov;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The Lyapunov spectrum λ_1 ≥ … ≥ λ_k of a recurrent map, estimated over finite time, with its uncertainty and the
 * settings that produced it (THEORY.md §2).
 *
 * <p>Exponents are in {@link #unit()} per time step, sorted descending; −∞ marks an exactly singular direction (dead
 * units, zero recurrent weights). The standard error of each exponent is the spread across the B trajectories
 * (sd/√B) when B ≥ 4, otherwise the batch-means error pooled over blocks of the trajectories. A computation that met a
 * non-finite state or Jacobian has {@link Status#DIVERGED}, NaN exponents and a message saying where.
 *
 * <p>Immutable and thread-safe; array getters return copies.
 */
public final class LyapunovSpectrum {

    /** Whether the estimate is usable. */
    public enum Status {
        /** Finite state throughout; the exponents are estimates. */
        OK,
        /** A state, Jacobian or exponent became non-finite; the exponents are NaN. */
        DIVERGED
    }

    private final String name;
    private final String layerType;
    private final int stateSize;
    private final LyapunovUnit unit;
    private final double[] exponents;
    private final double[] standardErrors;
    private final ConvergenceTrace trace;
    private final boolean converged;
    private final Status status;
    private final String statusMessage;
    private final EstimatorSettings settings;

    LyapunovSpectrum(String name, String layerType, int stateSize, LyapunovUnit unit, double[] exponents,
                     double[] standardErrors, ConvergenceTrace trace, boolean converged, Status status,
                     String statusMessage, EstimatorSettings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.layerType = Objects.requireNonNull(layerType, "layerType");
        this.stateSize = stateSize;
        this.unit = Objects.requireNonNull(unit, "unit");
        this.exponents = exponents.clone();
        this.standardErrors = standardErrors.clone();
        this.trace = Objects.requireNonNull(trace, "trace");
        this.converged = converged;
        this.status = Objects.requireNonNull(status, "status");
        this.statusMessage = Objects.requireNonNull(statusMessage, "statusMessage");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Returns the name of the dynamics (layer, direction or stack). */
    public String name() {
        return name;
    }

    /** Returns the layer type, e.g. {@code "LSTM"}. */
    public String layerType() {
        return layerType;
    }

    /** Returns the state dimension D. */
    public int stateSize() {
        return stateSize;
    }

    /** Returns the unit of every exponent, sum and bound here. */
    public LyapunovUnit unit() {
        return unit;
    }

    /** Returns the k exponents, largest first. */
    public double[] exponents() {
        return exponents.clone();
    }

    /** Returns the standard error of each exponent (0 for −∞ exponents). */
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** Returns the number k of exponents. */
    public int count() {
        return exponents.length;
    }

    /** Returns the largest exponent λ_1. */
    public double max() {
        return exponents[0];
    }

    /** Returns the standard error of λ_1. */
    public double maxStandardError() {
        return standardErrors[0];
    }

    /** Returns n_+ = #{i : λ_i − 2·SE_i &gt; 0}, the exponents confidently positive. */
    public int positiveCount() {
        int count = 0;
        for (int i = 0; i < exponents.length; i++) {
            if (exponents[i] - 2 * standardErrors[i] > 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Returns Σ_{λ_i &gt; 0} λ_i, an upper bound on the Kolmogorov–Sinai entropy rate (Ruelle 1978), in
     * {@link #unit()}. With k &lt; D it is complete only if λ_k &lt; 0.
     */
    public double entropyBound() {
        return Arrays.stream(exponents).filter(l -> l > 0).sum();
    }

    /** Returns the Kaplan–Yorke dimension. */
    public KaplanYorkeDimension kaplanYorke() {
        return KaplanYorkeDimension.of(exponents, stateSize);
    }

    /** Returns the running estimates over the measured steps. */
    public ConvergenceTrace trace() {
        return trace;
    }

    /**
     * Returns false if, for some exponent, the estimate over the first half of the measured steps differs from the
     * final one by more than 2·SE (the doubling check of THEORY.md §2.5): run more steps.
     */
    public boolean converged() {
        return converged;
    }

    /** Returns whether the estimate is usable. */
    public Status status() {
        return status;
    }

    /** Returns true when {@link #status()} is {@link Status#OK}. */
    public boolean isOk() {
        return status == Status.OK;
    }

    /** Returns a human-readable reason for the status ("" when OK). */
    public String statusMessage() {
        return statusMessage;
    }

    /** Returns the settings that produced this spectrum. */
    public EstimatorSettings settings() {
        return settings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LyapunovSpectrum other && name.equals(other.name) && layerType.equals(other.layerType)
                && stateSize == other.stateSize && unit == other.unit && Arrays.equals(exponents, other.exponents)
                && Arrays.equals(standardErrors, other.standardErrors) && trace.equals(other.trace)
                && converged == other.converged && status == other.status
                && statusMessage.equals(other.statusMessage) && settings.equals(other.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, stateSize, unit, Arrays.hashCode(exponents), Arrays.hashCode(standardErrors),
                status, settings);
    }

    @Override
    public String toString() {
        if (!isOk()) {
            return String.format(Locale.ROOT, "LyapunovSpectrum[%s (%s): %s, %s]", name, layerType, status,
                    statusMessage);
        }
        int shown = Math.min(exponents.length, 8);
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            top.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f±%.4f", exponents[i],
                    standardErrors[i]));
        }
        return String.format(Locale.ROOT, "LyapunovSpectrum[%s (%s, D=%d): %d exponents in %s [%s%s], positive %d,"
                        + " D_KY %s%s]", name, layerType, stateSize, exponents.length, unit, top,
                exponents.length > shown ? ", ..." : "", positiveCount(), kaplanYorke(),
                converged ? "" : ", NOT CONVERGED");
    }
}
