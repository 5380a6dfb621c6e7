package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.listeners.ReportJson;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads a DL4J model zip ({@code net.save(file)} or {@code ModelSerializer.writeModel}): a
 * {@code MultiLayerNetwork} or a {@code ComputationGraph}, told apart by its configuration.
 *
 * <p>Every way the file can be unusable (missing, not a zip, truncated, not a DL4J model, unreadable parameters) is
 * an {@link IllegalArgumentException} whose message names the file, says what is wrong and what to do, so that the
 * command line can report it as bad input (exit code 2).
 */
final class ModelFile {

    private static final String CONFIGURATION = "configuration.json";
    private static final String COEFFICIENTS = "coefficients.bin";
    private static final String REMEDY = "save the model again with net.save(file) or ModelSerializer.writeModel"
            + " (DL4J 1.0.0-M2.1)";

    private ModelFile() {
    }

    /**
     * Loads the model in {@code file}, without updater state.
     *
     * @throws IllegalArgumentException if the file is missing or not a readable DL4J model zip
     */
    static Model load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model file " + file + " does not exist or is not a file; pass the"
                    + " path of a DL4J model zip");
        }
        boolean graph = isGraph(file);
        try {
            return graph ? ModelSerializer.restoreComputationGraph(file.toFile(), false)
                    : ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " holds a DL4J " + (graph ? "ComputationGraph" : "MultiLayerNetwork")
                    + " configuration but its parameters could not be read (" + e + "): the file is corrupt or"
                    + " truncated; " + REMEDY, e);
        }
    }

    /** Reads the configuration and returns true for a ComputationGraph, false for a MultiLayerNetwork. */
    private static boolean isGraph(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry configuration = zip.getEntry(CONFIGURATION);
            if (configuration == null || zip.getEntry(COEFFICIENTS) == null) {
                throw new IllegalArgumentException(file + " is a zip but not a DL4J model: it lacks " + CONFIGURATION
                        + " or " + COEFFICIENTS + "; " + REMEDY);
            }
            JsonNode json;
            try (InputStream in = zip.getInputStream(configuration)) {
                json = ReportJson.mapper().readTree(in);
            }
            if (json.has("vertices")) {
                return true;
            }
            if (json.has("confs")) {
                return false;
            }
            throw new IllegalArgumentException(file + " has a " + CONFIGURATION + " that is neither a"
                    + " MultiLayerNetwork nor a ComputationGraph configuration; " + REMEDY);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a readable zip (" + e.getMessage() + "): the file is"
                    + " corrupt or truncated; " + REMEDY, e);
        }
    }
}
