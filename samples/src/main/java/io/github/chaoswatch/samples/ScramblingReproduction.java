package io.github.chaoswatch.samples;

import io.github.chaoswatch.liyorke.ChaosProbability;
import io.github.chaoswatch.liyorke.ChaosProbabilityReport;
import io.github.chaoswatch.liyorke.ProbabilityEstimate;
import io.github.chaoswatch.liyorke.RandomScalarRnn;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures how often the scrambling paper's random scalar network has period 3 (hence is Li–Yorke chaotic), for He
 * and Glorot initialization over widths 16 … 256 and weight scales 0.5, 1, 2 (THEORY.md §4.3; src/site/markdown/
 * scrambling.md).
 *
 * <p>Usage: {@code ScramblingReproduction <output-dir> [seeds, default 1000] [identity|relu|clip, default identity]}.
 * Prints the table in Markdown to standard output, a progress bar to standard error, and writes
 * {@code scrambling-probability.md} and {@code scrambling-probability.png} into the output directory. Exit codes:
 * 0 success, 1 failure, 2 usage error.
 */
public final class ScramblingReproduction {

    private static final int[] WIDTHS = {16, 32, 64, 128, 256};
    private static final double[] SCALES = {0.5, 1, 2};
    private static final int DEFAULT_SEEDS = 1_000;
    /** Horizontal offset between series in log2(width) units, so error bars at equal widths do not hide each other. */
    private static final double DODGE = 0.035;
    private static final String USAGE = "usage: ScramblingReproduction <output-dir> [seeds, default 1000]"
            + " [identity|relu|clip, default identity]";

    private ScramblingReproduction() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        int seeds;
        RandomScalarRnn.OutputFunction output;
        try {
            seeds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_SEEDS;
            output = args.length > 2 ? RandomScalarRnn.OutputFunction.valueOf(args[2].toUpperCase(Locale.ROOT))
                    : RandomScalarRnn.OutputFunction.IDENTITY;
        } catch (IllegalArgumentException e) {
            System.err.println("invalid argument: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (!(seeds >= 1)) {
            System.err.println("seeds = " + seeds + " must be at least 1\n" + USAGE);
            System.exit(2);
        }
        try {
            run(directory, seeds, output);
        } catch (IOException | RuntimeException e) {
            System.err.println("scrambling reproduction failed: " + e);
            System.exit(1);
        }
    }

    private static void run(Path directory, int seeds, RandomScalarRnn.OutputFunction output) throws IOException {
        ChaosProbability estimator = new ChaosProbability.Builder(seeds).widths(WIDTHS).scales(SCALES)
                .initializations(RandomScalarRnn.Initialization.HE, RandomScalarRnn.Initialization.GLOROT)
                .output(output).build();
        ChaosProbabilityReport report = estimator.estimate(new ProgressBar());
        System.err.println();
        String table = table(report);
        System.out.print(table);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("scrambling-probability.md"), table, StandardCharsets.UTF_8);
        Path png = directory.resolve("scrambling-probability.png");
        BitmapEncoder.saveBitmap(chart(report, seeds, output), png.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.err.println("wrote " + png + " and " + directory.resolve("scrambling-probability.md"));
    }

    private static String table(ChaosProbabilityReport report) {
        StringBuilder text = new StringBuilder();
        text.append("| init | width | scale | seeds | P(period-3) | 95% CI (Wilson) | time |\n");
        text.append("|---|---:|---:|---:|---:|---|---:|\n");
        for (ProbabilityEstimate row : report.rows()) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %.3f | [%.3f, %.3f] | %.1f s |%n",
                    row.initialization(), row.width(), row.scale(), row.seeds(), row.probability(), row.ciLow(),
                    row.ciHigh(), row.elapsed().toMillis() / 1e3));
        }
        text.append(String.format(Locale.ROOT, "%nTotal %.1f s on %d processors, Java %s (%s), %s %s. Settings: %s%n",
                report.elapsed().toMillis() / 1e3, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"), report.settings()));
        return text.toString();
    }

    private static XYChart chart(ChaosProbabilityReport report, int seeds, RandomScalarRnn.OutputFunction output) {
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("P(period 3) of f(x) = " + (output == RandomScalarRnn.OutputFunction.IDENTITY
                        ? "sum a_i ReLU(w_i x + b_i) + c"
                        : output.toString().toLowerCase(Locale.ROOT) + "(sum a_i ReLU(w_i x + b_i) + c)") + ", " + seeds
                        + " seeds per point, Wilson 95% intervals")
                .xAxisTitle("width k (log2 scale)").yAxisTitle("P(period 3)").build();
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setXAxisMin(3.5).setXAxisMax(8.5).setYAxisMin(0.0);
        // x is log2(k); label ticks with k. Labels must be distinct, or XChart drops them all; the spacing hint makes
        // it choose one tick per doubling.
        chart.getStyler().setXAxisTickMarkSpacingHint(130);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> Math.abs(x - Math.rint(x)) < 1e-9
                ? String.valueOf(1L << (long) Math.rint(x)) : String.format(Locale.ROOT, "%.1f", Math.pow(2, x)));
        chart.getStyler().setYAxisDecimalPattern("0.00");
        Color[] he = {new Color(0x9ecae1), new Color(0x4292c6), new Color(0x08519c)};
        Color[] glorot = {new Color(0xfdae6b), new Color(0xf16913), new Color(0xa63603)};
        int seriesCount = 2 * SCALES.length;
        int index = 0;
        for (RandomScalarRnn.Initialization init : new RandomScalarRnn.Initialization[] {
                RandomScalarRnn.Initialization.HE, RandomScalarRnn.Initialization.GLOROT}) {
            for (int s = 0; s < SCALES.length; s++) {
                double scale = SCALES[s];
                List<ProbabilityEstimate> rows = report.rows().stream()
                        .filter(r -> r.initialization() == init && Double.compare(r.scale(), scale) == 0).toList();
                double offset = (index - (seriesCount - 1) / 2.0) * DODGE;
                double[] x = rows.stream().mapToDouble(r -> log2(r.width()) + offset).toArray();
                double[] p = rows.stream().mapToDouble(ProbabilityEstimate::probability).toArray();
                double[] center = rows.stream().mapToDouble(r -> (r.ciLow() + r.ciHigh()) / 2).toArray();
                double[] half = rows.stream().mapToDouble(r -> (r.ciHigh() - r.ciLow()) / 2).toArray();
                Color color = init == RandomScalarRnn.Initialization.HE ? he[s] : glorot[s];
                String name = init + ", scale " + scale;
                XYSeries points = chart.addSeries(name, x, p);
                points.setMarkerColor(color);
                points.setLineColor(color);
                points.setMarker(init == RandomScalarRnn.Initialization.HE ? SeriesMarkers.CIRCLE
                        : SeriesMarkers.DIAMOND);
                points.setLineStyle(init == RandomScalarRnn.Initialization.HE ? SeriesLines.SOLID
                        : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6, 4},
                        0));
                // The Wilson interval is asymmetric: draw it as a symmetric bar around its own centre.
                XYSeries interval = chart.addSeries(name + " CI", x, center, half);
                interval.setMarker(SeriesMarkers.NONE);
                interval.setLineStyle(SeriesLines.NONE);
                interval.setLineColor(color);
                interval.setMarkerColor(color);
                interval.setShowInLegend(false);
                index++;
            }
        }
        return chart;
    }

    private static double log2(int width) {
        return Math.log(width) / Math.log(2);
    }

    /** A text progress bar on standard error, redrawn when the percentage changes. */
    private static final class ProgressBar implements ChaosProbability.Progress {

        private static final int WIDTH = 40;
        private final long start = System.nanoTime();
        private int lastPercent = -1;

        @Override
        public void update(int done, int total) {
            int percent = (int) (100L * done / total);
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            int filled = WIDTH * percent / 100;
            System.err.printf(Locale.ROOT, "\r[%s%s] %3d%% (%d/%d networks, %.0f s)", "#".repeat(filled),
                    ".".repeat(WIDTH - filled), percent, done, total, (System.nanoTime() - start) / 1e9);
        }
    }
}
