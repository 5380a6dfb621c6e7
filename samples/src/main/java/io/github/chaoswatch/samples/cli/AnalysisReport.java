package io.github.chaoswatch.samples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Writes the files of {@code chaoswatch analyze}: {@code report.json}, one {@code spectrum-NAME.png} per dynamics,
 * and {@code report.html}, a self-contained page (the plots are embedded, no script, no external resource) with the
 * summary table. Everything taken from the model (layer names) is HTML-escaped.
 */
final class AnalysisReport {

    private AnalysisReport() {
    }

    /** Writes the report into {@code directory} (created if needed) and returns the HTML file. */
    static Path write(AnalysisResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        JsonOutput.write(directory.resolve("report.json"), result);
        List<String> figures = new ArrayList<>();
        List<AnalysisResult.Layer> layers = result.layers();
        for (int i = 0; i < layers.size(); i++) {
            AnalysisResult.Layer layer = layers.get(i);
            byte[] png = SpectrumChart.png(layer);
            // numbered: two names may clean to the same file name
            String file = String.format(Locale.ROOT, "spectrum-%02d-%s.png", i + 1,
                    layer.name().replaceAll("[^A-Za-z0-9_.-]", "_"));
            Files.write(directory.resolve(file), png);
            figures.add("<figure><img alt=\"spectrum of " + escape(layer.name()) + "\" src=\"data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(png) + "\"><figcaption>" + escape(file)
                    + "</figcaption></figure>");
        }
        Path html = directory.resolve("report.html");
        Files.writeString(html, html(result, figures), StandardCharsets.UTF_8);
        return html;
    }

    private static String html(AnalysisResult result, List<String> figures) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>chaoswatch: ")
                .append(escape(result.model())).append("</title>\n<style>body{font-family:sans-serif;margin:2em;"
                        + "max-width:1100px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;"
                        + "text-align:right}td:first-child,th:first-child{text-align:left}.CHAOTIC{color:#b00}"
                        + ".ORDERED{color:#05a}.EDGE{color:#080}figure{display:inline-block;margin:0.5em}</style>"
                        + "</head><body>\n");
        page.append("<h1>chaoswatch analysis</h1>\n<p>Model <code>").append(escape(result.model())).append("</code> (")
                .append(escape(result.modelType())).append("), inputs: ").append(escape(result.inputs()))
                .append(". Exponents in nats per time step; regimes from lambda1 &plusmn; 2 SE with &epsilon; = 0.01"
                        + " (CHAOTIC above, ORDERED below, EDGE within).</p>\n");
        page.append("<table><tr><th>dynamics</th><th>type</th><th>D</th><th>&lambda;<sub>1</sub> (zero input)</th>"
                + "<th>positive</th><th>D<sub>KY</sub></th><th>regime</th><th>pairs</th>"
                + "<th>&lambda;<sub>1</sub> driven</th><th>regime driven</th></tr>\n");
        for (AnalysisResult.Layer layer : result.layers()) {
            AnalysisResult.Spectrum s = layer.spectrum();
            page.append("<tr><td>").append(escape(layer.name())).append("</td><td>").append(escape(layer.type()))
                    .append("</td><td>").append(layer.stateSize()).append("</td><td>")
                    .append(lambda(s)).append("</td><td>").append(s.positiveCount()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", s.kaplanYorke()))
                    .append("AT_LEAST".equals(s.kaplanYorkeKind()) ? "+" : "").append("</td>")
                    .append(regimeCell(layer.regime())).append("<td>")
                    .append(layer.scrambling() == null ? "" : layer.scrambling().verdict()).append("</td><td>")
                    .append(layer.driven() == null ? "" : lambda(layer.driven().spectrum())).append("</td>")
                    .append(layer.driven() == null ? "<td></td>" : regimeCell(layer.driven().regime()))
                    .append("</tr>\n");
        }
        page.append("</table>\n<h2>Spectra</h2>\n");
        figures.forEach(f -> page.append(f).append('\n'));
        page.append("<h2>Settings</h2>\n<p><code>").append(escape(result.settings()))
                .append("</code></p>\n<p>Data: report.json beside this page.</p>\n</body></html>\n");
        return page.toString();
    }

    private static String lambda(AnalysisResult.Spectrum s) {
        return String.format(Locale.ROOT, "%.4f &plusmn; %.4f", s.max(), s.maxStandardError());
    }

    private static String regimeCell(String regime) {
        return "<td class=\"" + escape(regime) + "\">" + escape(regime) + "</td>";
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
