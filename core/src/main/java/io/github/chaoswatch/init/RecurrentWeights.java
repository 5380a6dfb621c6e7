package io.github.chaoswatch.init;

import io.github.chaoswatch.dynamics.Dynamics;
import io.github.chaoswatch.dynamics.RecurrentDynamics;
import org.deeplearning4j.nn.conf.layers.GravesBidirectionalLSTM;
import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * The recurrent weight matrix of one layer (or one direction) of a network, and its gain (THEORY.md §3.1, §5.3).
 *
 * <p>The gain of RW is its RMS gain over the gate blocks,
 * <pre>
 *   g = ‖RW[:, 0:B·n]‖_F / √(B·n),
 * </pre>
 * with n units and B = 1 block (SimpleRnn) or 4 gate blocks (LSTM, GravesLSTM); GravesLSTM peephole columns are not
 * part of it. For g·Q with Q orthogonal this is exactly g, and for N(0, g²/n) entries it tends to g: the same scale as
 * {@link OrthogonalInit}, {@link ScaledGaussianInit} and {@link CriticalGain}. Setting a gain multiplies all gate
 * blocks by one factor, keeping their relative scales; peepholes, input weights and biases (the LSTM forget bias
 * included) stay as they are.
 *
 * <p>Located by the names of {@link Dynamics#of(MultiLayerNetwork)}: the configured layer name or
 * {@code "layer" + index}, with {@code "/forward"} or {@code "/backward"} for the directions of a bidirectional layer.
 */
final class RecurrentWeights {

    private final String name;
    private final int layerIndex;
    private final String key;
    private final String layerType;
    private final int gateColumns;

    private RecurrentWeights(String name, int layerIndex, String key, String layerType, int gateColumns) {
        this.name = name;
        this.layerIndex = layerIndex;
        this.key = key;
        this.layerType = layerType;
        this.gateColumns = gateColumns;
    }

    /**
     * Finds the recurrent weights of the dynamics called {@code name}.
     *
     * @throws IllegalArgumentException if there is no such supported recurrent layer or direction; the message lists
     *                                  the names there are
     */
    @SuppressWarnings("deprecation") // GravesLSTM and GravesBidirectionalLSTM are deprecated in DL4J, still supported
    static RecurrentWeights locate(MultiLayerNetwork net, String name) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer conf = net.getLayerWiseConfigurations().getConf(i).getLayer();
            String layerName = conf.getLayerName() != null ? conf.getLayerName() : "layer" + i;
            Layer inner = conf instanceof LastTimeStep wrapper ? wrapper.getUnderlying() : conf;
            if (inner instanceof Bidirectional bidirectional) {
                Layer direction = bidirectional.getFwd();
                names.add(layerName + "/forward");
                names.add(layerName + "/backward");
                if (name.equals(layerName + "/forward")) {
                    return of(net, name, i, "fRW", direction);
                }
                if (name.equals(layerName + "/backward")) {
                    return of(net, name, i, "bRW", direction);
                }
            } else if (inner instanceof GravesBidirectionalLSTM graves) {
                names.add(layerName + "/forward");
                names.add(layerName + "/backward");
                if (name.equals(layerName + "/forward")) {
                    return of(net, name, i, "RWF", graves);
                }
                if (name.equals(layerName + "/backward")) {
                    return of(net, name, i, "RWB", graves);
                }
            } else if (inner instanceof SimpleRnn || inner instanceof LSTM || inner instanceof GravesLSTM) {
                names.add(layerName);
                if (name.equals(layerName)) {
                    return of(net, name, i, "RW", inner);
                }
            }
        }
        throw new IllegalArgumentException("no recurrent layer or direction named '" + name + "'; this network has "
                + names + " (bidirectional layers are calibrated one direction at a time)");
    }

    private static RecurrentWeights of(MultiLayerNetwork net, String name, int index, String key, Layer layer) {
        // Dynamics.of rejects unsupported options (layer norm) with its own message; keep one source of truth.
        RecurrentDynamics dynamics = Dynamics.of(net).get(name).orElseThrow(() -> new IllegalStateException(
                "layer '" + name + "' was found in the configuration but not by Dynamics.of"));
        INDArray rw = net.getLayer(index).getParam(key);
        int n = (int) rw.size(0);
        boolean gated = !(layer instanceof SimpleRnn);
        return new RecurrentWeights(name, index, key, dynamics.layerType(), gated ? BlockLayout.GATES * n : n);
    }

    /** Returns the dynamics name. */
    String name() {
        return name;
    }

    /** Returns the parameter key, e.g. {@code "RW"} or {@code "fRW"}. */
    String key() {
        return key;
    }

    /** Returns the layer type reported by the dynamics, e.g. {@code "LSTM"}. */
    String layerType() {
        return layerType;
    }

    /** Returns a double copy of the gate blocks RW[:, 0:B·n] of {@code net}. */
    INDArray gates(MultiLayerNetwork net) {
        return liveGates(net).castTo(DataType.DOUBLE).dup();
    }

    /** Returns the RMS gain of the gate blocks of {@code net}. */
    double gain(MultiLayerNetwork net) {
        return gainOf(gates(net));
    }

    /** Returns ‖gates‖_F / √(columns). */
    double gainOf(INDArray gates) {
        return gates.norm2Number().doubleValue() / Math.sqrt(gateColumns);
    }

    /**
     * Writes {@code gates}·{@code factor} into the live gate blocks of {@code net}: an in-place assignment into the
     * parameter view, so the network's flattened parameter vector changes with it.
     */
    void write(MultiLayerNetwork net, INDArray gates, double factor) {
        INDArray live = liveGates(net);
        live.assign(gates.mul(factor).castTo(live.dataType()));
    }

    private INDArray liveGates(MultiLayerNetwork net) {
        INDArray rw = net.getLayer(layerIndex).getParam(key);
        return rw.get(NDArrayIndex.all(), NDArrayIndex.interval(0, gateColumns));
    }

    @Override
    public String toString() {
        return name + " (" + layerType + ", parameter " + layerIndex + "_" + key + ", " + gateColumns
                + " gate columns)";
    }
}
