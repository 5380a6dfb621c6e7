package io.github.chaoswatch.samples.cli;

import org.nd4j.shade.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What {@code chaoswatch demo} did, as printed with {@code --json}.
 *
 * @param task       what was learned ({@link DemoTask#description()})
 * @param iterations training iterations per phase
 * @param units      LSTM units
 * @param chaosNote  why CHAOTIC is expected for this task, if it is
 * @param uiUrl      the chaoswatch page of the UI, when the UI ran
 * @param phases     the chaotic phase, then the edge-of-chaos phase
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DemoResult(String task, int iterations, int units, String chaosNote, String uiUrl, List<Phase> phases) {

    /** Copies the phases. */
    DemoResult {
        phases = List.copyOf(phases);
    }

    /**
     * One training run with {@code ChaosListener} attached.
     *
     * @param name          "chaotic" or "edge"
     * @param init          the recurrent initializer
     * @param sessionId     the storage session of both listeners (the UI lists it)
     * @param reports       analysis reports received (OK or not)
     * @param lambdaStart   λ₁ of the first OK report (largest over the analysed dynamics), nats/step
     * @param lambdaEnd     λ₁ of the last OK report
     * @param regimeStart   the sign regime of {@code lambdaStart} (AlertPolicy defaults), or UNDECIDED
     * @param regimeEnd     the sign regime of {@code lambdaEnd}
     * @param heldRegimes   regimes held per layer at the end (after patience and hysteresis)
     * @param initialLoss   loss per time step after the first iteration
     * @param finalLoss     loss per time step after the last iteration
     * @param alerts        the messages of every alert, in order
     */
    record Phase(String name, String init, String sessionId, int reports, Double lambdaStart, Double lambdaEnd,
                 String regimeStart, String regimeEnd, String heldRegimes, double initialLoss, double finalLoss,
                 List<String> alerts) {

        /** Copies the alerts. */
        Phase {
            alerts = List.copyOf(alerts);
        }
    }
}
