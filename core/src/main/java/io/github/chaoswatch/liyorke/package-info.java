/**
 * Li–Yorke chaos and scrambling (THEORY.md §4): period detection for one-dimensional maps, the scrambling paper's
 * random scalar network, Monte Carlo chaos probabilities, scrambled-pair and return-map tests for multi-dimensional
 * recurrent maps, and lap-growth (expressivity) profiles.
 *
 * <p>{@link io.github.chaoswatch.liyorke.ScalarMap} is a continuous map of the real line with its derivative, exactly
 * piecewise linear when it comes from ReLU networks or interpolation. {@link
 * io.github.chaoswatch.liyorke.PeriodThreeDetector} searches it for points of prime period 3 (or another period) with
 * two certificates (§4.4); {@link io.github.chaoswatch.liyorke.RandomScalarRnn} is the model of Chatziafratis,
 * Panageas, Sanford &amp; Stavroulakis (2022, arXiv:2210.05212) and {@link
 * io.github.chaoswatch.liyorke.ChaosProbability} estimates how often it has period 3 (§4.3).
 * {@link io.github.chaoswatch.liyorke.ScramblingTest} and {@link io.github.chaoswatch.liyorke.ReturnMapTest} look for
 * scrambling in any {@link io.github.chaoswatch.dynamics.RecurrentDynamics} (§4.6, §4.7); {@link
 * io.github.chaoswatch.liyorke.ExpressivityProbe} counts the monotone laps of iterates (§4.8).
 *
 * <p>Depends on {@code dynamics} (and {@code linalg} for the tangent map of a scalar map); knows nothing of
 * listeners, storage or the UI.
 */
package io.github.chaoswatch.liyorke;
