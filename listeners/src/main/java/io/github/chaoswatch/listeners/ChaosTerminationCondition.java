package io.github.chaoswatch.listeners;

import org.deeplearning4j.earlystopping.termination.IterationTerminationCondition;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Ends DL4J early-stopping training when a {@link ChaosListener} has raised an alert of chosen regimes.
 *
 * <pre>{@code
 * ChaosListener chaos = new ChaosListener.Builder().sessionId("run-1").build();
 * EarlyStoppingConfiguration<MultiLayerNetwork> es = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
 *         .iterationTerminationConditions(new ChaosTerminationCondition("run-1", Regime.CHAOTIC, Regime.DIVERGED))
 *         ...build();
 * }</pre>
 *
 * <p>DL4J gives iteration conditions only the minibatch score, so the condition finds the listener by its session
 * id (the listener, or its per-worker clones, must be attached to the model being trained, in the same JVM; any of
 * them alerting ends training). It acts only on alerts, which the
 * policy fires after its patience, never on a single report. JSON-serializable like DL4J's own conditions.
 */
public final class ChaosTerminationCondition implements IterationTerminationCondition {

    private static final long serialVersionUID = 1L;

    private final String sessionId;
    private final List<Regime> regimes;

    /**
     * Creates a condition for the listener of {@code sessionId}, ending training on alerts of {@code regimes}.
     *
     * @throws IllegalArgumentException if no regime is given
     */
    public ChaosTerminationCondition(@JsonProperty("sessionId") String sessionId,
                                     @JsonProperty("regimes") Regime... regimes) {
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        if (regimes == null || regimes.length == 0) {
            throw new IllegalArgumentException("name at least one regime to stop on, e.g. Regime.CHAOTIC");
        }
        this.regimes = List.of(regimes);
    }

    @Override
    public void initialize() {
        // Stateless: the listener holds the alerts.
    }

    @Override
    public boolean terminate(double lastMiniBatchScore) {
        Set<Regime> wanted = EnumSet.copyOf(regimes);
        return ListenerRegistry.find(sessionId).stream().anyMatch(l -> l.hasAlerted(wanted));
    }

    /** Returns the session id of the listener consulted. */
    @JsonProperty("sessionId")
    public String sessionId() {
        return sessionId;
    }

    /** Returns the regimes that end training. */
    @JsonProperty("regimes")
    public List<Regime> regimes() {
        return regimes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChaosTerminationCondition c && sessionId.equals(c.sessionId) && regimes.equals(c.regimes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, regimes);
    }

    @Override
    public String toString() {
        return "ChaosTerminationCondition(" + sessionId + ", " + regimes + ")";
    }
}
