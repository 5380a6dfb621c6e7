/**
 * DL4J recurrent layers as dynamical systems s_t = F(s_{t−1}, x_t), with analytic Jacobians (THEORY.md §3).
 *
 * <p>{@link io.github.chaoswatch.dynamics.Dynamics#of} turns a {@code MultiLayerNetwork} or {@code ComputationGraph}
 * into {@link io.github.chaoswatch.dynamics.RecurrentDynamics}, one per layer (per direction), plus stacks. Every
 * adapter reproduces DL4J's {@code rnnTimeStep} and matches finite differences (tests). Depends on DL4J's
 * configuration and parameter API and on {@code linalg}; knows nothing of spectra, listeners or the UI.
 */
package io.github.chaoswatch.dynamics;
