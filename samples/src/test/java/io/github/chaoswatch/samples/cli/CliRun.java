package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.listeners.ReportJson;
import org.nd4j.shade.jackson.databind.JsonNode;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Runs the command line in-process, as {@code java -jar chaoswatch.jar ARGS} would, capturing both streams.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ChaosWatchCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Parses standard output as JSON. */
    JsonNode json() {
        try {
            return ReportJson.mapper().readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("standard output is not JSON: " + out + "\nstderr: " + err, e);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
