package io.github.chaoswatch.listeners;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One analysis round of a {@link ChaosListener}: the spectrum summary of every analysed layer at one iteration.
 *
 * <p>Immutable. A round that met non-finite parameters or states is {@link Status#DIVERGED} (no layers); one whose
 * analysis threw is {@link Status#FAILED} with the message. Both are values, never exceptions in {@code fit()}.
 *
 * @param iteration       the training iteration the parameters were taken at
 * @param epoch           the epoch
 * @param timestampMillis wall-clock time of the snapshot (epoch milliseconds)
 * @param analysisMillis  time the analysis took on the background worker
 * @param status          OK, DIVERGED or FAILED
 * @param message         why, when not OK ("" otherwise)
 * @param layers          the layer summaries, in model order (empty unless OK)
 */
public record ChaosReport(long iteration, int epoch, long timestampMillis, long analysisMillis, Status status,
                          String message, List<LayerReport> layers) implements java.io.Serializable {

    /** Whether the round produced spectra. */
    public enum Status {
        /** Spectra computed. */
        OK,
        /** Non-finite parameters, states or exponents; training has diverged. */
        DIVERGED,
        /** The analysis itself failed (a bug or an unsupported configuration); see the message. */
        FAILED
    }

    /** Validates and copies. */
    public ChaosReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        layers = List.copyOf(layers);
    }

    /** Returns the largest λ₁ over the layers, in nats per step, if any layer was analysed. */
    public OptionalDouble maxExponentNats() {
        return layers.stream().mapToDouble(l -> l.unit().toNats(l.max())).max();
    }

    /** Returns true when the status is OK. */
    public boolean isOk() {
        return status == Status.OK;
    }
}
