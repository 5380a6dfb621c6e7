package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.listeners.ReportJson;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the typed result records of the commands as JSON, through the one report mapping of chaoswatch
 * ({@link ReportJson}: DL4J's shaded Jackson; NaN and infinities as strings).
 */
final class JsonOutput {

    private static final ObjectWriter WRITER = ReportJson.mapper().writerWithDefaultPrettyPrinter();

    private JsonOutput() {
    }

    /** Returns {@code value} as indented JSON. */
    static String toJson(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Prints {@code value} as JSON on {@code out}. */
    static void print(PrintWriter out, Object value) {
        out.println(toJson(value));
        out.flush();
    }

    /** Writes {@code value} as JSON (UTF-8) to {@code file}. */
    static void write(Path file, Object value) {
        try {
            Files.writeString(file, toJson(value) + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
