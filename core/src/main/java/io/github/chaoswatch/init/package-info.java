/**
 * Recurrent weight initializers and initialization tuning (THEORY.md §5): put a recurrent layer where it should start,
 * ordered, at the edge of chaos or chaotic, and show where a given initialization lands.
 *
 * <ul>
 *   <li>{@link io.github.chaoswatch.init.OrthogonalInit} and {@link io.github.chaoswatch.init.ScaledGaussianInit}:
 *       DL4J {@code IWeightInit}s for recurrent weights, Haar-orthogonal or Gaussian with a gain, one independent
 *       matrix per LSTM gate block (§5.1, §5.4);</li>
 *   <li>{@link io.github.chaoswatch.init.CriticalGain}: mean-field theory for any elementwise activation, bias and
 *       input variance: the predicted largest exponent at any gain, the critical gain, the gain for a target (§5.2);
 *       {@link io.github.chaoswatch.init.EdgeOfChaosInit} initializes at such a gain;</li>
 *   <li>{@link io.github.chaoswatch.init.GainCalibrator}: tunes the gain of a built network's layer until the
 *       <em>measured</em> largest exponent hits a target, and rescales the weights in place (§5.3).</li>
 * </ul>
 *
 * <p>Every initializer survives DL4J's JSON configuration round trip and {@code ModelSerializer} (shaded Jackson
 * annotations only; derived values transient). Depends on DL4J's configuration and parameter API, on {@code dynamics} and
 * {@code lyapunov} (the calibrator measures with the spectrum engine) and on the plain-Java Householder kernel of
 * {@code linalg.internal}; knows nothing of listeners, storage or the UI.
 */
package io.github.chaoswatch.init;
