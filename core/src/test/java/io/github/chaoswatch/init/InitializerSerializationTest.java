package io.github.chaoswatch.init;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every initializer through DL4J's JSON configuration and model files (THEORY.md §5.4): equal configurations,
 * identical parameters for a fixed seed, the initializer restored.
 */
class InitializerSerializationTest {

    static Stream<Arguments> initializers() {
        return Stream.of(
                Arguments.of("OrthogonalInit, network seed", (Supplier<IWeightInit>) () -> new OrthogonalInit(1.1),
                        true),
                Arguments.of("OrthogonalInit, own seed", (Supplier<IWeightInit>) () -> new OrthogonalInit(0.9, 7),
                        true),
                Arguments.of("ScaledGaussianInit, network seed",
                        (Supplier<IWeightInit>) () -> new ScaledGaussianInit(1.2), true),
                Arguments.of("ScaledGaussianInit, own seed",
                        (Supplier<IWeightInit>) () -> new ScaledGaussianInit(1.2, 8), true),
                Arguments.of("EdgeOfChaosInit, defaults", (Supplier<IWeightInit>) () -> new EdgeOfChaosInit(-0.05),
                        false),
                Arguments.of("EdgeOfChaosInit, every setting", (Supplier<IWeightInit>) () ->
                        new EdgeOfChaosInit.Builder(-0.1).activation(Activation.RELU).biasVariance(0.01)
                                .inputVariance(0.1).seed(3).build(), false));
    }

    /** A SimpleRnn, and an LSTM for the initializers that support gated layers, both using {@code init}. */
    private static MultiLayerConfiguration configuration(IWeightInit init, boolean gated) {
        Layer rnn = new SimpleRnn.Builder().nOut(6).activation(Activation.TANH).weightInitRecurrent(init).build();
        if (!gated) {
            return InitTestNetworks.configuration(21, rnn);
        }
        Layer lstm = new LSTM.Builder().nOut(5).activation(Activation.TANH).weightInitRecurrent(init).build();
        return InitTestNetworks.configuration(21, rnn, lstm);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initializers")
    void jsonRoundTripGivesAnEqualConfigurationAndInitializer(String name, Supplier<IWeightInit> init,
                                                             boolean gated) {
        MultiLayerConfiguration conf = configuration(init.get(), gated);
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        IWeightInit restored = ((BaseRecurrentLayer) back.getConf(0).getLayer()).getWeightInitFnRecurrent();
        assertEquals(init.get(), restored);
        assertEquals(init.get().hashCode(), restored.hashCode());
        assertEquals(init.get().getClass(), restored.getClass());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initializers")
    void networksFromConfigurationAndFromItsJsonHaveIdenticalParameters(String name, Supplier<IWeightInit> init,
                                                                       boolean gated) {
        MultiLayerConfiguration conf = configuration(init.get(), gated);
        String json = conf.toJson();
        MultiLayerNetwork original = new MultiLayerNetwork(conf);
        original.init();
        MultiLayerNetwork fromJson = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(json));
        fromJson.init();
        assertEquals(original.params(), fromJson.params());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initializers")
    void modelFileRestoresConfigurationInitializerAndParameters(String name, Supplier<IWeightInit> init,
                                                               boolean gated, @TempDir Path dir) throws IOException {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(init.get(), gated));
        net.init();
        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, file, false);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, false);
        assertEquals(net.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations());
        assertEquals(net.params(), restored.params());
        assertEquals(init.get(), ((BaseRecurrentLayer) restored.getLayerWiseConfigurations().getConf(0).getLayer())
                .getWeightInitFnRecurrent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("initializers")
    void javaSerializationKeepsSettingsAndDerivedGain(String name, Supplier<IWeightInit> init, boolean gated)
            throws IOException, ClassNotFoundException {
        IWeightInit original = init.get();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertEquals(original, back);
        assertEquals(original.toString(), back.toString(), "toString shows every setting and the derived gain");
    }

    @Test
    void equalityFollowsEverySetting() {
        assertEquals(new OrthogonalInit(1.5, 2), new OrthogonalInit(1.5, 2));
        assertNotEquals(new OrthogonalInit(1.5, 2), new OrthogonalInit(1.5, 3));
        assertNotEquals(new OrthogonalInit(1.5), new OrthogonalInit(1.5, 3));
        assertNotEquals(new OrthogonalInit(1.5), new OrthogonalInit(1.6));
        assertNotEquals(new OrthogonalInit(1.5), new ScaledGaussianInit(1.5));
        assertNotEquals(new EdgeOfChaosInit(0), new EdgeOfChaosInit.Builder(0).biasVariance(0.1).build());
        assertTrue(new ScaledGaussianInit(0.75, 4).toString().contains("gain=0.75"));
        assertTrue(new EdgeOfChaosInit(-0.2).toString().contains("offset=-0.2"));
    }
}
