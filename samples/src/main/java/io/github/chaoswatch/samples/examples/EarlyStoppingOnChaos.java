package io.github.chaoswatch.samples.examples;

import io.github.chaoswatch.init.ScaledGaussianInit;
import io.github.chaoswatch.listeners.ChaosListener;
import io.github.chaoswatch.listeners.ChaosTerminationCondition;
import io.github.chaoswatch.listeners.Regime;
import io.github.chaoswatch.samples.LorenzSeries;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ends DL4J early-stopping training as soon as {@link ChaosListener} raises a CHAOTIC or DIVERGED alert, here on a
 * model deliberately initialized in chaos (Gaussian recurrent weights at gain 10).
 */
public final class EarlyStoppingOnChaos {

    private EarlyStoppingOnChaos() {
    }

    /** Runs the program; its arguments, if any, are described in the class comment. */
    public static void main(String[] args) {
        // 1. A listener with a session id: the termination condition finds it by that id.
        ChaosListener chaos = new ChaosListener.Builder().sessionId("early-stopping-example")
                .frequency(2).steps(200).build();
        MultiLayerNetwork net = ExampleModels.lorenzForecaster(new ScaledGaussianInit(10));
        net.setListeners(chaos);

        // 2. Data: a few minibatches per epoch. DL4J M2.1 fails if an iteration condition ends training before the
        //    first epoch has been evaluated, so keep epochs short and evaluate every epoch.
        LorenzSeries series = LorenzSeries.generate(5_000, 5, 1);
        SplittableRandom random = new SplittableRandom(1);
        List<DataSet> batches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batches.add(series.batch(16, 40, random));
        }
        ListDataSetIterator<DataSet> train = new ListDataSetIterator<>(batches);
        ListDataSetIterator<DataSet> test = new ListDataSetIterator<>(List.of(series.batch(16, 40, random)));

        // 3. The usual early-stopping configuration, plus the chaos condition.
        EarlyStoppingConfiguration<MultiLayerNetwork> config = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(30))
                .iterationTerminationConditions(new ChaosTerminationCondition("early-stopping-example",
                        Regime.CHAOTIC, Regime.DIVERGED))
                .scoreCalculator(new DataSetLossCalculator(test, true))
                .evaluateEveryNEpochs(1)
                .modelSaver(new InMemoryModelSaver<>())
                .build();
        EarlyStoppingResult<MultiLayerNetwork> result = new EarlyStoppingTrainer(config, net, train).fit();

        // 4. Why training ended, and what the listener saw.
        System.out.println("termination: " + result.getTerminationReason() + " (" + result.getTerminationDetails()
                + ") after " + result.getTotalEpochs() + " epochs");
        chaos.alerts().forEach(alert -> System.out.println("alert: " + alert.message()));
        chaos.close();
    }
}
