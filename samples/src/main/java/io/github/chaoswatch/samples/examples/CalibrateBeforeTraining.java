package io.github.chaoswatch.samples.examples;

import io.github.chaoswatch.init.GainCalibration;
import io.github.chaoswatch.init.GainCalibrator;
import io.github.chaoswatch.listeners.ChaosListener;
import io.github.chaoswatch.samples.LorenzSeries;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Tunes the recurrent gain of a built network so that its measured largest Lyapunov exponent, driven by real
 * inputs, is just below the edge of chaos, then trains it with {@link ChaosListener} watching.
 */
public final class CalibrateBeforeTraining {

    private CalibrateBeforeTraining() {
    }

    /** Runs the program; its arguments, if any, are described in the class comment. */
    public static void main(String[] args) throws InterruptedException {
        MultiLayerNetwork net = ExampleModels.lorenzForecaster();   // orthogonal recurrent weights, gain 1
        LorenzSeries series = LorenzSeries.generate(5_000, 5, 1);
        SplittableRandom random = new SplittableRandom(1);
        DataSet probe = series.batch(4, 300, random);             // held-out input sequences like the training data

        // 1. Calibrate layer0 to lambda1 = -0.02 nats/step (a memory of about 50 steps) on those inputs.
        GainCalibration calibration = new GainCalibrator.Builder(-0.02, 300)
                .probe(probe.getFeatures())
                .build()
                .calibrate(net, "layer0");                        // rescales the weights in place
        System.out.printf(Locale.ROOT, "calibration: %s, gain %.3f (was %.3f), lambda1 %.4f +- %.4f nats/step%n",
                calibration.status(), calibration.gain(), calibration.initialGain(),
                calibration.exponentNatsPerStep(), calibration.standardError());

        // 2. Train, and watch where training takes the dynamics.
        ChaosListener chaos = new ChaosListener.Builder().frequency(10).steps(200).build();
        net.setListeners(chaos);
        for (int i = 0; i < 30; i++) {
            net.fit(series.batch(16, 40, random));
        }
        chaos.awaitIdle(java.time.Duration.ofMinutes(1));
        chaos.reports().forEach(r -> System.out.printf(Locale.ROOT, "iteration %d: lambda1 %.4f nats/step%n",
                r.iteration(), r.maxExponentNats().orElse(Double.NaN)));
        chaos.close();
    }
}
