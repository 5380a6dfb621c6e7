package io.github.chaoswatch.dynamics;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The dynamics of a DL4J model's recurrent layers, and how to compute the inputs that drive each of them.
 *
 * <p>Holds one {@link RecurrentDynamics} per supported recurrent layer (two for a bidirectional layer, one per
 * direction), plus one {@link StackedDynamics} per run of two or more directly connected unidirectional recurrent
 * layers. Made by {@link Dynamics#of}. The dynamics are parameter snapshots; only {@link #drivingInputs} uses the
 * model, through DL4J's own inference-mode forward pass (which leaves the RNN state alone but is not safe to run while
 * another thread trains the same model: give it a clone then).
 */
public final class ModelDynamics {

    private final Map<String, Source> sources;
    private final List<BidirectionalDynamics> bidirectional;

    ModelDynamics(Map<String, Source> sources, List<BidirectionalDynamics> bidirectional) {
        this.sources = new LinkedHashMap<>(sources);
        this.bidirectional = List.copyOf(bidirectional);
    }

    /** Returns every dynamics: layers and directions in network order, then stacks. */
    public List<RecurrentDynamics> all() {
        return sources.values().stream().map(Source::dynamics).toList();
    }

    /** Returns the per-layer dynamics (one per direction of a bidirectional layer), in network order. */
    public List<RecurrentDynamics> layers() {
        return all().stream().filter(d -> !(d instanceof StackedDynamics)).toList();
    }

    /** Returns the stacks of directly connected recurrent layers (none for a single recurrent layer). */
    public List<StackedDynamics> stacks() {
        return all().stream().filter(StackedDynamics.class::isInstance).map(StackedDynamics.class::cast).toList();
    }

    /** Returns the bidirectional layers, each as its pair of directions. */
    public List<BidirectionalDynamics> bidirectional() {
        return bidirectional;
    }

    /** Returns the dynamics called {@code name}, if any. */
    public Optional<RecurrentDynamics> get(String name) {
        return Optional.ofNullable(sources.get(name)).map(Source::dynamics);
    }

    /** Returns the names of all dynamics, in the order of {@link #all()}. */
    public List<String> names() {
        return List.copyOf(sources.keySet());
    }

    /**
     * Returns the input sequences that drive {@code dynamics} when the model receives {@code modelInput}, as
     * {@code [sequence][time][nIn]}: the model input itself for a first layer, otherwise the activations DL4J computes
     * for the layers below (inference mode), time-reversed for a backward direction.
     *
     * @param dynamics   one of {@link #all()}
     * @param modelInput the model's input, {@code [minibatch, nIn, time]} (DL4J's NCW layout)
     * @throws IllegalArgumentException if {@code dynamics} does not belong to this model or the input is not rank 3
     */
    public double[][][] drivingInputs(RecurrentDynamics dynamics, INDArray modelInput) {
        Source source = sources.get(dynamics.name());
        if (source == null || source.dynamics() != dynamics) {
            throw new IllegalArgumentException("dynamics '" + dynamics.name() + "' does not belong to this model;"
                    + " it has " + names());
        }
        if (modelInput.rank() != 3) {
            throw new IllegalArgumentException("model input has shape " + Arrays.toString(modelInput.shape())
                    + "; expected a rank-3 sequence batch [minibatch, nIn, time]");
        }
        INDArray layerInput = source.inputs().apply(modelInput);
        if (layerInput.size(1) != dynamics.inputSize()) {
            throw new IllegalArgumentException("the input of '" + dynamics.name() + "' has shape "
                    + Arrays.toString(layerInput.shape()) + "; expected [minibatch, " + dynamics.inputSize()
                    + ", time]");
        }
        double[][][] sequences = ProbeSequences.fromNcw(layerInput);
        if (source.reversed()) {
            for (double[][] sequence : sequences) {
                Collections.reverse(Arrays.asList(sequence));
            }
        }
        return sequences;
    }

    @Override
    public String toString() {
        return sources.values().stream().map(s -> s.dynamics().name() + " (" + s.dynamics().layerType() + ", D="
                + s.dynamics().stateSize() + ")").collect(Collectors.joining(", ", "ModelDynamics[", "]"));
    }

    /** A dynamics, the function giving its input sequences from the model input, and its time direction. */
    record Source(RecurrentDynamics dynamics, UnaryOperator<INDArray> inputs, boolean reversed) {
    }

    /** Collects sources in order; names must be unique. */
    static final class Collector {
        private final Map<String, Source> sources = new LinkedHashMap<>();
        private final List<BidirectionalDynamics> bidirectional = new ArrayList<>();

        void add(RecurrentDynamics dynamics, UnaryOperator<INDArray> inputs, boolean reversed) {
            if (sources.putIfAbsent(dynamics.name(), new Source(dynamics, inputs, reversed)) != null) {
                throw new IllegalStateException("two dynamics are named '" + dynamics.name() + "'");
            }
        }

        void addBidirectional(BidirectionalDynamics pair) {
            bidirectional.add(pair);
        }

        boolean isEmpty() {
            return sources.isEmpty();
        }

        ModelDynamics build() {
            return new ModelDynamics(sources, bidirectional);
        }
    }
}
