package io.github.chaoswatch.samples.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line text progress bar on standard error, redrawn when the percentage changes, so that standard output
 * stays clean for tables and JSON. Not thread-safe: callers serialize updates.
 */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintWriter err;
    private final String label;
    private final String unit;
    private final long start = System.nanoTime();
    private int lastPercent = -1;

    /**
     * Creates a bar.
     *
     * @param err   where to draw
     * @param label what is being done, printed before the bar
     * @param unit  the plural noun of what is counted, e.g. "networks"
     */
    ProgressBar(PrintWriter err, String label, String unit) {
        this.err = err;
        this.label = label;
        this.unit = unit;
    }

    /** Shows that {@code done} of {@code total} items are finished; ends the line at 100 %. */
    void update(int done, int total) {
        int percent = (int) (100L * done / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = WIDTH * percent / 100;
        err.printf(Locale.ROOT, "\r%s [%s%s] %3d%% (%d/%d %s, %.0f s)", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), percent, done, total, unit, (System.nanoTime() - start) / 1e9);
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}
