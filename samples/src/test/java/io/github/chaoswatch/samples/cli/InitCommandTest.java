package io.github.chaoswatch.samples.cli;

import org.junit.jupiter.api.Test;
import org.nd4j.shade.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code chaoswatch init} end to end. Expected values from mean field for tanh SimpleRnn (docs/initializers.md):
 * λ_MF = 0.310 nats/step at gain 3 and −0.693 at gain 0.5 for Gaussian weights; orthogonal weights in the ordered
 * phase have λ₁ = ln g exactly on zero input.
 */
class InitCommandTest {

    private static final String[] FAST = {"--seeds", "3", "--steps", "300", "--warmup-steps", "100",
        "--json"};

    private static JsonNode init(String... options) {
        String[] args = new String[1 + options.length + FAST.length];
        args[0] = "init";
        System.arraycopy(options, 0, args, 1, options.length);
        System.arraycopy(FAST, 0, args, 1 + options.length, FAST.length);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run::toString);
        return run.json();
    }

    @Test
    void gaussianGainThreeIsChaoticForEverySeed() {
        JsonNode r = init("--size", "48", "--layer", "simple-rnn", "--init", "gaussian", "--gain", "3");
        assertEquals(3.0, r.get("gain").asDouble());
        assertEquals(3, r.get("seeds").asInt());
        assertEquals(1.0, r.get("probabilityChaotic").asDouble());
        double mean = r.get("meanMax").asDouble();
        assertTrue(Double.isFinite(mean) && mean > 0.2, () -> "mean lambda1 " + mean + ", mean field 0.31");
        assertTrue(r.get("stdMax").asDouble() >= 0);
        assertFalse(r.has("calibratedGain"), "no calibration without --target");
    }

    @Test
    void gaussianGainHalfIsNeverChaotic() {
        JsonNode r = init("--size", "48", "--init", "gaussian", "--gain", "0.5");
        assertEquals(0.0, r.get("probabilityChaotic").asDouble());
        double mean = r.get("meanMax").asDouble();
        assertTrue(Double.isFinite(mean) && mean < -0.4, () -> "mean lambda1 " + mean + ", mean field -0.69");
    }

    @Test
    void orthogonalOrderedLayerHasLambdaLogGain() {
        // Zero input: the origin is a fixed point with Jacobian g·Q, so λ₁ = ln 0.8 = −0.2231 (THEORY.md §5.1).
        JsonNode r = init("--size", "48", "--init", "orthogonal", "--gain", "0.8");
        assertEquals(Math.log(0.8), r.get("meanMax").asDouble(), 0.005);
    }

    @Test
    void calibrationReachesTheTargetWithinTheCalibratorsTolerance() {
        JsonNode r = init("--layer", "lstm", "--size", "16", "--target", "-0.05");
        assertEquals("CALIBRATED", r.get("calibrationStatus").asText(), r::toString);
        double achieved = r.get("achievedMax").asDouble();
        double se = r.get("achievedStandardError").asDouble();
        // The search stops at max(tol_λ = 0.005, 2 SE) from the target; the fresh re-measurement adds up to 3 SE of
        // its own noise (the tolerance of init/GainCalibratorTest).
        double tolerance = Math.max(0.005, 2 * se) + 3 * se;
        assertTrue(Double.isFinite(achieved) && Math.abs(achieved + 0.05) <= tolerance,
                () -> "achieved " + achieved + " +- " + se + ", allowed " + tolerance);
        assertTrue(r.get("calibratedGain").asDouble() > 0);
        assertTrue(r.get("evaluations").asInt() >= 2);
    }

    @Test
    void criticalInitReportsTheMeanFieldCriticalGain() {
        // tanh without bias or input: the critical gain is 1 (CriticalGain, docs/initializers.md).
        JsonNode r = init("--size", "48", "--init", "critical");
        assertEquals(1.0, r.get("gain").asDouble(), 1e-6);
    }

    @Test
    void criticalInitOnAnLstmIsAUsageError() {
        CliRun run = CliRun.of("init", "--layer", "lstm", "--init", "critical");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("does not cover the gates of lstm"), run::toString);
    }

    @Test
    void gainWithCriticalInitIsAUsageError() {
        CliRun run = CliRun.of("init", "--init", "critical", "--gain", "2");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--gain does not apply to --init critical"), run::toString);
    }

    @Test
    void unknownLayerTypeNamesTheAcceptedOnes() {
        CliRun run = CliRun.of("init", "--layer", "gru");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("simple-rnn, lstm, graves-lstm"), run::toString);
    }
}
