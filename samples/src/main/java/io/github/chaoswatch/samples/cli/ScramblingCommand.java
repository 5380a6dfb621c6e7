package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.liyorke.ChaosProbability;
import io.github.chaoswatch.liyorke.ChaosProbabilityReport;
import io.github.chaoswatch.liyorke.ProbabilityEstimate;
import io.github.chaoswatch.liyorke.RandomScalarRnn;
import org.knowm.xchart.BitmapEncoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code chaoswatch scrambling}: how often the scrambling paper's random scalar network has period 3, hence is
 * Li–Yorke chaotic, over widths × weight scales × initializations (THEORY.md §4.3; src/site/markdown/scrambling.md).
 * Writes {@code scrambling-probability.md} and {@code scrambling-probability.png} into the output directory.
 */
@Command(name = "scrambling", mixinStandardHelpOptions = true,
        description = {"Li-Yorke chaos of random scalar RNNs: P(period 3) over widths and scales, He and Glorot.", "",
            "Reproduces the scrambling paper (Chatziafratis et al. 2022) with Wilson 95% intervals and writes",
            "scrambling-probability.md and scrambling-probability.png."})
final class ScramblingCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--widths", split = ",", paramLabel = "K",
            description = "Widths k (default: ${DEFAULT-VALUE}).", defaultValue = "16,32,64,128,256")
    private int[] widths;

    @Option(names = "--scales", split = ",", paramLabel = "S",
            description = "Weight scales s, multiplying every standard deviation (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.5,1,2")
    private double[] scales;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1000",
            description = "Networks per cell (default: ${DEFAULT-VALUE}).")
    private int seeds;

    @Option(names = "--inits", split = ",", paramLabel = "INIT", defaultValue = "HE,GLOROT",
            description = "Initializations, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private RandomScalarRnn.Initialization[] inits;

    @Option(names = "--output-function", paramLabel = "F", defaultValue = "IDENTITY",
            description = "The output function sigma_out, one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private RandomScalarRnn.OutputFunction output;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "scrambling",
            description = "Directory for scrambling-probability.md and .png (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--json", description = "Print the result as JSON instead of the table.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        ChaosProbability estimator;
        try {
            estimator = new ChaosProbability.Builder(seeds).widths(widths).scales(scales).initializations(inits)
                    .output(output).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, "scrambling", "networks");
        ChaosProbabilityReport report = estimator.estimate(bar::update);
        String table = ScramblingTable.markdown(report);
        Files.createDirectories(out);
        Path markdown = out.resolve("scrambling-probability.md");
        Path png = out.resolve("scrambling-probability.png");
        Files.writeString(markdown, table, StandardCharsets.UTF_8);
        BitmapEncoder.saveBitmap(ScramblingChart.of(report, output), png.toString(), BitmapEncoder.BitmapFormat.PNG);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(stdout, ScramblingResult.of(report, output, markdown, png));
        } else {
            stdout.print(table);
            stdout.flush();
        }
        err.println("wrote " + markdown + " and " + png);
        err.flush();
        return CommandLine.ExitCode.OK;
    }

    /**
     * The JSON form of a scrambling run.
     *
     * @param rows           one row per initialization × width × scale, in that nesting order
     * @param outputFunction σ_out
     * @param settings       the estimator's settings, for reproduction
     * @param elapsedSeconds wall-clock time of the whole run
     * @param table          the Markdown file written
     * @param plot           the PNG file written
     */
    record ScramblingResult(List<Row> rows, String outputFunction, String settings, double elapsedSeconds,
                            String table, String plot) {

        static ScramblingResult of(ChaosProbabilityReport report, RandomScalarRnn.OutputFunction output,
                                   Path table, Path plot) {
            return new ScramblingResult(report.rows().stream().map(Row::of).toList(),
                    output.name().toLowerCase(Locale.ROOT), report.settings(), report.elapsed().toMillis() / 1e3,
                    table.toString(), plot.toString());
        }
    }

    /**
     * One cell: P(period 3) = count / seeds with its Wilson 95% interval [ciLow, ciHigh].
     *
     * @param init        the initialization, "he" or "glorot"
     * @param width       k
     * @param scale       s
     * @param seeds       networks drawn
     * @param count       networks with a point of prime period 3
     * @param probability count / seeds
     * @param ciLow       lower end of the interval
     * @param ciHigh      upper end of the interval
     */
    record Row(String init, int width, double scale, int seeds, int count, double probability, double ciLow,
               double ciHigh) {

        static Row of(ProbabilityEstimate e) {
            return new Row(e.initialization().name().toLowerCase(Locale.ROOT), e.width(), e.scale(), e.seeds(),
                    e.count(), e.probability(), e.ciLow(), e.ciHigh());
        }
    }
}
