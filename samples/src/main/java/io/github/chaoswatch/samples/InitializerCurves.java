package io.github.chaoswatch.samples;

import io.github.chaoswatch.init.CriticalGain;
import io.github.chaoswatch.init.GainCalibration;
import io.github.chaoswatch.init.GainCalibrator;
import io.github.chaoswatch.init.OrthogonalInit;
import io.github.chaoswatch.init.ScaledGaussianInit;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Predicted (mean field, {@link CriticalGain}) versus measured ({@link SpectrumEstimator}, k = 1) largest Lyapunov
 * exponent of random tanh SimpleRnn layers against the recurrent gain, for Gaussian and orthogonal weights, without
 * and with input; then two {@link GainCalibrator} runs. Writes {@code initializers-lambda-vs-gain.png} and
 * {@code initializers-lambda-vs-gain.csv} into the directory given as the only argument and prints the tables of
 * docs/initializers.md.
 *
 * <pre>
 * java -cp samples/target/chaoswatch.jar io.github.chaoswatch.samples.InitializerCurves target/init
 * </pre>
 */
public final class InitializerCurves {

    private static final int UNITS = 256;
    private static final int INPUTS = 16;
    /** σ_in² of the driven series: the variance of each unit's input x_t·W with x_t ~ N(0, I). */
    private static final double INPUT_VARIANCE = 0.5;
    private static final double[] GAINS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5,
        3.0, 3.5, 4.0};
    /** Network seeds 1 … 3. */
    private static final int NETWORK_SEEDS = 3;
    private static final String NAME = "initializers-lambda-vs-gain";

    private InitializerCurves() {
    }

    /** Runs the program; its arguments, if any, are described in the class comment. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: InitializerCurves <output directory>");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        SpectrumEstimator estimator = new SpectrumEstimator.Builder(1_000).exponents(1).warmupSteps(300)
                .trajectories(4).seed(11).build();
        CriticalGain autonomous = CriticalGain.of(new ActivationTanH());
        CriticalGain driven = autonomous.withInputVariance(INPUT_VARIANCE);
        Nd4j.getRandom().setSeed(2_024);
        INDArray probe = Nd4j.randn(DataType.DOUBLE, 4, INPUTS, 1_300);
        System.out.println("tanh SimpleRnn, n = " + UNITS + ", zero bias; " + estimator + "; mean +- sd over network"
                + " seeds 1.." + NETWORK_SEEDS);

        List<double[]> rows = new ArrayList<>();
        for (double gain : GAINS) {
            ExponentDistribution gaussian = measure(ScaledGaussianInit::new, gain, estimator, null);
            ExponentDistribution orthogonal = measure(OrthogonalInit::new, gain, estimator, null);
            ExponentDistribution withInput = measure(ScaledGaussianInit::new, gain, estimator, probe);
            double predicted = predicted(autonomous, gain);
            double predictedWithInput = predicted(driven, gain);
            double[] row = {gain, predicted, gaussian.mean(), gaussian.standardDeviation(), orthogonal.mean(),
                orthogonal.standardDeviation(), predictedWithInput, withInput.mean(), withInput.standardDeviation()};
            rows.add(row);
            System.out.printf(Locale.ROOT, "| %.2f | %.3f | %.3f ± %.3f | %.3f ± %.3f | %.3f | %.3f ± %.3f |%n",
                    (Object[]) java.util.Arrays.stream(row).boxed().toArray(Double[]::new));
        }
        System.out.printf(Locale.ROOT, "critical gain: %.4f (zero input), %.4f (input variance %.2f)%n",
                autonomous.criticalGain().orElseThrow(), driven.criticalGain().orElseThrow(), INPUT_VARIANCE);
        writeCsv(out.resolve(NAME + ".csv"), rows);
        writeChart(out.resolve(NAME + ".png"), rows, autonomous, driven);
        calibrate(probe);
    }

    /** λ_MF, or NaN (a gap in the plot) where the length map has no finite fixed point (not for tanh). */
    private static double predicted(CriticalGain meanField, double gain) {
        return meanField.predict(gain).exponentNatsPerStep().orElse(Double.NaN);
    }

    /** Mean and spread of λ_1 over network seeds; input weights N(0, σ_in²/nIn) when driven by {@code probe}. */
    private static ExponentDistribution measure(DoubleFunction<IWeightInit> recurrent, double gain,
                                                SpectrumEstimator estimator, INDArray probe) {
        SeedSweep sweep = SeedSweep.of(simpleRnn(recurrent.apply(gain)), estimator);
        return (probe == null ? sweep : sweep.withProbe(probe)).measure(NETWORK_SEEDS, done -> { });
    }

    private static OneLayerNetwork simpleRnn(IWeightInit recurrent) {
        return new OneLayerNetwork(RecurrentLayerType.SIMPLE_RNN, UNITS, INPUTS, Activation.TANH,
                new ScaledGaussianInit(Math.sqrt(INPUT_VARIANCE)), recurrent);
    }

    /** Calibrates a driven SimpleRnn and an LSTM to λ_1 = −0.05 and prints what mean field would have said. */
    private static void calibrate(INDArray probe) {
        double target = -0.05;
        GainCalibrator calibrator = new GainCalibrator.Builder(target, 1_000).probe(probe).build();
        double meanField = CriticalGain.of(new ActivationTanH()).withInputVariance(INPUT_VARIANCE).gainFor(target)
                .orElseThrow();
        MultiLayerNetwork rnn = simpleRnn(new OrthogonalInit(1)).build(1);
        MultiLayerNetwork lstm = new OneLayerNetwork(RecurrentLayerType.LSTM, 64, INPUTS, Activation.TANH,
                new ScaledGaussianInit(Math.sqrt(INPUT_VARIANCE)), new OrthogonalInit(1)).build(1);
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {rnn, lstm}) {
            long start = System.nanoTime();
            GainCalibration result = calibrator.calibrate(net, OneLayerNetwork.LAYER);
            System.out.printf(Locale.ROOT, "calibration %s: %s, gain %.4f (mean field for SimpleRnn: %.4f),"
                            + " lambda1 %.4f ± %.4f (fresh seeds), %d evaluations, %.1f s%n",
                    net.getLayer(0).getClass().getSimpleName(), result.status(), result.gain(), meanField,
                    result.exponentNatsPerStep(), result.standardError(), result.evaluations(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static void writeCsv(Path file, List<double[]> rows) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("gain,lambda_nats_predicted,lambda_nats_gaussian,sd_gaussian,lambda_nats_orthogonal,"
                    + "sd_orthogonal,lambda_nats_predicted_input,lambda_nats_gaussian_input,sd_gaussian_input");
            for (double[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (double v : row) {
                    line.append(line.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", v));
                }
                w.println(line);
            }
        }
    }

    private static void writeChart(Path file, List<double[]> rows, CriticalGain autonomous, CriticalGain driven)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(600)
                .title("tanh SimpleRnn, n = " + UNITS + ": largest Lyapunov exponent vs recurrent gain")
                .xAxisTitle("gain g (RW ~ N(0, g²/n) or g·Q)").yAxisTitle("λ₁ (nats/step)").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        chart.getStyler().setMarkerSize(7);
        int points = 200;
        double[] dense = new double[points];
        double[] lineZero = new double[points];
        double[] lineInput = new double[points];
        for (int i = 0; i < points; i++) {
            dense[i] = GAINS[0] * Math.pow(GAINS[GAINS.length - 1] / GAINS[0], i / (points - 1.0));
            lineZero[i] = predicted(autonomous, dense[i]);
            lineInput[i] = predicted(driven, dense[i]);
        }
        line(chart, "mean field, zero input", dense, lineZero, new Color(0, 90, 181));
        line(chart, "mean field, input variance " + INPUT_VARIANCE, dense, lineInput, new Color(220, 50, 32));
        markers(chart, "measured, Gaussian, zero input", rows, 2, new Color(0, 90, 181), SeriesMarkers.CIRCLE);
        markers(chart, "measured, orthogonal, zero input", rows, 4, new Color(0, 150, 60), SeriesMarkers.DIAMOND);
        markers(chart, "measured, Gaussian, input variance " + INPUT_VARIANCE, rows, 7, new Color(220, 50, 32),
                SeriesMarkers.SQUARE);
        line(chart, "edge of chaos (λ₁ = 0)", new double[] {GAINS[0], GAINS[GAINS.length - 1]}, new double[] {0, 0},
                Color.GRAY);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(2f));
    }

    private static void markers(XYChart chart, String name, List<double[]> rows, int column, Color color,
                                org.knowm.xchart.style.markers.Marker marker) {
        double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] y = rows.stream().mapToDouble(r -> r[column]).toArray();
        double[] error = rows.stream().mapToDouble(r -> r[column + 1]).toArray();
        XYSeries series = chart.addSeries(name, x, y, error);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(color);
    }
}
