package io.github.chaoswatch.liyorke;

import io.github.chaoswatch.dynamics.RecurrentDynamics;

import java.util.Arrays;

/**
 * The inputs x_t fed to both trajectories of a pair, or to a return-map trajectory: zero input, or a sequence
 * {@code [time][nIn]} repeated cyclically when the run is longer. Immutable.
 */
final class InputSequence {

    private static final InputSequence ZERO = new InputSequence(null);

    private final double[][] steps;

    private InputSequence(double[][] steps) {
        this.steps = steps;
    }

    /** Returns the zero input x_t = 0. */
    static InputSequence zero() {
        return ZERO;
    }

    /**
     * Returns the sequence (copied), or the zero input for null.
     *
     * @throws IllegalArgumentException if the sequence is empty, ragged or holds a non-finite value
     */
    static InputSequence of(double[][] steps) {
        if (steps == null) {
            return ZERO;
        }
        if (steps.length == 0) {
            throw new IllegalArgumentException("the input sequence is empty; pass at least one step, or no inputs"
                    + " for zero input");
        }
        double[][] copy = new double[steps.length][];
        for (int t = 0; t < steps.length; t++) {
            if (steps[t].length != steps[0].length) {
                throw new IllegalArgumentException("input step " + t + " has " + steps[t].length + " values, step 0"
                        + " has " + steps[0].length + "; all steps need the same size");
            }
            for (double v : steps[t]) {
                if (!ConfigurationProblems.finite(v)) {
                    throw new IllegalArgumentException("input step " + t + " holds the non-finite value " + v
                            + "; clean the inputs");
                }
            }
            copy[t] = steps[t].clone();
        }
        return new InputSequence(copy);
    }

    /**
     * Checks that the inputs fit the dynamics.
     *
     * @throws IllegalArgumentException if the input size differs from the dynamics'
     */
    void checkFits(RecurrentDynamics dynamics) {
        if (steps != null && steps[0].length != dynamics.inputSize()) {
            throw new IllegalArgumentException("the inputs have " + steps[0].length + " values per step but '"
                    + dynamics.name() + "' takes " + dynamics.inputSize() + "; pass that layer's inputs");
        }
    }

    /** Writes x_t into {@code input} (zeros for the zero input). */
    void input(long t, double[] input) {
        if (steps == null) {
            Arrays.fill(input, 0);
        } else {
            System.arraycopy(steps[(int) (t % steps.length)], 0, input, 0, input.length);
        }
    }

    @Override
    public String toString() {
        return steps == null ? "zero input" : "an input sequence of " + steps.length + " steps (repeated)";
    }
}
