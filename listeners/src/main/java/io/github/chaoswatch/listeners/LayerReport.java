package io.github.chaoswatch.listeners;

import io.github.chaoswatch.lyapunov.KaplanYorkeDimension;
import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import io.github.chaoswatch.lyapunov.LyapunovUnit;
import io.github.chaoswatch.liyorke.ScramblingVerdict;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The spectrum summary of one layer (or direction, or stack) in a {@link ChaosReport}.
 *
 * <p>Exponents and their standard errors are in {@link #unit()}; the gradient horizon λ₁·τ_b is in nats (the
 * natural log of the typical gradient amplification over the backpropagation horizon τ_b, THEORY.md §6.1).
 * Immutable; array accessors return copies.
 *
 * @param name               the dynamics' name (layer, direction or stack)
 * @param layerType          the DL4J layer type
 * @param stateSize          D
 * @param unit               unit of the exponents
 * @param exponents          λ₁ ≥ … ≥ λ_k
 * @param standardErrors     SE of each exponent
 * @param positiveCount      exponents with λ − 2·SE &gt; 0
 * @param kaplanYorke        Kaplan–Yorke dimension
 * @param entropyBound       Σλ⁺ in {@code unit}
 * @param converged          the doubling check passed
 * @param horizonSteps       τ_b used for the gradient horizon
 * @param gradientHorizonNats λ₁ (in nats) × τ_b
 * @param scrambling         the scrambled-pair verdict under the probe inputs ({@code ScramblingTest}), or null
 *                           where it was not run (stacks, and states above the listener's limit, where it is not
 *                           cheap and, in high dimension, rarely informative)
 */
public record LayerReport(String name, String layerType, int stateSize, LyapunovUnit unit, double[] exponents,
                          double[] standardErrors, int positiveCount, KaplanYorkeDimension kaplanYorke,
                          double entropyBound, boolean converged, int horizonSteps, double gradientHorizonNats,
                          ScramblingVerdict scrambling) implements java.io.Serializable {

    /** Validates and copies. */
    public LayerReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layerType, "layerType");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kaplanYorke, "kaplanYorke");
        if (exponents.length == 0 || exponents.length != standardErrors.length) {
            throw new IllegalArgumentException("a layer report needs k >= 1 exponents with one standard error each,"
                    + " got " + exponents.length + " and " + standardErrors.length);
        }
        exponents = exponents.clone();
        standardErrors = standardErrors.clone();
    }

    /**
     * Summarizes an OK spectrum for a backpropagation horizon of {@code horizonSteps} steps, with the scrambling
     * verdict if one was computed (else null).
     */
    public static LayerReport of(LyapunovSpectrum spectrum, int horizonSteps, ScramblingVerdict scrambling) {
        double maxNats = spectrum.unit().toNats(spectrum.max());
        return new LayerReport(spectrum.name(), spectrum.layerType(), spectrum.stateSize(), spectrum.unit(),
                spectrum.exponents(), spectrum.standardErrors(), spectrum.positiveCount(), spectrum.kaplanYorke(),
                spectrum.entropyBound(), spectrum.converged(), horizonSteps, maxNats * horizonSteps, scrambling);
    }

    /** Returns the scrambling verdict, if it was computed. */
    public Optional<ScramblingVerdict> scramblingVerdict() {
        return Optional.ofNullable(scrambling);
    }

    /** Returns λ₁ in {@link #unit()}. */
    public double max() {
        return exponents[0];
    }

    /** Returns the SE of λ₁ in {@link #unit()}. */
    public double maxStandardError() {
        return standardErrors[0];
    }

    @Override
    public double[] exponents() {
        return exponents.clone();
    }

    @Override
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerReport r && name.equals(r.name) && layerType.equals(r.layerType)
                && stateSize == r.stateSize && unit == r.unit && Arrays.equals(exponents, r.exponents)
                && Arrays.equals(standardErrors, r.standardErrors) && positiveCount == r.positiveCount
                && kaplanYorke.equals(r.kaplanYorke) && Double.compare(entropyBound, r.entropyBound) == 0
                && converged == r.converged && horizonSteps == r.horizonSteps
                && Double.compare(gradientHorizonNats, r.gradientHorizonNats) == 0 && scrambling == r.scrambling;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, stateSize, Arrays.hashCode(exponents), horizonSteps);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s (%s, D=%d): lambda1 %.4f +- %.4f %s/step, positive %d,"
                        + " D_KY %s, horizon %.2f nats over %d steps%s", name, layerType, stateSize, max(),
                maxStandardError(), unit.symbol(), positiveCount, kaplanYorke, gradientHorizonNats, horizonSteps,
                scrambling == null ? "" : ", pairs " + scrambling);
    }
}
