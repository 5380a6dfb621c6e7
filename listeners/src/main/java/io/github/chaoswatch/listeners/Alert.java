package io.github.chaoswatch.listeners;

import java.util.Locale;
import java.util.Objects;

/**
 * A regime a layer has held for the policy's patience: what was seen, since when, and what to try.
 *
 * @param regime          the regime entered
 * @param layer           the dynamics (layer, direction or stack) concerned, or "model" for DIVERGED
 * @param sinceIteration  the iteration of the first report of the run that triggered it
 * @param iteration       the iteration of the report that completed the patience
 * @param exponentNats    λ₁ at that report, nats/step (NaN for DIVERGED)
 * @param standardErrorNats its SE
 * @param gradientHorizonNats λ₁·τ_b
 * @param message         a sentence for people: the numbers, the meaning and the advice
 */
public record Alert(Regime regime, String layer, long sinceIteration, long iteration, double exponentNats,
                    double standardErrorNats, double gradientHorizonNats, String message)
        implements java.io.Serializable {

    /** Validates. */
    public Alert {
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(message, "message");
    }

    /** Builds the alert and its message for a layer report. */
    static Alert of(Regime regime, LayerReport report, long sinceIteration, long iteration) {
        double lambda = report.unit().toNats(report.max());
        double se = report.unit().toNats(report.maxStandardError());
        String seen = String.format(Locale.ROOT, "layer '%s' is %s since iteration %d: lambda1 = %.4f +- %.4f"
                        + " nats/step, gradient horizon lambda1 x %d steps = %.2f nats (factor %.3g)", report.name(),
                regime, sinceIteration, lambda, se, report.horizonSteps(), report.gradientHorizonNats(),
                Math.exp(report.gradientHorizonNats()));
        return new Alert(regime, report.name(), sinceIteration, iteration, lambda, se, report.gradientHorizonNats(),
                seen + ". Try: " + regime.advice() + ".");
    }

    /** Builds a DIVERGED alert. */
    static Alert diverged(String reason, long iteration) {
        return new Alert(Regime.DIVERGED, "model", iteration, iteration, Double.NaN, Double.NaN, Double.NaN,
                "training diverged at iteration " + iteration + " (" + reason + "). Try: "
                        + Regime.DIVERGED.advice() + ".");
    }
}
