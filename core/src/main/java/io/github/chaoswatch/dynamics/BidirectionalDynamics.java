package io.github.chaoswatch.dynamics;

/**
 * The two independent systems of a bidirectional layer (THEORY.md §3.6).
 *
 * <p>The directions never feed each other and are only combined afterwards, so there is no joint dynamics: chaoswatch
 * reports two spectra. The backward system runs over reversed time, h^b_t = F_b(h^b_{t+1}, x_t): drive it with the
 * time-reversed input ({@link ModelDynamics#drivingInputs} does).
 *
 * @param forward     the forward-in-time system
 * @param backward    the backward-in-time system
 * @param combination how DL4J combines the two outputs: {@code ADD}, {@code MUL}, {@code AVERAGE}, {@code CONCAT}
 *                    (the {@code Bidirectional} wrapper's mode) or {@code ADD} for {@code GravesBidirectionalLSTM}
 */
public record BidirectionalDynamics(RecurrentDynamics forward, RecurrentDynamics backward, String combination) {
}
