package io.github.chaoswatch.listeners;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes each {@link ChaosReport} as it is made, flushed at once, so a crashed run keeps everything reported so far.
 *
 * <p>Implementations are configured with a file path (serializable) and open it on the first report, on the
 * listener's worker thread; {@link #csv(Path)} and {@link #jsonLines(Path)} are the two built in. Thread-safe: the
 * per-worker clones of a listener (ParallelWrapper) share it, and whole reports never interleave; a clone's
 * {@code close()} only closes the file, the next report reopens it in append mode.
 */
public abstract class ReportExporter implements Serializable, AutoCloseable {

    private static final long serialVersionUID = 1L;

    private final String path;
    private transient BufferedWriter writer;

    /** Creates an exporter writing to {@code path} (created or appended to). */
    protected ReportExporter(Path path) {
        this.path = path.toString();
    }

    /** Returns a CSV exporter: one row per report and layer, with all exponents (see {@link CsvReportExporter}). */
    public static ReportExporter csv(Path path) {
        return new CsvReportExporter(path);
    }

    /** Returns a JSON-lines exporter: one JSON object per report (see {@link JsonLinesReportExporter}). */
    public static ReportExporter jsonLines(Path path) {
        return new JsonLinesReportExporter(path);
    }

    /** Returns the target file. */
    public Path path() {
        return Path.of(path);
    }

    /** Appends one report and flushes; synchronized, since the clones of a listener share their exporters. */
    public final synchronized void export(ChaosReport report) {
        try {
            if (writer == null) {
                Path target = path();
                if (target.getParent() != null) {
                    Files.createDirectories(target.getParent());
                }
                boolean fresh = !Files.exists(target) || Files.size(target) == 0;
                writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                if (fresh) {
                    writeHeader(writer);
                }
            }
            write(report, writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chaoswatch report to " + path, e);
        }
    }

    /** Writes a header when the file is new (nothing by default). */
    protected void writeHeader(BufferedWriter out) throws IOException {
    }

    /** Writes one report. */
    protected abstract void write(ChaosReport report, BufferedWriter out) throws IOException;

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + path, e);
            } finally {
                writer = null;
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + path + "]";
    }
}
