package io.github.chaoswatch.lyapunov;

import io.github.chaoswatch.dynamics.ProbeSequences;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The inputs x_t that drive a recurrent map during a spectrum computation (THEORY.md §2.4).
 *
 * <p>{@link #autonomous()} feeds x_t = 0, the intrinsic dynamics of the recurrence (the setting of mean-field theory).
 * {@link #of(double[][][])} feeds probe sequences, as real training data gives them: trajectory b starts on sequence
 * b mod S and, when it needs more steps than a sequence has, continues on the next sequence with its state carried
 * across the boundary. Exponents of a driven map are properties of the input distribution, not of one sequence.
 * Immutable.
 */
public final class Drive {

    private static final Drive AUTONOMOUS = new Drive(null);

    private final double[][][] sequences;

    private Drive(double[][][] sequences) {
        this.sequences = sequences;
    }

    /** Returns the zero drive x_t = 0. */
    public static Drive autonomous() {
        return AUTONOMOUS;
    }

    /**
     * Returns a drive by probe sequences {@code [sequence][time][nIn]} (copied).
     *
     * @throws IllegalArgumentException if there are no sequences, a sequence is empty, lengths or sizes differ, or a
     *                                  value is not finite
     */
    public static Drive of(double[][][] sequences) {
        if (sequences.length == 0) {
            throw new IllegalArgumentException("a drive needs at least one probe sequence; use Drive.autonomous()"
                    + " for zero input");
        }
        int inputSize = -1;
        int length = sequences[0].length;
        double[][][] copy = new double[sequences.length][][];
        for (int s = 0; s < sequences.length; s++) {
            if (sequences[s].length == 0 || sequences[s].length != length) {
                throw new IllegalArgumentException("probe sequence " + s + " has " + sequences[s].length
                        + " time steps, sequence 0 has " + length + "; all sequences need the same non-zero length");
            }
            copy[s] = new double[sequences[s].length][];
            for (int t = 0; t < sequences[s].length; t++) {
                double[] x = sequences[s][t];
                if (inputSize < 0) {
                    inputSize = x.length;
                }
                if (x.length != inputSize) {
                    throw new IllegalArgumentException("probe sequence " + s + " has " + x.length
                            + " inputs at step " + t + " but " + inputSize + " elsewhere; all steps need the same size");
                }
                for (double v : x) {
                    // Positive form: NaN fails.
                    if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                        throw new IllegalArgumentException("probe sequence " + s + " has the non-finite input " + v
                                + " at step " + t + "; clean the probe data");
                    }
                }
                copy[s][t] = x.clone();
            }
        }
        return new Drive(copy);
    }

    /**
     * Returns a drive by a DL4J sequence batch {@code [minibatch, nIn, time]} (NCW), copied as doubles.
     *
     * @throws IllegalArgumentException if the array is not rank 3 or holds non-finite values
     */
    public static Drive of(INDArray ncw) {
        return of(ProbeSequences.fromNcw(ncw));
    }

    /** Returns true for the zero drive. */
    public boolean isAutonomous() {
        return sequences == null;
    }

    /** Returns the input size of the probe sequences; fails for the autonomous drive, which fits any size. */
    int inputSize() {
        return sequences[0][0].length;
    }

    /**
     * Writes x_t of trajectory {@code trajectory} into {@code input} (left at zero for the autonomous drive, whose
     * buffer the caller zeroes once).
     */
    void input(int trajectory, long step, double[] input) {
        if (sequences == null) {
            return;
        }
        int length = sequences[0].length;
        int sequence = (int) ((trajectory + step / length) % sequences.length);
        System.arraycopy(sequences[sequence][(int) (step % length)], 0, input, 0, input.length);
    }

    @Override
    public String toString() {
        return sequences == null ? "autonomous (x = 0)"
                : "driven by " + sequences.length + " probe sequences of " + sequences[0].length + " steps";
    }
}
