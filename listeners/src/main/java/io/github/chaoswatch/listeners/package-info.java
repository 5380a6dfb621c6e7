/**
 * Monitoring during training: {@link io.github.chaoswatch.listeners.ChaosListener} (a DL4J training listener),
 * its immutable {@link io.github.chaoswatch.listeners.ChaosReport}s, the
 * {@link io.github.chaoswatch.listeners.AlertPolicy} and its {@link io.github.chaoswatch.listeners.Alert}s,
 * early stopping ({@link io.github.chaoswatch.listeners.ChaosTerminationCondition}) and exporters (THEORY.md §6).
 * Depends on chaoswatch-core and DL4J's training and storage API; knows nothing of the UI.
 */
package io.github.chaoswatch.listeners;
