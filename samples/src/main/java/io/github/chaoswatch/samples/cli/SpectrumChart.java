package io.github.chaoswatch.samples.cli;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;

/** The plot of one dynamics' spectrum: λ_i against i, on zero input and (if analysed) driven, with the zero line. */
final class SpectrumChart {

    private SpectrumChart() {
    }

    /** Returns the PNG bytes of the chart of {@code layer}. */
    static byte[] png(AnalysisResult.Layer layer) {
        XYChart chart = new XYChartBuilder().width(640).height(400)
                .title(layer.name() + " (" + layer.type() + ", D = " + layer.stateSize() + ")")
                .xAxisTitle("index i").yAxisTitle("lambda_i (nats/step)").build();
        chart.getStyler().setMarkerSize(6);
        add(chart, "zero input", layer.spectrum(), new Color(0, 90, 181));
        if (layer.driven() != null) {
            add(chart, "driven", layer.driven().spectrum(), new Color(220, 50, 32));
        }
        int count = layer.spectrum().exponents().size();
        XYSeries zero = chart.addSeries("lambda = 0", new double[] {1, Math.max(2, count)}, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.GRAY);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the spectrum of " + layer.name(), e);
        }
    }

    private static void add(XYChart chart, String name, AnalysisResult.Spectrum spectrum, Color color) {
        List<Double> exponents = spectrum.exponents();
        // Exponents can be -infinity (an exactly contracting direction): leave those points out of the plot.
        double[] x = IntStream.range(0, exponents.size()).filter(i -> Double.isFinite(exponents.get(i)))
                .mapToDouble(i -> i + 1).toArray();
        double[] y = exponents.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).toArray();
        if (x.length == 0) {
            return;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
        series.setLineColor(color);
    }
}
