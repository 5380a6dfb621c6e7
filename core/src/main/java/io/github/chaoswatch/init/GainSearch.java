package io.github.chaoswatch.init;

import io.github.chaoswatch.lyapunov.Drive;
import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@link GainCalibrator} search on a working copy of the network: coarse scan, geometric extension, bisection,
 * with every measurement kept on the curve (THEORY.md §5.3). Every gain is measured by the same estimator (same
 * seed): common random numbers. Not thread-safe; used once.
 */
final class GainSearch {

    private static final Logger LOG = LoggerFactory.getLogger(GainCalibrator.class);

    private final MultiLayerNetwork work;
    private final RecurrentWeights weights;
    private final INDArray base;
    private final double initialGain;
    private final Drive drive;
    private final SpectrumEstimator estimator;
    private final double target;
    private final Settings settings;
    private final List<CalibrationPoint> curve = new ArrayList<>();
    private GainCalibration.Status status = GainCalibration.Status.NO_BRACKET;
    private CalibrationPoint best;

    /**
     * The search settings of {@link GainCalibrator}.
     *
     * @param exponentTolerance tol_λ, nats per step
     * @param gainTolerance     tol_g, relative
     * @param minScanGain       lower end of the coarse scan
     * @param maxScanGain       upper end of the coarse scan
     * @param scanPoints        gains in the coarse scan
     * @param maxEvaluations    budget of spectrum estimates
     */
    record Settings(double exponentTolerance, double gainTolerance, double minScanGain, double maxScanGain,
                    int scanPoints, int maxEvaluations) {
    }

    /**
     * Prepares a search that writes base·(g/initialGain) into the gate blocks of {@code work} for each gain g.
     */
    GainSearch(MultiLayerNetwork work, RecurrentWeights weights, INDArray base, double initialGain, Drive drive,
               SpectrumEstimator estimator, double target, Settings settings) {
        this.work = work;
        this.weights = weights;
        this.base = base;
        this.initialGain = initialGain;
        this.drive = drive;
        this.estimator = estimator;
        this.target = target;
        this.settings = settings;
    }

    /** Runs the search; afterwards {@link #status()}, {@link #best()} and {@link #curve()} hold the outcome. */
    void run() {
        List<CalibrationPoint> scan = new ArrayList<>();
        double ratio = settings.maxScanGain() / settings.minScanGain();
        for (int j = 0; j < settings.scanPoints(); j++) {
            scan.add(evaluate(settings.minScanGain() * Math.pow(ratio, j / (settings.scanPoints() - 1.0))));
        }
        CalibrationPoint[] bracket = firstBracket(scan);
        // Without a sign change the whole scan lies on one side: extend the range on the side that can reach it.
        boolean allAbove = scan.stream().allMatch(p -> p.excess(target) >= 0);
        CalibrationPoint previous = allAbove ? scan.get(0) : scan.get(scan.size() - 1);
        for (int e = 0; bracket == null && e < GainCalibrator.MAX_EXPANSIONS
                && curve.size() < settings.maxEvaluations(); e++) {
            CalibrationPoint p = evaluate(allAbove ? previous.gain() / 2 : previous.gain() * 2);
            if ((p.excess(target) < 0) == allAbove) {
                bracket = allAbove ? new CalibrationPoint[] {p, previous} : new CalibrationPoint[] {previous, p};
            }
            previous = p;
        }
        if (bracket == null) {
            best = closest(curve);
            return;
        }
        bisect(bracket[0], bracket[1]);
    }

    /** Returns how the search ended. */
    GainCalibration.Status status() {
        return status;
    }

    /** Returns the measured point closest to the target (inside the bracket when there is one). */
    CalibrationPoint best() {
        return best;
    }

    /** Returns every measurement, in order. */
    List<CalibrationPoint> curve() {
        return List.copyOf(curve);
    }

    /** Bisects in log-gain between a point below the target and one above it. */
    private void bisect(CalibrationPoint below, CalibrationPoint above) {
        best = closest(List.of(below, above));
        status = GainCalibration.Status.NOT_CONVERGED;
        if (withinTolerance(best)) {
            status = GainCalibration.Status.CALIBRATED;
            return;
        }
        while (true) {
            double width = Math.abs(above.gain() - below.gain());
            if (width <= settings.gainTolerance() * Math.max(above.gain(), below.gain())) {
                status = GainCalibration.Status.CALIBRATED;
                return;
            }
            if (curve.size() >= settings.maxEvaluations()) {
                return;
            }
            CalibrationPoint middle = evaluate(Math.sqrt(below.gain() * above.gain()));
            best = closest(List.of(best, middle));
            if (withinTolerance(middle)) {
                best = middle;
                status = GainCalibration.Status.CALIBRATED;
                return;
            }
            if (middle.excess(target) < 0) {
                below = middle;
            } else {
                above = middle;
            }
        }
    }

    /** THEORY.md §5.3: |λ_1 − λ*| ≤ max(tol_λ, 2·SE). */
    private boolean withinTolerance(CalibrationPoint p) {
        return p.isOk() && Math.abs(p.excess(target))
                <= Math.max(settings.exponentTolerance(), 2 * p.standardError());
    }

    private CalibrationPoint evaluate(double gain) {
        weights.write(work, base, gain / initialGain);
        LyapunovSpectrum spectrum = estimator.estimate(GainCalibrator.dynamics(work, weights.name()), drive);
        CalibrationPoint point = CalibrationPoint.of(gain, spectrum);
        curve.add(point);
        LOG.debug("{}: evaluation {} at gain {}: {}", weights.name(), curve.size(), gain, spectrum);
        return point;
    }

    /** Returns {below, above} for the first adjacent pair of scan points with a sign change, or null. */
    private CalibrationPoint[] firstBracket(List<CalibrationPoint> scan) {
        for (int j = 0; j + 1 < scan.size(); j++) {
            CalibrationPoint a = scan.get(j);
            CalibrationPoint b = scan.get(j + 1);
            boolean aBelow = a.excess(target) < 0;
            if (aBelow != b.excess(target) < 0) {
                return aBelow ? new CalibrationPoint[] {a, b} : new CalibrationPoint[] {b, a};
            }
        }
        return null;
    }

    private CalibrationPoint closest(List<CalibrationPoint> points) {
        CalibrationPoint closest = null;
        for (CalibrationPoint p : points) {
            if (closest == null || Math.abs(p.excess(target)) < Math.abs(closest.excess(target))) {
                closest = p;
            }
        }
        return closest;
    }
}
