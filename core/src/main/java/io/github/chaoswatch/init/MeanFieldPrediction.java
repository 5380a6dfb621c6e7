package io.github.chaoswatch.init;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The mean-field state of a random recurrent layer at one gain (THEORY.md §5.2), as computed by
 * {@link CriticalGain#predict(double)}.
 *
 * <pre>
 *   q* = σ_w²·E_z[φ(√q*·z)²] + σ_b² + σ_in²,    χ_1 = σ_w²·E_z[φ'(√q*·z)²],    λ_MF = ½ ln χ_1,
 * </pre>
 * with σ_w the gain, z ~ N(0, 1), q* the variance of a unit's pre-activation at the fixed point of the length map and
 * χ_1 the slope of the correlation map there; λ_MF is the predicted largest Lyapunov exponent in nats per step
 * (positive: chaotic; negative: ordered; zero: the edge of chaos).
 *
 * <p>Unbounded activations (identity, ReLU) have a finite q* only below a limiting gain (σ_w² &lt; 1 for the
 * identity, σ_w² &lt; 2 for ReLU, when σ_b² + σ_in² &gt; 0). Past it the state grows without bound and the status is
 * {@link Status#NO_FINITE_FIXED_POINT}: then {@link #fixedPoint()}, {@link #chi1()} and
 * {@link #exponentNatsPerStep()} are empty. This is a property of the model, not a numerical failure.
 *
 * @param gain                the gain σ_w (recurrent weights of variance σ_w²/n)
 * @param status              whether the length map has a finite fixed point
 * @param fixedPoint          q*, empty without a finite fixed point
 * @param chi1                χ_1, empty without a finite fixed point
 * @param exponentNatsPerStep λ_MF = ½ ln χ_1 in nats per step (−∞ if χ_1 = 0), empty without a finite fixed point
 * @param quadratureNodes     the Gauss–Hermite nodes used (doubled from {@value CriticalGain#DEFAULT_NODES} until
 *                            χ_1 agreed with the next doubling)
 * @param quadratureError     |χ_1(m) − χ_1(2m)|, the error estimate of χ_1 from the last doubling (0 without a finite
 *                            fixed point)
 */
public record MeanFieldPrediction(double gain, Status status, OptionalDouble fixedPoint, OptionalDouble chi1,
                                  OptionalDouble exponentNatsPerStep, int quadratureNodes, double quadratureError) {

    /** Whether the length map has a finite fixed point at this gain. */
    public enum Status {
        /** q* is finite; χ_1 and λ_MF are defined. */
        FIXED_POINT,
        /** The length map grows without bound (unbounded activation past its limiting gain). */
        NO_FINITE_FIXED_POINT
    }

    /** Validates the components. */
    public MeanFieldPrediction {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fixedPoint, "fixedPoint");
        Objects.requireNonNull(chi1, "chi1");
        Objects.requireNonNull(exponentNatsPerStep, "exponentNatsPerStep");
        boolean finite = status == Status.FIXED_POINT;
        if (fixedPoint.isPresent() != finite || chi1.isPresent() != finite
                || exponentNatsPerStep.isPresent() != finite) {
            throw new IllegalArgumentException("status " + status + " requires fixedPoint, chi1 and"
                    + " exponentNatsPerStep to be " + (finite ? "present" : "empty"));
        }
    }

    /** Returns true when q*, χ_1 and λ_MF are defined. */
    public boolean hasFixedPoint() {
        return status == Status.FIXED_POINT;
    }

    @Override
    public String toString() {
        if (!hasFixedPoint()) {
            return String.format(Locale.ROOT, "MeanFieldPrediction[gain=%.6g: no finite fixed point (the length map"
                    + " grows without bound)]", gain);
        }
        return String.format(Locale.ROOT, "MeanFieldPrediction[gain=%.6g, q*=%.6g, chi1=%.6g, lambda=%.6g nats/step,"
                        + " %d nodes, quadrature error %.1e]", gain, fixedPoint.getAsDouble(), chi1.getAsDouble(),
                exponentNatsPerStep.getAsDouble(), quadratureNodes, quadratureError);
    }
}
