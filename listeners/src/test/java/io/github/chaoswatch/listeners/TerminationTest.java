package io.github.chaoswatch.listeners;

import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.termination.IterationTerminationCondition;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Early stopping on a chaos alert. */
class TerminationTest {

    @Test
    void chaoticAlertStopsAnEarlyStoppingTrainer() {
        // given a chaotic network, a listener that blocks nothing, and a condition on its CHAOTIC alerts
        ChaosListener listener = new ChaosListener.Builder().frequency(1).exponents(3).steps(300).warmupSteps(100)
                .sessionId("stop-on-chaos").build();
        MultiLayerNetwork net = TrainingFixtures.network(3, 0, 1);
        net.setListeners(listener);
        DataSet batch = TrainingFixtures.batch(2);
        EarlyStoppingConfiguration<MultiLayerNetwork> config = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(2_000))
                .scoreCalculator(new DataSetLossCalculator(new ExistingDataSetIterator(java.util.List.of(batch)), true))
                .iterationTerminationConditions(new ChaosTerminationCondition("stop-on-chaos", Regime.CHAOTIC))
                .modelSaver(new InMemoryModelSaver<>()).build();
        // 2000 one-iteration epochs: without the condition training would run them all. (One iteration per epoch
        // because DL4J 1.0.0-M2.1 throws a NullPointerException when an iteration condition ends the first epoch,
        // before any best model is saved.)
        EarlyStoppingTrainer trainer = new EarlyStoppingTrainer(config, net,
                new ExistingDataSetIterator(Collections.nCopies(1, batch)));
        // when it trains (the listener analyses in the background; the condition sees its alerts)
        EarlyStoppingResult<MultiLayerNetwork> result = trainer.fit();
        listener.close();
        // then training ended on the condition, early
        assertEquals(EarlyStoppingResult.TerminationReason.IterationTerminationCondition,
                result.getTerminationReason(), result.toString());
        assertTrue(result.getTerminationDetails().contains("ChaosTerminationCondition"), result.getTerminationDetails());
        assertTrue(listener.hasAlerted(java.util.Set.of(Regime.CHAOTIC)));
        assertTrue(result.getTotalEpochs() < 2_000, "epochs " + result.getTotalEpochs());
    }

    @Test
    void conditionSurvivesDl4jJsonLikeItsOwnConditions() throws Exception {
        ObjectMapper json = new ObjectMapper();
        IterationTerminationCondition condition = new ChaosTerminationCondition("s1", Regime.CHAOTIC,
                Regime.DIVERGED);
        String text = json.writeValueAsString(condition);
        assertEquals(condition, json.readValue(text, IterationTerminationCondition.class));
    }
}
