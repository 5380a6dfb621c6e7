package io.github.chaoswatch.listeners;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A copy of a model's configuration and parameters, taken on the training thread and rebuilt into an independent
 * model on the analysis thread, so analysis never touches the live model, its RNN state or its workspaces.
 */
final class ModelSnapshot {

    private final MultiLayerConfiguration networkConfiguration;
    private final ComputationGraphConfiguration graphConfiguration;
    private final INDArray parameters;

    private ModelSnapshot(MultiLayerConfiguration network, ComputationGraphConfiguration graph, INDArray parameters) {
        this.networkConfiguration = network;
        this.graphConfiguration = graph;
        this.parameters = parameters;
    }

    /**
     * Copies {@code model}'s configuration and parameters (outside any workspace).
     *
     * @throws IllegalArgumentException for models other than MultiLayerNetwork and ComputationGraph
     */
    static ModelSnapshot of(Model model) {
        INDArray parameters;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            parameters = model.params().dup();
        }
        if (model instanceof MultiLayerNetwork net) {
            return new ModelSnapshot(net.getLayerWiseConfigurations().clone(), null, parameters);
        }
        if (model instanceof ComputationGraph graph) {
            return new ModelSnapshot(null, graph.getConfiguration().clone(), parameters);
        }
        throw new IllegalArgumentException("chaoswatch analyses MultiLayerNetwork and ComputationGraph models, not "
                + model.getClass().getName());
    }

    /** Returns true if every parameter is finite. */
    boolean finite() {
        return !parameters.isNaN().any() && !parameters.isInfinite().any();
    }

    /** Builds an independent model with the copied parameters (not cloned again). */
    Model rebuild() {
        if (networkConfiguration != null) {
            MultiLayerNetwork net = new MultiLayerNetwork(networkConfiguration.clone());
            net.init(parameters, false);
            return net;
        }
        ComputationGraph graph = new ComputationGraph(graphConfiguration.clone());
        graph.init(parameters, false);
        return graph;
    }

    /** Returns the truncated-BPTT backward length, or 0 when training uses full BPTT. */
    int truncatedBpttLength() {
        if (networkConfiguration != null) {
            return networkConfiguration.getBackpropType() == BackpropType.TruncatedBPTT
                    ? networkConfiguration.getTbpttBackLength() : 0;
        }
        return graphConfiguration.getBackpropType() == BackpropType.TruncatedBPTT
                ? graphConfiguration.getTbpttBackLength() : 0;
    }

    /** Returns the configuration as DL4J JSON. */
    String configurationJson() {
        return networkConfiguration != null ? networkConfiguration.toJson() : graphConfiguration.toJson();
    }
}
