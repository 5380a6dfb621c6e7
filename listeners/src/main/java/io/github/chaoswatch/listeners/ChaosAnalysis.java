package io.github.chaoswatch.listeners;

import io.github.chaoswatch.dynamics.Dynamics;
import io.github.chaoswatch.dynamics.ModelDynamics;
import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.dynamics.StackedDynamics;
import io.github.chaoswatch.liyorke.ScramblingTest;
import io.github.chaoswatch.liyorke.ScramblingVerdict;
import io.github.chaoswatch.lyapunov.Drive;
import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One analysis round: rebuilds the snapshot, finds its recurrent layers, and estimates each spectrum under the probe
 * inputs (each layer driven by what the layers below compute). Runs on the listener's worker.
 */
final class ChaosAnalysis {

    /**
     * The scrambled-pair test runs on layers with at most this many state dimensions: there it costs less than the
     * spectrum (12 extra forward trajectories against k tangent vectors), and beyond D_KY ≈ 3 it rarely shows more
     * than SEPARATED anyway (THEORY.md §4.7).
     */
    static final int SCRAMBLING_MAX_STATE = 32;

    private final SpectrumEstimator estimator;
    private final ScramblingTest scramblingTest;
    private final Set<String> layerNames;
    private final boolean stacks;
    private final int horizonOverride;

    ChaosAnalysis(SpectrumEstimator estimator, ScramblingTest scramblingTest, Set<String> layerNames, boolean stacks,
                  int horizonOverride) {
        this.estimator = estimator;
        this.scramblingTest = scramblingTest;
        this.layerNames = layerNames;
        this.stacks = stacks;
        this.horizonOverride = horizonOverride;
    }

    /** Analyses {@code snapshot} at {@code iteration}; never returns null, reports divergence as a status. */
    ChaosReport run(ModelSnapshot snapshot, INDArray probe, long iteration, int epoch, long timestampMillis) {
        long start = System.nanoTime();
        if (!snapshot.finite()) {
            return report(iteration, epoch, timestampMillis, start, ChaosReport.Status.DIVERGED,
                    "non-finite parameters", List.of());
        }
        Model model = snapshot.rebuild();
        ModelDynamics dynamics = model instanceof MultiLayerNetwork net ? Dynamics.of(net)
                : Dynamics.of((ComputationGraph) model);
        INDArray input = probe.castTo(model.params().dataType());
        List<LayerReport> layers = new ArrayList<>();
        for (RecurrentDynamics d : selected(dynamics)) {
            double[][][] inputs = drivingInputs(dynamics, d, input);
            // The probe's time axis, whatever the model's layout (NCW or NWC): sequences are [time][nIn] here.
            int horizon = horizonOverride > 0 ? horizonOverride
                    : snapshot.truncatedBpttLength() > 0 ? snapshot.truncatedBpttLength() : inputs[0].length;
            LyapunovSpectrum spectrum = estimator.estimate(d, Drive.of(inputs));
            if (!spectrum.isOk()) {
                return report(iteration, epoch, timestampMillis, start, ChaosReport.Status.DIVERGED,
                        spectrum.name() + ": " + spectrum.statusMessage(), List.of());
            }
            ScramblingVerdict scrambling = d instanceof StackedDynamics || d.stateSize() > SCRAMBLING_MAX_STATE
                    ? null : scramblingTest.test(d, inputs[0]).verdict();
            layers.add(LayerReport.of(spectrum, horizon, scrambling));
        }
        return report(iteration, epoch, timestampMillis, start, ChaosReport.Status.OK, "", layers);
    }

    /** The inputs driving {@code d}; a probe that does not fit the model fails with what to pass instead. */
    private static double[][][] drivingInputs(ModelDynamics dynamics, RecurrentDynamics d, INDArray probe) {
        try {
            return dynamics.drivingInputs(d, probe);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot drive '" + d.name() + "' with probe sequences of shape "
                    + Arrays.toString(probe.shape()) + ": " + e.getMessage() + "; if the probe differs from the"
                    + " training input, pass probe sequences shaped like it, [minibatch, nIn, time] with the"
                    + " model's nIn, else leave this layer out with layers(...)", e);
        }
    }

    private List<RecurrentDynamics> selected(ModelDynamics dynamics) {
        List<RecurrentDynamics> out = new ArrayList<>();
        for (RecurrentDynamics d : dynamics.all()) {
            boolean stack = d instanceof StackedDynamics;
            boolean wanted = stack ? stacks : layerNames.isEmpty() || layerNames.contains(baseName(d.name()));
            if (wanted) {
                out.add(d);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("none of the layers " + layerNames + " is a supported recurrent layer"
                    + " of this model; it has " + dynamics.names());
        }
        return out;
    }

    /** The layer name of a direction ("lstm/forward" → "lstm"). */
    private static String baseName(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    private static ChaosReport report(long iteration, int epoch, long timestampMillis, long startNanos,
                                      ChaosReport.Status status, String message, List<LayerReport> layers) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        return new ChaosReport(iteration, epoch, timestampMillis, millis, status, message, layers);
    }
}
