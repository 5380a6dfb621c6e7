/**
 * Lyapunov spectra of recurrent maps (THEORY.md §2): the QR method ({@link
 * io.github.chaoswatch.lyapunov.SpectrumEstimator}), the two-trajectory cross-check ({@link
 * io.github.chaoswatch.lyapunov.DirectEstimate}) and their immutable result ({@link
 * io.github.chaoswatch.lyapunov.LyapunovSpectrum}). Depends on {@code dynamics} and {@code linalg}; knows nothing of
 * listeners, storage or the UI.
 */
package io.github.chaoswatch.lyapunov;
