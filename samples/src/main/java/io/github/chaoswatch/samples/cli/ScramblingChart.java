package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.liyorke.ChaosProbabilityReport;
import io.github.chaoswatch.liyorke.ProbabilityEstimate;
import io.github.chaoswatch.liyorke.RandomScalarRnn;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * The plot of a scrambling run: P(period 3) against width (log2 axis), one series per initialization and weight
 * scale, with Wilson 95% intervals as error bars.
 */
final class ScramblingChart {

    /** Horizontal offset between series in log2(width) units, so error bars at equal widths do not hide each other. */
    private static final double DODGE = 0.035;
    /** Light to dark blues (He) and oranges (Glorot): one shade per weight scale, darker for larger scales. */
    private static final Color[] HE = {new Color(0x9ecae1), new Color(0x4292c6), new Color(0x08519c)};
    private static final Color[] GLOROT = {new Color(0xfdae6b), new Color(0xf16913), new Color(0xa63603)};

    private ScramblingChart() {
    }

    /** Returns the chart of {@code report}, whose cells were drawn with σ_out = {@code output}. */
    static XYChart of(ChaosProbabilityReport report, RandomScalarRnn.OutputFunction output) {
        List<RandomScalarRnn.Initialization> inits = report.rows().stream().map(ProbabilityEstimate::initialization)
                .distinct().toList();
        List<Double> scales = report.rows().stream().map(ProbabilityEstimate::scale).distinct().toList();
        double minX = report.rows().stream().mapToDouble(r -> log2(r.width())).min().orElseThrow();
        double maxX = report.rows().stream().mapToDouble(r -> log2(r.width())).max().orElseThrow();
        int seeds = report.rows().get(0).seeds();
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("P(period 3) of f(x) = " + (output == RandomScalarRnn.OutputFunction.IDENTITY
                        ? "sum a_i ReLU(w_i x + b_i) + c"
                        : output.toString().toLowerCase(Locale.ROOT) + "(sum a_i ReLU(w_i x + b_i) + c)") + ", " + seeds
                        + " seeds per point, Wilson 95% intervals")
                .xAxisTitle("width k (log2 scale)").yAxisTitle("P(period 3)").build();
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setXAxisMin(minX - 0.5).setXAxisMax(maxX + 0.5).setYAxisMin(0.0);
        // x is log2(k); label ticks with k. Labels must be distinct, or XChart drops them all; the spacing hint makes
        // it choose one tick per doubling.
        chart.getStyler().setXAxisTickMarkSpacingHint(130);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> Math.abs(x - Math.rint(x)) < 1e-9
                ? String.valueOf(1L << (long) Math.rint(x)) : String.format(Locale.ROOT, "%.1f", Math.pow(2, x)));
        chart.getStyler().setYAxisDecimalPattern("0.00");
        int seriesCount = inits.size() * scales.size();
        int index = 0;
        for (RandomScalarRnn.Initialization init : inits) {
            for (int s = 0; s < scales.size(); s++) {
                double scale = scales.get(s);
                List<ProbabilityEstimate> rows = report.rows().stream()
                        .filter(r -> r.initialization() == init && Double.compare(r.scale(), scale) == 0).toList();
                double offset = (index - (seriesCount - 1) / 2.0) * DODGE;
                addSeries(chart, init + ", scale " + scale, rows, offset, color(init, s, scales.size()),
                        init == RandomScalarRnn.Initialization.HE);
                index++;
            }
        }
        return chart;
    }

    private static void addSeries(XYChart chart, String name, List<ProbabilityEstimate> rows, double offset,
                                  Color color, boolean solid) {
        double[] x = rows.stream().mapToDouble(r -> log2(r.width()) + offset).toArray();
        double[] p = rows.stream().mapToDouble(ProbabilityEstimate::probability).toArray();
        double[] center = rows.stream().mapToDouble(r -> (r.ciLow() + r.ciHigh()) / 2).toArray();
        double[] half = rows.stream().mapToDouble(r -> (r.ciHigh() - r.ciLow()) / 2).toArray();
        XYSeries points = chart.addSeries(name, x, p);
        points.setMarkerColor(color);
        points.setLineColor(color);
        points.setMarker(solid ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
        points.setLineStyle(solid ? SeriesLines.SOLID : new BasicStroke(2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_ROUND, 10f, new float[] {6, 4}, 0));
        // The Wilson interval is asymmetric: draw it as a symmetric bar around its own centre.
        XYSeries interval = chart.addSeries(name + " CI", x, center, half);
        interval.setMarker(SeriesMarkers.NONE);
        interval.setLineStyle(SeriesLines.NONE);
        interval.setLineColor(color);
        interval.setMarkerColor(color);
        interval.setShowInLegend(false);
    }

    /** Picks the shade of scale {@code s} of {@code count}, spreading the palette over the scales. */
    private static Color color(RandomScalarRnn.Initialization init, int s, int count) {
        Color[] palette = init == RandomScalarRnn.Initialization.HE ? HE : GLOROT;
        return palette[count == 1 ? palette.length - 1 : Math.min(palette.length - 1,
                s * (palette.length - 1) / Math.max(1, count - 1))];
    }

    private static double log2(int width) {
        return Math.log(width) / Math.log(2);
    }
}
