package io.github.chaoswatch.samples;

import io.github.chaoswatch.dynamics.Dynamics;
import io.github.chaoswatch.dynamics.ModelDynamics;
import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.lyapunov.Drive;
import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Measures the largest Lyapunov exponent of a {@link OneLayerNetwork} for network seeds 1 … n: how an initializer's
 * λ₁ is distributed over random draws (THEORY.md §5). Without a probe the layer runs on zero input (its intrinsic
 * dynamics); with one, each probe sequence drives one trajectory.
 *
 * <p>Used by {@code chaoswatch init} and by {@code InitializerCurves}. Immutable; one {@code measure} call runs on
 * the calling thread.
 */
public final class SeedSweep {

    private final OneLayerNetwork network;
    private final SpectrumEstimator estimator;
    private final INDArray probe;

    private SeedSweep(OneLayerNetwork network, SpectrumEstimator estimator, INDArray probe) {
        this.network = Objects.requireNonNull(network, "network");
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.probe = probe;
    }

    /** Returns a sweep of {@code network} measured by {@code estimator} (give it k = 1) on zero input. */
    public static SeedSweep of(OneLayerNetwork network, SpectrumEstimator estimator) {
        return new SeedSweep(network, estimator, null);
    }

    /** Returns a copy driven by {@code probe}, model inputs {@code [minibatch, nIn, time]}. */
    public SeedSweep withProbe(INDArray probe) {
        return new SeedSweep(network, estimator, probe.dup());
    }

    /**
     * Measures seeds 1 … {@code seeds}, calling {@code progress} with the number done after each.
     *
     * @throws IllegalArgumentException if {@code seeds} &lt; 1
     */
    public ExponentDistribution measure(int seeds, IntConsumer progress) {
        if (!(seeds >= 1)) {
            throw new IllegalArgumentException("seeds = " + seeds + " must be at least 1");
        }
        List<Long> used = new ArrayList<>();
        List<Double> maxima = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            ModelDynamics model = Dynamics.of(network.build(seed));
            RecurrentDynamics layer = model.get(OneLayerNetwork.LAYER).orElseThrow();
            Drive drive = probe == null ? Drive.autonomous() : Drive.of(model.drivingInputs(layer, probe));
            LyapunovSpectrum spectrum = estimator.estimate(layer, drive);
            used.add(seed);
            maxima.add(spectrum.unit().toNats(spectrum.max()));
            errors.add(spectrum.unit().toNats(spectrum.maxStandardError()));
            progress.accept((int) seed);
        }
        return new ExponentDistribution(used, maxima, errors);
    }
}
