package io.github.chaoswatch.dynamics;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** Converts DL4J sequence batches to the {@code [sequence][time][input]} doubles that drive a dynamics. */
public final class ProbeSequences {

    private ProbeSequences() {
    }

    /**
     * Returns {@code [minibatch, nIn, time]} (DL4J's NCW layout, any data type) as {@code double[minibatch][time][nIn]}.
     *
     * @throws IllegalArgumentException if the array is not rank 3
     */
    public static double[][][] fromNcw(INDArray ncw) {
        if (ncw.rank() != 3) {
            throw new IllegalArgumentException("probe inputs have shape " + Arrays.toString(ncw.shape())
                    + "; expected a rank-3 sequence batch [minibatch, nIn, time]");
        }
        int batch = (int) ncw.size(0);
        int inputSize = (int) ncw.size(1);
        int time = (int) ncw.size(2);
        // [batch, time, nIn] in 'c' order: one bulk copy instead of an element-wise read.
        double[] flat = ncw.castTo(DataType.DOUBLE).permute(0, 2, 1).dup('c').data().asDouble();
        double[][][] out = new double[batch][time][];
        for (int b = 0, offset = 0; b < batch; b++) {
            for (int t = 0; t < time; t++, offset += inputSize) {
                out[b][t] = Arrays.copyOfRange(flat, offset, offset + inputSize);
            }
        }
        return out;
    }
}
