package io.github.chaoswatch.samples.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the examples that work headless and quickly, so the code the README shows cannot rot. */
class ExamplesSmokeTest {

    @TempDir
    Path dir;

    /** Runs {@code main} with standard output captured (examples print their results there). */
    private static String run(ThrowingMain main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.print(out);
        return out;
    }

    @FunctionalInterface
    private interface ThrowingMain {
        void run() throws Exception;
    }

    @Test
    void earlyStoppingEndsTrainingOnTheChaoticAlert() throws Exception {
        String out = run(() -> EarlyStoppingOnChaos.main(new String[0]));
        assertTrue(out.contains("termination: IterationTerminationCondition"), out);
        assertTrue(out.contains("ChaosTerminationCondition"), out);
        assertTrue(out.contains("is CHAOTIC since iteration"), out);
    }

    @Test
    void calibrationHitsItsTargetBeforeTraining() throws Exception {
        String out = run(() -> CalibrateBeforeTraining.main(new String[0]));
        assertTrue(out.contains("calibration: CALIBRATED"), out);
        assertTrue(out.contains("iteration 0: lambda1"), out);
    }

    @Test
    void fileStorageRecordsChaosReports() throws Exception {
        Path file = dir.resolve("stats.dl4j");
        String out = run(() -> FileStorageThenView.main(new String[] {"train", file.toString(), "41"}));
        assertTrue(out.matches("(?s).*wrote [1-9]\\d* chaos reports.*"), out);
        assertTrue(Files.size(file) > 0);
    }
}
