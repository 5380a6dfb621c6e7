/**
 * The shared pieces of the command line and the example programs: recurrent layer types and initializers by name
 * ({@link io.github.chaoswatch.samples.RecurrentLayerType}, {@link io.github.chaoswatch.samples.RecurrentInit}), the
 * one-layer test bed and its λ₁ over seeds ({@link io.github.chaoswatch.samples.SeedSweep}, THEORY.md §5), a chaotic
 * series to train on ({@link io.github.chaoswatch.samples.LorenzSeries}), and the programs behind the documentation's
 * plots and benchmarks ({@code InitializerCurves}, {@code ListenerOverhead}).
 *
 * <p>Uses only public API of chaoswatch-core, chaoswatch-listeners and DL4J.
 */
package io.github.chaoswatch.samples;
