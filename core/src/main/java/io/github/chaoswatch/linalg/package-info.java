/**
 * Dense column-major matrices in native memory, the currency between the dynamics adapters and the spectrum engine.
 *
 * <p>{@link io.github.chaoswatch.linalg.DenseMatrix} is API: a {@code RecurrentDynamics} receives its tangent frame
 * as one. The kernels that multiply and orthonormalize them live in {@code linalg.internal}, which is not API.
 * Depends on nothing else in chaoswatch.
 */
package io.github.chaoswatch.linalg;
