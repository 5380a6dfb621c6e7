package io.github.chaoswatch.dynamics;

import io.github.chaoswatch.linalg.DenseMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The joint dynamics of stacked recurrent layers: layer ℓ is driven by the output of layer ℓ−1 at the same step
 * (THEORY.md §3.7).
 *
 * <p>The joint state is the concatenation (s¹; …; s^L), lowest layer first. Its Jacobian is block lower-triangular,
 * with diagonal blocks J^ℓ and, below them, the input Jacobian of layer ℓ times the tangent of the layer below; so the
 * joint spectrum is the union of the per-layer spectra (each layer driven by the actual outputs below), which the tests
 * check. The joint map gives the whole network's Kaplan–Yorke dimension.
 */
public final class StackedDynamics implements RecurrentDynamics {

    private final String name;
    private final List<RecurrentDynamics> layers;
    private final int stateSize;
    private final List<WorkMatrix[]> work = new ArrayList<>();

    private StackedDynamics(String name, List<RecurrentDynamics> layers) {
        this.name = name;
        this.layers = List.copyOf(layers);
        this.stateSize = layers.stream().mapToInt(RecurrentDynamics::stateSize).sum();
        for (int l = 0; l < layers.size(); l++) {
            work.add(new WorkMatrix[] {new WorkMatrix(), new WorkMatrix(), new WorkMatrix()});
        }
    }

    /**
     * Returns the stack of {@code layers}, lowest first.
     *
     * @throws IllegalArgumentException if there are fewer than two layers, a layer is itself a stack, or a layer's
     *                                  input size differs from the output size of the layer below
     */
    public static StackedDynamics of(String name, List<? extends RecurrentDynamics> layers) {
        if (layers.size() < 2) {
            throw new IllegalArgumentException("a stack needs at least two layers, got " + layers.size());
        }
        for (RecurrentDynamics layer : layers) {
            if (layer instanceof StackedDynamics) {
                throw new IllegalArgumentException("'" + layer.name() + "' is itself a stack; stack its layers"
                        + " directly (a stack's output is its top layer's, not the start of its joint state)");
            }
        }
        for (int l = 1; l < layers.size(); l++) {
            RecurrentDynamics below = layers.get(l - 1);
            RecurrentDynamics above = layers.get(l);
            if (above.inputSize() != below.outputSize()) {
                throw new IllegalArgumentException("layer '" + above.name() + "' takes " + above.inputSize()
                        + " inputs but layer '" + below.name() + "' below it outputs " + below.outputSize()
                        + "; only directly connected recurrent layers can be stacked");
            }
        }
        return new StackedDynamics(name, new ArrayList<>(layers));
    }

    /** Returns the layers, lowest first. */
    public List<RecurrentDynamics> layers() {
        return layers;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String layerType() {
        return layers.stream().map(RecurrentDynamics::layerType).collect(Collectors.joining(", ", "Stack[", "]"));
    }

    @Override
    public int stateSize() {
        return stateSize;
    }

    @Override
    public int inputSize() {
        return layers.get(0).inputSize();
    }

    /** The stack's output is the top layer's, which is not the leading part of the joint state. */
    @Override
    public int outputSize() {
        return stateSize;
    }

    @Override
    public void step(double[] state, double[] input, double[] next) {
        double[] layerInput = input;
        int offset = 0;
        for (RecurrentDynamics layer : layers) {
            int size = layer.stateSize();
            double[] layerNext = new double[size];
            layer.step(slice(state, offset, size), layerInput, layerNext);
            System.arraycopy(layerNext, 0, next, offset, size);
            layerInput = slice(layerNext, 0, layer.outputSize());
            offset += size;
        }
    }

    @Override
    public void tangentStep(double[] state, double[] input, double[] next, DenseMatrix stateTangents,
                            DenseMatrix inputTangents, DenseMatrix product) {
        int k = stateTangents.columns();
        double[] layerInput = input;
        DenseMatrix layerInputTangents = inputTangents;
        int offset = 0;
        for (int l = 0; l < layers.size(); l++) {
            RecurrentDynamics layer = layers.get(l);
            int size = layer.stateSize();
            WorkMatrix[] scratch = work.get(l);
            DenseMatrix tangents = scratch[0].get(size, k);
            DenseMatrix layerProduct = scratch[1].get(size, k);
            tangents.copyRows(stateTangents, offset, 0, size);
            double[] layerNext = new double[size];
            layer.tangentStep(slice(state, offset, size), layerInput, layerNext, tangents, layerInputTangents,
                    layerProduct);
            System.arraycopy(layerNext, 0, next, offset, size);
            product.copyRows(layerProduct, 0, offset, size);
            // The layer above sees this layer's output y = s[0 : out] and its perturbation.
            int out = layer.outputSize();
            layerInput = slice(layerNext, 0, out);
            layerInputTangents = scratch[2].get(out, k);
            layerInputTangents.copyRows(layerProduct, 0, 0, out);
            offset += size;
        }
    }

    private static double[] slice(double[] values, int from, int length) {
        double[] out = new double[length];
        System.arraycopy(values, from, out, 0, length);
        return out;
    }

    @Override
    public String toString() {
        return "StackedDynamics[" + name + ", " + layers + "]";
    }
}
