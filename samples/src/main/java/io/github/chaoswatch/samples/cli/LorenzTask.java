package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.samples.LorenzSeries;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Next-step forecasting of the Lorenz system (MSE): a task whose true dynamics is chaotic, so a recurrent network
 * that models it may rightly be chaotic too.
 */
final class LorenzTask implements DemoTask {

    /** Samples generated: enough windows that a short demo never sees the same one twice. */
    private static final int SAMPLES = 20_000;
    /** RK4 steps per sample: Δt = 0.05 time units, λ₁ ≈ 0.045 nats per sample. */
    private static final int STRIDE = 5;

    private final LorenzSeries series;

    LorenzTask(long seed) {
        this.series = LorenzSeries.generate(SAMPLES, STRIDE, seed);
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "next-step forecast of the Lorenz system (RK4, dt = %.2f, sampled every"
                + " %.2f time units, %d samples)", LorenzSeries.DT, series.samplingInterval(), series.length());
    }

    @Override
    public int inputs() {
        return 3;
    }

    @Override
    public int outputs() {
        return 3;
    }

    @Override
    public LossFunctions.LossFunction loss() {
        return LossFunctions.LossFunction.MSE;
    }

    @Override
    public Activation outputActivation() {
        return Activation.IDENTITY;
    }

    @Override
    public DataSet batch(int minibatch, int length, SplittableRandom random) {
        return series.batch(minibatch, length, random);
    }

    @Override
    public Optional<String> chaosExpected() {
        return Optional.of(String.format(Locale.ROOT, "chaos is the right answer for this task: the Lorenz system"
                        + " itself has lambda1 = %.3f per time unit = %.3f nats per sample, so a network that"
                        + " reproduces its dynamics is expected to be CHAOTIC; alerts of CHAOTIC are expected here,"
                        + " EXPLODING or DIVERGED still mean trouble", LorenzSeries.LARGEST_EXPONENT_PER_TIME,
                series.largestExponentPerSample()));
    }
}
