package io.github.chaoswatch.liyorke;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The table a {@link ChaosProbability} run produced: one {@link ProbabilityEstimate} per initialization × width ×
 * scale, the settings that produced it, and the total wall-clock time.
 *
 * @param rows     the cells, in the order initialization, width, scale
 * @param settings the estimator's settings ({@code ChaosProbability.toString()}), for reproduction
 * @param elapsed  total wall-clock time
 */
public record ChaosProbabilityReport(List<ProbabilityEstimate> rows, String settings, Duration elapsed) {

    /** Copies the rows. */
    public ChaosProbabilityReport {
        rows = List.copyOf(rows);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Returns the cell for (initialization, width, scale), if it was estimated. */
    public Optional<ProbabilityEstimate> find(RandomScalarRnn.Initialization initialization, int width,
                                              double scale) {
        return rows.stream().filter(r -> r.initialization() == initialization && r.width() == width
                && Double.compare(r.scale(), scale) == 0).findFirst();
    }

    /** Returns true when every row has the same counts as the matching row of {@code other} (times ignored). */
    public boolean sameCounts(ChaosProbabilityReport other) {
        if (rows.size() != other.rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).sameCounts(other.rows.get(i))) {
                return false;
            }
        }
        return true;
    }
}
