package io.github.chaoswatch.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page and its assets, served from this jar: a fixed list of names, so no request can reach any other resource
 * (no path tricks), each read once and cached.
 */
final class PageAssets {

    /** An asset's bytes and content type. */
    record Asset(byte[] bytes, String contentType) {
    }

    private static final String ECHARTS_PROPERTIES = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final String JS = "application/javascript; charset=utf-8";

    /** Where an asset comes from; a null path stands for ECharts in its WebJar. */
    private record Source(String path, String contentType) {
    }

    private static final Map<String, Source> SOURCES = Map.of(
            "index.html", new Source("chaoswatch/index.html", "text/html; charset=utf-8"),
            "chaoswatch.js", new Source("chaoswatch/chaoswatch.js", JS),
            "chaoswatch.css", new Source("chaoswatch/chaoswatch.css", "text/css; charset=utf-8"),
            "echarts.min.js", new Source(null, JS));

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** Returns the asset called {@code name}, if it is one of the page's. */
    Optional<Asset> get(String name) {
        Source source = name == null ? null : SOURCES.get(name);
        if (source == null) {
            return Optional.empty();
        }
        return Optional.of(cache.computeIfAbsent(name, n -> new Asset(
                read(source.path() != null ? source.path() : echartsPath()), source.contentType())));
    }

    /** The minified ECharts of the WebJar on the classpath, whatever its version. */
    private static String echartsPath() {
        Properties p = new Properties();
        try (InputStream in = resource(ECHARTS_PROPERTIES)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "META-INF/resources/webjars/echarts/" + p.getProperty("version") + "/dist/echarts.min.js";
    }

    private static byte[] read(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = PageAssets.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("chaoswatch-ui resource " + path + " is missing from the classpath;"
                    + " is the jar complete (and the echarts WebJar beside it)?");
        }
        return in;
    }
}
