package io.github.chaoswatch.listeners;

import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON lines: each report as one JSON object on its own line, fields named as in {@link ChaosReport} and
 * {@link LayerReport} (non-finite numbers written as the strings "NaN", "Infinity", "-Infinity").
 */
public final class JsonLinesReportExporter extends ReportExporter {

    private static final long serialVersionUID = 1L;

    private static final ObjectMapper JSON = ReportJson.mapper();

    JsonLinesReportExporter(Path path) {
        super(path);
    }

    @Override
    protected void write(ChaosReport report, BufferedWriter out) throws IOException {
        out.write(JSON.writeValueAsString(report));
        out.newLine();
    }
}
