package io.github.chaoswatch.listeners;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * CSV, one row per report and layer (one row with an empty layer for a DIVERGED or FAILED report). Exponents and
 * standard errors are space-separated lists in their unit, named in the column ({@code exponents_nats}); the
 * gradient horizon is always in nats. RFC 4180 quoting.
 */
public final class CsvReportExporter extends ReportExporter {

    private static final long serialVersionUID = 1L;

    /** The columns, in order. */
    public static final String HEADER = "iteration,epoch,timestamp_millis,status,message,layer,layer_type,"
            + "state_size,unit,lambda_max,lambda_max_se,positive_count,kaplan_yorke,kaplan_yorke_kind,"
            + "entropy_bound,converged,horizon_steps,gradient_horizon_nats,scrambling,analysis_millis,exponents,"
            + "standard_errors";

    CsvReportExporter(Path path) {
        super(path);
    }

    @Override
    protected void writeHeader(BufferedWriter out) throws IOException {
        out.write(HEADER);
        out.newLine();
    }

    @Override
    protected void write(ChaosReport report, BufferedWriter out) throws IOException {
        String prefix = String.join(",", Long.toString(report.iteration()), Integer.toString(report.epoch()),
                Long.toString(report.timestampMillis()), report.status().name(), quote(report.message()));
        if (report.layers().isEmpty()) {
            out.write(prefix + ",,,,,,,,,,,,,,," + report.analysisMillis() + ",,");
            out.newLine();
            return;
        }
        for (LayerReport l : report.layers()) {
            out.write(String.join(",", prefix, quote(l.name()), quote(l.layerType()), Integer.toString(l.stateSize()),
                    l.unit().symbol(), number(l.max()), number(l.maxStandardError()),
                    Integer.toString(l.positiveCount()), number(l.kaplanYorke().value()), l.kaplanYorke().kind().name(),
                    number(l.entropyBound()), Boolean.toString(l.converged()), Integer.toString(l.horizonSteps()),
                    number(l.gradientHorizonNats()), l.scramblingVerdict().map(Enum::name).orElse(""),
                    Long.toString(report.analysisMillis()), list(l.exponents()),
                    list(l.standardErrors())));
            out.newLine();
        }
    }

    private static String list(double[] values) {
        return Arrays.stream(values).mapToObj(CsvReportExporter::number).collect(Collectors.joining(" "));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.9g", value);
    }

    /** Quotes a field when it holds a comma, a quote or a line break (RFC 4180). */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
