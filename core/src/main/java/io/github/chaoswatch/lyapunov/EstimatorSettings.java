package io.github.chaoswatch.lyapunov;

/**
 * The settings that produced a spectrum, carried in every result so that a reported number can be reproduced
 * (STYLE.md §2.4).
 *
 * @param method                     {@code "QR"} (Benettin et al. 1980) or {@code "two-trajectory"} (Benettin et al.
 *                                   1976)
 * @param exponents                  k, the number of exponents tracked
 * @param warmupSteps                T_w, steps run before measuring
 * @param steps                      T, measured steps
 * @param orthonormalizationInterval τ requested (the QR method halves it where the conditioning check fails)
 * @param trajectories               B, independent trajectories
 * @param seed                       the seed of all random choices (initial states, Q_0)
 * @param drive                      a description of the inputs
 * @param orthonormalization         the QR algorithm used
 */
public record EstimatorSettings(String method, int exponents, int warmupSteps, int steps,
                                int orthonormalizationInterval, int trajectories, long seed, String drive,
                                Orthonormalization orthonormalization) {
}
