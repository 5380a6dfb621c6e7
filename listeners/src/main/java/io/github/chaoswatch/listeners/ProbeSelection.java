package io.github.chaoswatch.listeners;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks probe sequences from a training minibatch without its padding (THEORY.md §3.8: a masked step resets the
 * state, so the dynamics may only be driven by unmasked steps).
 */
final class ProbeSelection {

    private ProbeSelection() {
    }

    /**
     * Returns a copy of up to {@code count} sequences of {@code input} ([minibatch, nIn, time]). Without a usable
     * mask, the first ones. With a feature mask of shape [minibatch, time] (1 = real step): the sequences with no
     * masked step; if every sequence is padded, all of them cut to the shortest unmasked prefix; null when even that
     * is empty (the caller retries on the next batch). A mask of any other shape (NWC data, a mask reshaped by an
     * input preprocessor) is not interpreted: the first sequences are taken as they are.
     */
    static INDArray unmasked(INDArray input, INDArray mask, int count) {
        long batch = input.size(0);
        boolean usable = mask != null && mask.rank() == 2 && mask.size(0) == batch && mask.size(1) == input.size(2);
        if (!usable) {
            return input.get(NDArrayIndex.interval(0, Math.min(count, batch)), NDArrayIndex.all(),
                    NDArrayIndex.all()).dup();
        }
        long time = input.size(2);
        List<Long> complete = new ArrayList<>();
        long shortest = time;
        for (int b = 0; b < batch; b++) {
            long length = 0;
            while (length < time && mask.getDouble(b, length) != 0) {
                length++;
            }
            shortest = Math.min(shortest, length);
            if (length == time && complete.size() < count) {
                complete.add((long) b);
            }
        }
        if (!complete.isEmpty()) {
            long[] rows = complete.stream().mapToLong(Long::longValue).toArray();
            return input.get(NDArrayIndex.indices(rows), NDArrayIndex.all(), NDArrayIndex.all()).dup();
        }
        if (shortest == 0) {
            return null;
        }
        return input.get(NDArrayIndex.interval(0, Math.min(count, batch)), NDArrayIndex.all(),
                NDArrayIndex.interval(0, shortest)).dup();
    }
}
