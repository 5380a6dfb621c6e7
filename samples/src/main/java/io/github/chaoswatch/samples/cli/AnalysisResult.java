package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.liyorke.ScramblingReport;
import io.github.chaoswatch.liyorke.ScramblingVerdict;
import io.github.chaoswatch.lyapunov.LyapunovSpectrum;
import org.nd4j.shade.jackson.annotation.JsonInclude;

import java.util.Arrays;
import java.util.List;

/**
 * What {@code chaoswatch analyze} found, as written to {@code report.json} and printed with {@code --json}.
 *
 * @param model     the model file
 * @param modelType MultiLayerNetwork or ComputationGraph
 * @param inputs    what drove the driven spectra: "none", "random" or the CSV file
 * @param settings  the estimator's settings, for reproduction
 * @param layers    every analysed dynamics: layers (one per direction of a bidirectional layer), then stacks
 */
record AnalysisResult(String model, String modelType, String inputs, String settings, List<Layer> layers) {

    /** Copies the layers. */
    AnalysisResult {
        layers = List.copyOf(layers);
    }

    /**
     * One analysed dynamics.
     *
     * @param name       the layer (or direction, or stack) name
     * @param type       the DL4J layer type, or the stacked types
     * @param stateSize  D (2n for LSTM: the state is (h, c))
     * @param regime     the regime of {@code spectrum}: CHAOTIC, EDGE, ORDERED, or UNDECIDED when λ₁ lies too close
     *                   to the band's edge for its standard error (AlertPolicy defaults, ε = 0.01 nats/step)
     * @param spectrum   the autonomous spectrum (zero input: the intrinsic dynamics)
     * @param scrambling the scrambled-pair test on zero input (layers only; absent for stacks)
     * @param driven     the spectrum under the inputs, when inputs were given
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Layer(String name, String type, int stateSize, String regime, Spectrum spectrum, Scrambling scrambling,
                 Driven driven) {
    }

    /**
     * The analysis under the given inputs.
     *
     * @param regime     the regime of this spectrum, as for {@link Layer#regime()}
     * @param spectrum   the driven spectrum
     * @param scrambling the scrambled-pair test under the first input sequence (layers only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Driven(String regime, Spectrum spectrum, Scrambling scrambling) {
    }

    /**
     * A Lyapunov spectrum in nats per step.
     *
     * @param status           OK or DIVERGED
     * @param exponents        λ₁ ≥ … ≥ λ_k
     * @param standardErrors   SE of each exponent across trajectories
     * @param max              λ₁
     * @param maxStandardError SE of λ₁
     * @param positiveCount    exponents with λ − 2·SE &gt; 0
     * @param kaplanYorke      the Kaplan–Yorke dimension (a lower bound when {@code kaplanYorkeKind} is AT_LEAST)
     * @param kaplanYorkeKind  DETERMINED, AT_LEAST or NOT_DISSIPATIVE
     * @param entropyBound     Σλ⁺
     * @param converged        the doubling check passed
     */
    record Spectrum(String status, List<Double> exponents, List<Double> standardErrors, double max,
                    double maxStandardError, int positiveCount, double kaplanYorke, String kaplanYorkeKind,
                    double entropyBound, boolean converged) {

        static Spectrum of(LyapunovSpectrum s) {
            return new Spectrum(s.status().name(), nats(s, s.exponents()), nats(s, s.standardErrors()),
                    s.unit().toNats(s.max()), s.unit().toNats(s.maxStandardError()), s.positiveCount(),
                    s.kaplanYorke().value(), s.kaplanYorke().kind().name(), s.unit().toNats(s.entropyBound()),
                    s.converged());
        }

        private static List<Double> nats(LyapunovSpectrum s, double[] values) {
            return Arrays.stream(values).map(v -> s.unit().toNats(v)).boxed().toList();
        }
    }

    /**
     * The scrambled-pair test (THEORY.md §4.7): the overall verdict and how many pairs gave each verdict.
     *
     * @param verdict       ASYMPTOTIC, SCRAMBLED_LIKE, SEPARATED or DIVERGED
     * @param scrambledLike pairs that separated, returned and separated again
     * @param separated     pairs that separated for good
     * @param asymptotic    pairs that converged
     * @param pairs         pairs tested
     */
    record Scrambling(String verdict, long scrambledLike, long separated, long asymptotic, int pairs) {

        static Scrambling of(ScramblingReport r) {
            return new Scrambling(r.verdict().name(), r.count(ScramblingVerdict.SCRAMBLED_LIKE),
                    r.count(ScramblingVerdict.SEPARATED), r.count(ScramblingVerdict.ASYMPTOTIC), r.pairs().size());
        }
    }
}
