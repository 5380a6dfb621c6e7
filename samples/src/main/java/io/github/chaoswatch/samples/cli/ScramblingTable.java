package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.liyorke.ChaosProbabilityReport;
import io.github.chaoswatch.liyorke.ProbabilityEstimate;

import java.util.Locale;

/** The Markdown table of a scrambling run, as in src/site/markdown/scrambling.md. */
final class ScramblingTable {

    private ScramblingTable() {
    }

    /** Returns the table with one row per cell, then the total time, the machine and the settings. */
    static String markdown(ChaosProbabilityReport report) {
        StringBuilder text = new StringBuilder();
        text.append("| init | width | scale | seeds | P(period-3) | 95% CI (Wilson) | time |\n");
        text.append("|---|---:|---:|---:|---:|---|---:|\n");
        for (ProbabilityEstimate row : report.rows()) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %.3f | [%.3f, %.3f] | %.1f s |%n",
                    row.initialization(), row.width(), row.scale(), row.seeds(), row.probability(), row.ciLow(),
                    row.ciHigh(), row.elapsed().toMillis() / 1e3));
        }
        // The machine goes with the time: a timing without it says nothing (STYLE.md §3).
        text.append(String.format(Locale.ROOT, "%nTotal %.1f s on %d processors, Java %s (%s), %s %s. Settings: %s%n",
                report.elapsed().toMillis() / 1e3, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), report.settings()));
        return text.toString();
    }
}
