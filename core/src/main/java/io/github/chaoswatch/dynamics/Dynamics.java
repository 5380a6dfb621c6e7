package io.github.chaoswatch.dynamics;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.GravesBidirectionalLSTM;
import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Builds the {@link RecurrentDynamics} of the recurrent layers of a DL4J model (THEORY.md §3).
 *
 * <p>Supported: {@code SimpleRnn} (without layer normalization), {@code LSTM}, {@code GravesLSTM},
 * {@code GravesBidirectionalLSTM} and the {@code Bidirectional} wrapper around the first three (one dynamics per
 * direction), and {@code LastTimeStep} around any of these (unwrapped). Parameters are copied as doubles when the
 * dynamics are built: later training does not change them; build again to follow training.
 *
 * <pre>{@code
 * ModelDynamics dynamics = Dynamics.of(net);
 * for (RecurrentDynamics d : dynamics.all()) {
 *     LyapunovSpectrum s = estimator.estimate(d, Drive.of(dynamics.drivingInputs(d, probe)));
 * }
 * }</pre>
 */
public final class Dynamics {

    /** The layer types chaoswatch analyses, as named in error messages. */
    public static final String SUPPORTED_TYPES = "SimpleRnn (without layer norm), LSTM, GravesLSTM, "
            + "GravesBidirectionalLSTM, Bidirectional(SimpleRnn | LSTM | GravesLSTM) and LastTimeStep(any of these)";

    private static final Logger LOG = LoggerFactory.getLogger(Dynamics.class);

    private Dynamics() {
    }

    /**
     * Returns the dynamics of every supported recurrent layer of {@code net}, and of each run of two or more directly
     * connected unidirectional recurrent layers as a {@link StackedDynamics}.
     *
     * @throws IllegalArgumentException if the network has no supported recurrent layer (the message lists the layers
     *                                  found), or a recurrent layer uses an unsupported option such as layer norm
     */
    public static ModelDynamics of(MultiLayerNetwork net) {
        ModelDynamics.Collector collector = new ModelDynamics.Collector();
        List<String> seen = new ArrayList<>();
        StackBuilder stack = new StackBuilder(collector);
        int layerCount = net.getnLayers();
        for (int i = 0; i < layerCount; i++) {
            Layer conf = net.getLayerWiseConfigurations().getConf(i).getLayer();
            String name = conf.getLayerName() != null ? conf.getLayerName() : "layer" + i;
            seen.add(name + " (" + conf.getClass().getSimpleName() + ")");
            boolean directlyConnected = net.getLayerWiseConfigurations().getInputPreProcess(i) == null;
            UnaryOperator<INDArray> inputs = layerInputs(net, i, conf);
            Optional<Adapted> adapted = adapt(name, conf, net.getLayer(i).paramTable());
            if (adapted.isEmpty()) {
                stack.close();
                continue;
            }
            Adapted a = adapted.get();
            add(collector, a, inputs);
            if (a.pair() != null) {
                stack.close();
            } else {
                if (!directlyConnected) {
                    stack.close();
                }
                stack.add(a.single(), inputs);
                // LastTimeStep emits one step, not a sequence: nothing above it is driven step by step.
                if (conf instanceof LastTimeStep) {
                    stack.close();
                }
            }
        }
        stack.close();
        return build(collector, seen);
    }

    /**
     * Returns the dynamics of the recurrent layer {@code layerName} of {@code graph} (two for a bidirectional layer).
     *
     * @throws IllegalArgumentException if there is no such layer or it is not a supported recurrent layer
     */
    public static ModelDynamics of(ComputationGraph graph, String layerName) {
        GraphVertex vertex = graph.getConfiguration().getVertices().get(layerName);
        if (!(vertex instanceof LayerVertex)) {
            throw new IllegalArgumentException("the graph has no layer named '" + layerName + "'; its vertices are "
                    + graph.getConfiguration().getVertices().keySet());
        }
        ModelDynamics.Collector collector = new ModelDynamics.Collector();
        addGraphLayer(graph, layerName, (LayerVertex) vertex, collector);
        return build(collector, List.of(layerName + " (" + ((LayerVertex) vertex).getLayerConf().getLayer()
                .getClass().getSimpleName() + ")"));
    }

    /**
     * Returns the dynamics of every supported recurrent layer of {@code graph}, in topological order (no stacks:
     * graphs may branch and merge).
     *
     * @throws IllegalArgumentException if the graph has no supported recurrent layer (the message lists the layers)
     */
    public static ModelDynamics of(ComputationGraph graph) {
        ModelDynamics.Collector collector = new ModelDynamics.Collector();
        List<String> seen = new ArrayList<>();
        Map<String, GraphVertex> vertices = graph.getConfiguration().getVertices();
        for (String name : graph.getConfiguration().getTopologicalOrderStr()) {
            if (vertices.get(name) instanceof LayerVertex vertex) {
                seen.add(name + " (" + vertex.getLayerConf().getLayer().getClass().getSimpleName() + ")");
                addGraphLayer(graph, name, vertex, collector);
            }
        }
        return build(collector, seen);
    }

    private static void addGraphLayer(ComputationGraph graph, String name, LayerVertex vertex,
                                      ModelDynamics.Collector collector) {
        Layer conf = vertex.getLayerConf().getLayer();
        adapt(name, conf, graph.getLayer(name).paramTable())
                .ifPresent(a -> add(collector, a, graphLayerInputs(graph, name, vertex, conf)));
    }

    private static ModelDynamics build(ModelDynamics.Collector collector, List<String> seen) {
        if (collector.isEmpty()) {
            throw new IllegalArgumentException("no supported recurrent layer found (saw " + String.join(", ", seen)
                    + "); chaoswatch analyses " + SUPPORTED_TYPES);
        }
        return collector.build();
    }

    private static void add(ModelDynamics.Collector collector, Adapted adapted, UnaryOperator<INDArray> inputs) {
        if (adapted.pair() == null) {
            collector.add(adapted.single(), inputs, false);
        } else {
            collector.add(adapted.pair().forward(), inputs, false);
            collector.add(adapted.pair().backward(), inputs, true);
            collector.addBidirectional(adapted.pair());
        }
    }

    /** Adapts one layer configuration, or returns empty for a layer that is not recurrent. */
    private static Optional<Adapted> adapt(String name, Layer conf, Map<String, INDArray> params) {
        if (conf instanceof LastTimeStep wrapper) {
            return adapt(name, wrapper.getUnderlying(), params);
        }
        if (conf instanceof Bidirectional wrapper) {
            RecurrentDynamics forward = unidirectional(name + "/forward", wrapper.getFwd(), params, "f");
            RecurrentDynamics backward = unidirectional(name + "/backward", wrapper.getBwd(), params, "b");
            return Optional.of(new Adapted(null,
                    new BidirectionalDynamics(forward, backward, wrapper.getMode().name())));
        }
        if (conf instanceof GravesBidirectionalLSTM graves) {
            RecurrentDynamics forward = GravesLstmDynamics.of(name + "/forward",
                    ParameterCopy.require(params, "WF", name), ParameterCopy.require(params, "RWF", name),
                    ParameterCopy.require(params, "bF", name), graves.getActivationFn(),
                    graves.getGateActivationFn());
            RecurrentDynamics backward = GravesLstmDynamics.of(name + "/backward",
                    ParameterCopy.require(params, "WB", name), ParameterCopy.require(params, "RWB", name),
                    ParameterCopy.require(params, "bB", name), graves.getActivationFn(),
                    graves.getGateActivationFn());
            return Optional.of(new Adapted(null, new BidirectionalDynamics(forward, backward, "ADD")));
        }
        if (conf instanceof SimpleRnn || conf instanceof LSTM || conf instanceof GravesLSTM) {
            return Optional.of(new Adapted(unidirectional(name, conf, params, ""), null));
        }
        if (conf instanceof BaseRecurrentLayer) {
            LOG.warn("layer '{}' is a recurrent {} that chaoswatch does not analyse; it supports {}", name,
                    conf.getClass().getSimpleName(), SUPPORTED_TYPES);
        }
        return Optional.empty();
    }

    /** Adapts SimpleRnn, LSTM or GravesLSTM, reading parameters under {@code prefix} (the Bidirectional halves). */
    private static RecurrentDynamics unidirectional(String name, Layer conf, Map<String, INDArray> params,
                                                    String prefix) {
        INDArray w = ParameterCopy.require(params, prefix + "W", name);
        INDArray rw = ParameterCopy.require(params, prefix + "RW", name);
        INDArray b = ParameterCopy.require(params, prefix + "b", name);
        if (conf instanceof SimpleRnn rnn) {
            if (rnn.hasLayerNorm()) {
                throw new IllegalArgumentException("layer '" + name + "' is a SimpleRnn with layer normalization,"
                        + " which chaoswatch does not support yet (DL4J's exact normalization is unverified);"
                        + " analyse a copy built with hasLayerNorm(false), or leave this layer out");
            }
            return SimpleRnnDynamics.of(name, w, rw, b, rnn.getActivationFn());
        }
        if (conf instanceof GravesLSTM graves) {
            return GravesLstmDynamics.of(name, w, rw, b, graves.getActivationFn(), graves.getGateActivationFn());
        }
        if (conf instanceof LSTM lstm) {
            return LstmDynamics.of(name, w, rw, b, lstm.getActivationFn(), lstm.getGateActivationFn());
        }
        throw new IllegalArgumentException("layer '" + name + "' is a " + conf.getClass().getSimpleName()
                + " inside a Bidirectional wrapper; chaoswatch analyses " + SUPPORTED_TYPES);
    }

    /** The input of layer {@code index} of a network, as DL4J computes it in inference mode, in NCW layout. */
    private static UnaryOperator<INDArray> layerInputs(MultiLayerNetwork net, int index, Layer conf) {
        return modelInput -> {
            INDArray x = index == 0 ? modelInput : net.feedForwardToLayer(index - 1, modelInput, false).get(index);
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(index);
            return preProcess(pre, x, modelInput, conf);
        };
    }

    /** The input of a graph layer with a single input vertex, as DL4J computes it in inference mode. */
    private static UnaryOperator<INDArray> graphLayerInputs(ComputationGraph graph, String name, LayerVertex vertex,
                                                            Layer conf) {
        ComputationGraphConfiguration configuration = graph.getConfiguration();
        List<String> inputs = configuration.getVertexInputs().get(name);
        return modelInput -> {
            if (inputs.size() != 1) {
                throw new IllegalArgumentException("layer '" + name + "' has " + inputs.size() + " inputs " + inputs
                        + "; chaoswatch derives driving inputs only for layers with one input vertex");
            }
            String source = inputs.get(0);
            int networkInput = configuration.getNetworkInputs().indexOf(source);
            INDArray x;
            if (networkInput == 0) {
                x = modelInput;
            } else if (networkInput < 0) {
                x = graph.feedForward(new INDArray[] {modelInput}, false).get(source);
            } else {
                throw new IllegalArgumentException("layer '" + name + "' reads network input '" + source
                        + "', not the first one; pass its inputs directly");
            }
            return preProcess(vertex.getPreProcessor(), x, modelInput, conf);
        };
    }

    /**
     * Applies a layer's input preprocessor (if any; the minibatch size is the model input's, since a preceding
     * feed-forward layer flattens time into it) and returns the layer input in NCW layout.
     */
    private static INDArray preProcess(InputPreProcessor pre, INDArray x, INDArray modelInput, Layer conf) {
        INDArray in = pre == null ? x : pre.preProcess(x, (int) modelInput.size(0), LayerWorkspaceMgr.noWorkspaces());
        return toNcw(in, conf);
    }

    /** Permutes a layer input from NWC to NCW when the layer is configured for NWC. */
    private static INDArray toNcw(INDArray x, Layer conf) {
        Layer inner = conf;
        while (inner instanceof LastTimeStep || inner instanceof Bidirectional) {
            inner = inner instanceof LastTimeStep l ? l.getUnderlying() : ((Bidirectional) inner).getFwd();
        }
        boolean nwc = inner instanceof BaseRecurrentLayer r && r.getRnnDataFormat() == RNNFormat.NWC;
        return nwc ? x.permute(0, 2, 1) : x;
    }

    /** An adapted layer: one unidirectional dynamics, or a bidirectional pair. */
    private record Adapted(RecurrentDynamics single, BidirectionalDynamics pair) {
    }

    /** Accumulates runs of directly connected unidirectional layers into stacks. */
    private static final class StackBuilder {
        private final ModelDynamics.Collector collector;
        private final List<RecurrentDynamics> run = new ArrayList<>();
        private UnaryOperator<INDArray> runInputs;

        StackBuilder(ModelDynamics.Collector collector) {
            this.collector = collector;
        }

        void add(RecurrentDynamics dynamics, UnaryOperator<INDArray> inputs) {
            if (run.isEmpty()) {
                runInputs = inputs;
            }
            run.add(dynamics);
        }

        void close() {
            if (run.size() >= 2) {
                String name = "stack(" + run.get(0).name() + ".." + run.get(run.size() - 1).name() + ")";
                collector.add(StackedDynamics.of(name, run), runInputs, false);
            }
            run.clear();
        }
    }
}
