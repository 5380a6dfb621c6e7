package io.github.chaoswatch.samples;

import io.github.chaoswatch.dynamics.Dynamics;
import io.github.chaoswatch.dynamics.ModelDynamics;
import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.listeners.ChaosListener;
import io.github.chaoswatch.lyapunov.Drive;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures what {@link ChaosListener} costs a training run (issue #5): a 2-layer LSTM(128) character model trained
 * for a few hundred iterations with no listener, with DL4J's StatsListener at its default frequency, and with
 * ChaosListener at its defaults; then the cost of one analysis round against layer size and exponents.
 *
 * <p>Run: {@code java -cp samples/target/chaoswatch.jar io.github.chaoswatch.samples.ListenerOverhead 300}
 * (iterations). Single-threaded ND4J (OMP_NUM_THREADS=1) is the honest setting on a small
 * machine; the listener's worker then uses a second core when there is one.
 */
public final class ListenerOverhead {

    private static final int VOCABULARY = 48;
    private static final int BATCH = 32;
    private static final int LENGTH = 100;

    private ListenerOverhead() {
    }

    /** Runs the program; its arguments, if any, are described in the class comment. */
    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        DataSet[] batches = markovText(8, 1);
        System.out.printf(Locale.ROOT, "2-layer LSTM(128) character model, vocabulary %d, minibatch %d x %d steps,"
                + " %d iterations, float32%n", VOCABULARY, BATCH, LENGTH, iterations);
        for (int repeat = 0; repeat < 2; repeat++) {
            double none = train(null, batches, iterations);
            double stats = train(new StatsListener(new InMemoryStatsStorage()), batches, iterations);
            ChaosListener chaos = new ChaosListener.Builder().build();
            double withChaos = train(chaos, batches, iterations);
            chaos.close();
            System.out.printf(Locale.ROOT, "round %d: none %.1f s | StatsListener %.1f s (%+.1f %%) | ChaosListener"
                            + " %.1f s (%+.1f %%), %d reports, %d rounds skipped%n", repeat + 1, none, stats,
                    100 * (stats / none - 1), withChaos, 100 * (withChaos / none - 1), chaos.reports().size(),
                    chaos.skippedRounds());
        }
        System.out.println("analysis round (listener defaults: 400 steps, 100 warm-up, 4 trajectories), one LSTM"
                + " layer, seconds:");
        for (int n : new int[] {64, 128, 256}) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  n = %3d:", n));
            for (int k : new int[] {1, 4, 8, 16, 32}) {
                row.append(String.format(Locale.ROOT, "  k=%-2d %6.3f", k, roundSeconds(n, k)));
            }
            System.out.println(row);
        }
    }

    private static double train(TrainingListener listener, DataSet[] batches, int iterations) throws Exception {
        MultiLayerNetwork net = network();
        if (listener != null) {
            net.setListeners(listener);
        }
        net.fit(batches[0]);
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            net.fit(batches[i % batches.length]);
        }
        if (listener instanceof ChaosListener chaos) {
            chaos.awaitIdle(Duration.ofMinutes(5));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static MultiLayerNetwork network() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Adam(2e-3)).list()
                .layer(new LSTM.Builder().nOut(128).activation(Activation.TANH).build())
                .layer(new LSTM.Builder().nOut(128).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nOut(VOCABULARY).build())
                .setInputType(InputType.recurrent(VOCABULARY)).build());
        net.init();
        return net;
    }

    /** One-hot batches of a random first-order Markov text (the network has something to learn). */
    private static DataSet[] markovText(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] next = new int[VOCABULARY][3];
        for (int[] row : next) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextInt(VOCABULARY);
            }
        }
        DataSet[] out = new DataSet[count];
        for (int b = 0; b < count; b++) {
            INDArray features = Nd4j.zeros(DataType.FLOAT, BATCH, VOCABULARY, LENGTH);
            INDArray labels = Nd4j.zeros(DataType.FLOAT, BATCH, VOCABULARY, LENGTH);
            for (int s = 0; s < BATCH; s++) {
                int c = random.nextInt(VOCABULARY);
                for (int t = 0; t < LENGTH; t++) {
                    int d = next[c][random.nextInt(3)];
                    features.putScalar(s, c, t, 1);
                    labels.putScalar(s, d, t, 1);
                    c = d;
                }
            }
            out[b] = new DataSet(features, labels);
        }
        return out;
    }

    private static double roundSeconds(int n, int k) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new LSTM.Builder().nOut(n).activation(Activation.TANH).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.recurrent(VOCABULARY)).build());
        net.init();
        ModelDynamics model = Dynamics.of(net);
        RecurrentDynamics layer = model.layers().get(0);
        INDArray probe = markovText(1, 2)[0].getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 8),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all());
        SpectrumEstimator estimator = new SpectrumEstimator.Builder(ChaosListener.DEFAULT_STEPS).exponents(k)
                .warmupSteps(ChaosListener.DEFAULT_WARMUP_STEPS).trajectories(ChaosListener.DEFAULT_TRAJECTORIES)
                .build();
        Drive drive = Drive.of(model.drivingInputs(layer, probe));
        estimator.estimate(layer, drive);
        long start = System.nanoTime();
        estimator.estimate(layer, drive);
        return (System.nanoTime() - start) / 1e9;
    }
}
