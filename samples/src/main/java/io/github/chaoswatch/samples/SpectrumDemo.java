package io.github.chaoswatch.samples;

import io.github.chaoswatch.dynamics.Dynamics;
import io.github.chaoswatch.dynamics.ModelDynamics;
import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.lyapunov.Drive;
import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Locale;

/**
 * Shows the spectrum engine at work: random SimpleRnn + LSTM networks at recurrent gains from ordered to chaotic,
 * each analysed layer by layer and as a stack, driven by random probe sequences and autonomously.
 */
public final class SpectrumDemo {

    private static final int INPUTS = 8;
    private static final int UNITS = 64;

    private SpectrumDemo() {
    }

    public static void main(String[] args) {
        SpectrumEstimator estimator = new SpectrumEstimator.Builder(1_000).exponents(16).warmupSteps(200)
                .trajectories(4).seed(1).build();
        INDArray probe = Nd4j.randn(DataType.DOUBLE, 4, INPUTS, 300).muli(0.5);
        System.out.println("chaoswatch spectrum demo: SimpleRnn(" + UNITS + ") -> LSTM(" + UNITS
                + "), recurrent weights N(0, g^2/n), " + estimator);
        System.out.printf(Locale.ROOT, "%-6s %-24s %-10s %12s %8s %9s %10s %8s%n", "gain", "dynamics", "drive",
                "lambda1", "+-SE", "positive", "D_KY", "time");
        for (double gain : new double[] {0.5, 1.0, 1.5, 3.0}) {
            ModelDynamics model = Dynamics.of(network(gain));
            for (RecurrentDynamics d : model.all()) {
                print(gain, d, "probe", estimator, Drive.of(model.drivingInputs(d, probe)));
                print(gain, d, "zero", estimator, Drive.autonomous());
            }
        }
    }

    private static void print(double gain, RecurrentDynamics d, String drive, SpectrumEstimator estimator,
                              Drive inputs) {
        long start = System.nanoTime();
        LyapunovSpectrum s = estimator.estimate(d, inputs);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-6.1f %-24s %-10s %12.4f %8.4f %9d %10s %7.2fs%n", gain, d.name(), drive,
                s.max(), s.maxStandardError(), s.positiveCount(), s.kaplanYorke(), seconds);
    }

    private static MultiLayerNetwork network(double gain) {
        NormalDistribution recurrent = new NormalDistribution(0, gain / Math.sqrt(UNITS));
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7)
                .dataType(DataType.DOUBLE).weightInit(new NormalDistribution(0, 1 / Math.sqrt(INPUTS))).list()
                .layer(new SimpleRnn.Builder().nOut(UNITS).activation(Activation.TANH)
                        .weightInitRecurrent(recurrent).build())
                .layer(new LSTM.Builder().nOut(UNITS).activation(Activation.TANH).weightInitRecurrent(recurrent)
                        .build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nOut(1).build())
                .setInputType(InputType.recurrent(INPUTS)).build());
        net.init();
        return net;
    }
}
