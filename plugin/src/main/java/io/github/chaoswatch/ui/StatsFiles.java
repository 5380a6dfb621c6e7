package io.github.chaoswatch.ui;

import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.api.UIServer;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stored runs ({@code FileStatsStorage} files) opened for the UI so that a damaged file becomes a message on the
 * chaoswatch page instead of an exception in the process that runs the UI.
 *
 * <p>DL4J's {@code new FileStatsStorage(file)} throws on a damaged file (MapDB rejects a bad header, a truncated
 * volume or a corrupt index) before the UI ever sees it. {@link #attach} opens each file, attaches those that open,
 * logs the others and lists them in the page's error banner until {@link #close()}; the server keeps running.
 * <pre>
 * try (StatsFiles runs = StatsFiles.attach(UIServer.getInstance(), new File("run1.dl4j"), new File("run2.dl4j"))) {
 *     ... // browse http://localhost:9000/chaoswatch
 * }
 * </pre>
 */
public final class StatsFiles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatsFiles.class);
    /** The failures of every open {@code StatsFiles}, for the page. */
    private static final List<String> FAILURES = new CopyOnWriteArrayList<>();

    private final UIServer ui;
    private final List<StatsStorage> storages;
    private final List<String> failures;

    private StatsFiles(UIServer ui, List<StatsStorage> storages, List<String> failures) {
        this.ui = ui;
        this.storages = List.copyOf(storages);
        this.failures = List.copyOf(failures);
    }

    /** Opens every file and attaches those that can be read to {@code ui}. */
    public static StatsFiles attach(UIServer ui, File... files) {
        List<StatsStorage> storages = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (File file : files) {
            StatsStorage storage = null;
            try {
                storage = new FileStatsStorage(file);
                ui.attach(storage);
                storages.add(storage);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                String failure = "could not open " + file + ": " + e + " (not a DL4J stats file, or damaged; the"
                        + " other runs are shown)";
                LOG.warn("chaoswatch UI: {}", failure);
                failures.add(failure);
                closeQuietly(storage);
            }
        }
        FAILURES.addAll(failures);
        return new StatsFiles(ui, storages, failures);
    }

    /** The storages that opened and are attached. */
    public List<StatsStorage> storages() {
        return storages;
    }

    /** Why the other files could not be opened. */
    public List<String> failures() {
        return failures;
    }

    /** Detaches and closes every storage (whatever one of them throws), and takes the failures off the page. */
    @Override
    public void close() throws IOException {
        failures.forEach(FAILURES::remove);
        IOException first = null;
        for (StatsStorage storage : storages) {
            try {
                ui.detach(storage);
                storage.close();
            } catch (IOException | RuntimeException e) {
                IOException failure = e instanceof IOException io ? io : new IOException(e);
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void closeQuietly(StatsStorage storage) {
        if (storage != null) {
            try {
                storage.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("chaoswatch UI: closing a storage that failed to attach: {}", e.toString());
            }
        }
    }

    /** The failures of every open {@code StatsFiles}, as messages for the page. */
    static List<String> openFailures() {
        return List.copyOf(FAILURES);
    }
}
