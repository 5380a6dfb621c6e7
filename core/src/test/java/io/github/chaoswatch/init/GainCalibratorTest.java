package io.github.chaoswatch.init;

import io.github.chaoswatch.dynamics.Dynamics;
import io.github.chaoswatch.dynamics.ModelDynamics;
import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.lyapunov.Drive;
import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link GainCalibrator}: hitting a measured target on the real layer (THEORY.md §5.3). */
class GainCalibratorTest {

    private static final double TARGET = -0.05;
    private static final int STEPS = 1_000;
    private static final int TRAJECTORIES = 8;
    /** Each trajectory runs on its own probe sequence: T_w + T steps. */
    private static final int PROBE_LENGTH = 200 + STEPS;
    /** The same VALIDATION lines as the lyapunov tests log, for docs/validation.md. */
    private static final Logger LOG = LoggerFactory.getLogger("validation");

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("SimpleRnn", (Supplier<Layer>) () -> new SimpleRnn.Builder().nOut(32)
                        .activation(Activation.TANH).weightInitRecurrent(new OrthogonalInit(1, 1)).build()),
                Arguments.of("LSTM", (Supplier<Layer>) () -> new LSTM.Builder().nOut(16)
                        .activation(Activation.TANH).weightInitRecurrent(new OrthogonalInit(1, 1)).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void calibratedLayerHitsTheTargetOnFreshProbeInputs(String type, Supplier<Layer> layer) {
        MultiLayerNetwork net = InitTestNetworks.network(7, layer.get());
        GainCalibration result = new GainCalibrator.Builder(TARGET, STEPS).trajectories(TRAJECTORIES)
                .probe(InitTestNetworks.sequences(1, TRAJECTORIES, PROBE_LENGTH)).build().calibrate(net, "layer0");
        assertEquals(GainCalibration.Status.CALIBRATED, result.status(), result.toString());
        assertTrue(result.targetReached(), result.toString());

        // Fresh inputs from the same distribution and fresh seeds: the search stopped within max(tol_λ, 2·SE) of the
        // target; a new sample of inputs moves the estimate by its own sampling error, allowed at 3·SE.
        INDArray fresh = InitTestNetworks.sequences(1_001, TRAJECTORIES, PROBE_LENGTH);
        ModelDynamics model = Dynamics.of(net);
        RecurrentDynamics dynamics = model.get("layer0").orElseThrow();
        LyapunovSpectrum check = new SpectrumEstimator.Builder(STEPS).exponents(1).trajectories(TRAJECTORIES)
                .seed(2_024).build().estimate(dynamics, Drive.of(model.drivingInputs(dynamics, fresh)));
        double searchError = result.curve().stream().filter(p -> p.gain() == result.gain()).findFirst()
                .orElseThrow().standardError();
        double tolerance = Math.max(result.exponentTolerance(), 2 * searchError) + 3 * check.maxStandardError();
        LOG.info(String.format(Locale.ROOT, "VALIDATION | GainCalibrator %s, fresh probe inputs (gain %.4f) | λ1 |"
                + " %.7f | %.7f | %.1e", type, result.gain(), TARGET, check.max(), tolerance));
        assertTrue(Double.isFinite(check.max()), check.toString());
        assertEquals(TARGET, check.max(), tolerance, type + ": " + result);
    }

    @Test
    void weightsAreRescaledInPlaceAndTheFlattenedParametersFollow() {
        MultiLayerNetwork net = InitTestNetworks.network(3, new GravesLSTM.Builder().nOut(6)
                .activation(Activation.TANH).weightInitRecurrent(new ScaledGaussianInit(0.8, 2)).build());
        INDArray rwBefore = net.getLayer(0).getParam("RW").dup();
        INDArray wBefore = net.getLayer(0).getParam("W").dup();
        INDArray bBefore = net.getLayer(0).getParam("b").dup();
        // Make the peepholes non-zero so that "not scaled" is visible.
        net.getLayer(0).getParam("RW").get(NDArrayIndex.all(), NDArrayIndex.interval(24, 27)).assign(0.3);
        rwBefore.get(NDArrayIndex.all(), NDArrayIndex.interval(24, 27)).assign(0.3);

        GainCalibration result = new GainCalibrator.Builder(-0.1, 300).warmupSteps(100).trajectories(4)
                .probe(InitTestNetworks.sequences(5, 4, 400)).build().calibrate(net, "layer0");

        assertTrue(result.applied(), result.toString());
        INDArray rwAfter = net.getLayer(0).getParam("RW");
        INDArray expectedGates = rwBefore.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 24)).mul(result.scale());
        assertEquals(0, expectedGates.sub(rwAfter.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 24)))
                .amaxNumber().doubleValue(), 1e-12, "all four gate blocks scale by gain / initial gain");
        assertEquals(rwBefore.get(NDArrayIndex.all(), NDArrayIndex.interval(24, 27)),
                rwAfter.get(NDArrayIndex.all(), NDArrayIndex.interval(24, 27)), "peepholes are not scaled");
        assertEquals(wBefore, net.getLayer(0).getParam("W"));
        assertEquals(bBefore, net.getLayer(0).getParam("b"), "biases (the forget bias included) are not touched");
        assertEquals(result.gain(), GainCalibrator.currentGain(net, "layer0"), 1e-12 * result.gain());
        // A clone copies only the flattened parameter vector: it must see the new weights.
        assertEquals(rwAfter, net.clone().getLayer(0).getParam("RW"));
    }

    @Test
    void unreachableTargetReportsNoBracketAndLeavesTheWeightsUnchanged() {
        // A tanh layer's λ_1 stays far below +5 nats/step at every gain up to 3·2⁴ = 48.
        MultiLayerNetwork net = InitTestNetworks.network(3, new SimpleRnn.Builder().nOut(8)
                .activation(Activation.TANH).weightInitRecurrent(new OrthogonalInit(1, 4)).build());
        INDArray before = net.params().dup();
        GainCalibration result = new GainCalibrator.Builder(5, 200).warmupSteps(50).trajectories(2).build()
                .calibrate(net, "layer0");
        assertEquals(GainCalibration.Status.NO_BRACKET, result.status());
        assertFalse(result.applied());
        assertEquals(before, net.params());
        assertEquals(GainCalibrator.DEFAULT_SCAN_POINTS + GainCalibrator.MAX_EXPANSIONS, result.evaluations());
        double best = result.curve().stream().mapToDouble(CalibrationPoint::exponentNatsPerStep).max().orElseThrow();
        assertEquals(best, result.curve().stream().filter(p -> p.gain() == result.gain()).findFirst().orElseThrow()
                .exponentNatsPerStep(), 0.0, "the reported gain is the measured one closest to the target");
        assertFalse(result.targetReached());
    }

    @Test
    void calibratesOneDirectionOfABidirectionalLayer() {
        MultiLayerNetwork net = InitTestNetworks.network(3, new Bidirectional(new SimpleRnn.Builder().nOut(8)
                .activation(Activation.TANH).weightInitRecurrent(new OrthogonalInit(1, 4)).build()));
        INDArray forward = net.getLayer(0).getParam("fRW").dup();
        GainCalibration result = new GainCalibrator.Builder(-0.2, 300).warmupSteps(100).trajectories(4)
                .probe(InitTestNetworks.sequences(6, 4, 400)).build().calibrate(net, "layer0/backward");
        assertEquals("bRW", result.parameter());
        assertEquals(GainCalibration.Status.CALIBRATED, result.status(), result.toString());
        assertEquals(forward, net.getLayer(0).getParam("fRW"));
        assertNotEquals(1, result.scale(), 1e-3);
        assertEquals(result.gain(), GainCalibrator.currentGain(net, "layer0/backward"), 1e-12 * result.gain());
    }

    @Test
    void sameSeedGivesABitIdenticalCalibration() {
        // STYLE.md §2.5: common random numbers make the whole search a deterministic function of the seed.
        Supplier<MultiLayerNetwork> net = () -> InitTestNetworks.network(3, new SimpleRnn.Builder().nOut(8)
                .activation(Activation.TANH).weightInitRecurrent(new OrthogonalInit(1, 4)).build());
        GainCalibrator calibrator = new GainCalibrator.Builder(-0.1, 200).warmupSteps(50).trajectories(2)
                .probe(InitTestNetworks.sequences(8, 2, 250)).build();
        assertEquals(calibrator.calibrate(net.get(), "layer0"), calibrator.calibrate(net.get(), "layer0"));
    }

    @Test
    void applyGainSetsTheRmsGainOfTheGateBlocks() {
        // Through a LastTimeStep wrapper, whose parameters are the inner LSTM's.
        MultiLayerNetwork net = InitTestNetworks.network(3, new LastTimeStep(new LSTM.Builder().nOut(5)
                .activation(Activation.TANH).weightInitRecurrent(new OrthogonalInit(1, 4)).build()));
        assertEquals(1, GainCalibrator.currentGain(net, "layer0"), 1e-12, "RMS gain of g·Q blocks is g exactly");
        GainCalibrator.applyGain(net, "layer0", 2.5);
        assertEquals(2.5, GainCalibrator.currentGain(net, "layer0"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> GainCalibrator.applyGain(net, "layer0", 0));
    }

    @Test
    void unknownLayerNameListsTheNamesThereAre() {
        MultiLayerNetwork net = InitTestNetworks.network(3, new Bidirectional(new SimpleRnn.Builder().nOut(4)
                .activation(Activation.TANH).build()));
        GainCalibrator calibrator = new GainCalibrator.Builder(0, 100).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calibrator.calibrate(net, "layer0"));
        assertTrue(e.getMessage().contains("[layer0/forward, layer0/backward]"), e.getMessage());
    }

    @Test
    void builderListsEveryProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GainCalibrator
                .Builder(Double.NaN, 5).trajectories(0).exponentTolerance(0).gainTolerance(2).scanRange(3, 1)
                .scanPoints(12).maxEvaluations(12).build());
        String message = e.getMessage();
        for (String part : new String[] {"target = NaN", "steps = 5", "trajectories = 0", "exponentTolerance = 0.0",
                "gainTolerance = 2.0", "scanRange = [3.0, 1.0]", "maxEvaluations = 12"}) {
            assertTrue(message.contains(part), "missing '" + part + "' in: " + message);
        }
    }
}
