/**
 * The chaoswatch page of the DL4J training UI ({@link io.github.chaoswatch.ui.ChaosModule}): spectra, regimes and
 * alerts of every session a {@code ChaosListener} posted to a storage attached to the UI. Add the
 * {@code chaoswatch-ui} jar to the classpath of the process that runs the UI and open {@code /chaoswatch}.
 */
package io.github.chaoswatch.ui;
