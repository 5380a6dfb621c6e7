package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.dynamics.Dynamics;
import io.github.chaoswatch.dynamics.ModelDynamics;
import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.dynamics.StackedDynamics;
import io.github.chaoswatch.listeners.AlertPolicy;
import io.github.chaoswatch.listeners.Regime;
import io.github.chaoswatch.liyorke.ScramblingTest;
import io.github.chaoswatch.lyapunov.Drive;
import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Analyses every recurrent dynamics of a model (layers, directions and stacks): the spectrum on zero input and, with
 * inputs, driven by them; the scrambled-pair test on each layer; and the regime of each spectrum. Pure computation
 * on a loaded model; the command decides what to print and write.
 */
final class ModelAnalysis {

    /** The label of a spectrum no sign regime's entry condition accepts (λ₁ within 2 SE of the band's edge). */
    static final String UNDECIDED = "UNDECIDED";

    private final SpectrumEstimator estimator;
    private final ScramblingTest scramblingTest;
    private final AlertPolicy policy = AlertPolicy.defaults();

    ModelAnalysis(SpectrumEstimator estimator, ScramblingTest scramblingTest) {
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.scramblingTest = Objects.requireNonNull(scramblingTest, "scramblingTest");
    }

    /** Returns the dynamics of {@code model}; IllegalArgumentException names the layers when none is supported. */
    static ModelDynamics dynamicsOf(Model model) {
        return model instanceof ComputationGraph graph ? Dynamics.of(graph) : Dynamics.of((MultiLayerNetwork) model);
    }

    /**
     * Analyses each dynamics of {@code dynamics}, driven by {@code inputs} too when it is not null.
     *
     * @param inputs   model inputs {@code [minibatch, nIn, time]}, or null for zero input only
     * @param progress receives (done, total) after each dynamics
     */
    List<AnalysisResult.Layer> analyse(ModelDynamics dynamics, INDArray inputs, BiConsumer<Integer, Integer> progress) {
        List<RecurrentDynamics> all = dynamics.all();
        List<AnalysisResult.Layer> layers = new ArrayList<>();
        for (RecurrentDynamics d : all) {
            boolean scrambles = !(d instanceof StackedDynamics);
            LyapunovSpectrum autonomous = estimator.estimate(d, Drive.autonomous());
            AnalysisResult.Driven driven = null;
            if (inputs != null) {
                double[][][] sequences = dynamics.drivingInputs(d, inputs);
                LyapunovSpectrum spectrum = estimator.estimate(d, Drive.of(sequences));
                driven = new AnalysisResult.Driven(regime(spectrum), AnalysisResult.Spectrum.of(spectrum),
                        scrambles ? AnalysisResult.Scrambling.of(scramblingTest.test(d, sequences[0])) : null);
            }
            layers.add(new AnalysisResult.Layer(d.name(), d.layerType(), d.stateSize(), regime(autonomous),
                    AnalysisResult.Spectrum.of(autonomous),
                    scrambles ? AnalysisResult.Scrambling.of(scramblingTest.test(d)) : null, driven));
            progress.accept(layers.size(), all.size());
        }
        return layers;
    }

    private String regime(LyapunovSpectrum spectrum) {
        if (!spectrum.isOk()) {
            return Regime.DIVERGED.name();
        }
        double lambda = spectrum.unit().toNats(spectrum.max());
        double se = spectrum.unit().toNats(spectrum.maxStandardError());
        return policy.signRegime(lambda, se).map(Regime::name).orElse(UNDECIDED);
    }
}
