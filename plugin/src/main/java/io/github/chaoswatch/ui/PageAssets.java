package io.github.chaoswatch.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page and its assets, served from this jar: a fixed list of names, so no request can reach any other resource
 * (no path tricks), each read once and cached.
 */
final class PageAssets {

    /** An asset's bytes and content type. */
    record Asset(byte[] bytes, String contentType) {
    }

    private static final String JS = "application/javascript; charset=utf-8";

    /** Where an asset comes from (ECharts is copied from its WebJar at build time). */
    private record Source(String path, String contentType) {
    }

    private static final Map<String, Source> SOURCES = Map.of(
            "index.html", new Source("chaoswatch/index.html", "text/html; charset=utf-8"),
            "chaoswatch.js", new Source("chaoswatch/chaoswatch.js", JS),
            "chaoswatch.css", new Source("chaoswatch/chaoswatch.css", "text/css; charset=utf-8"),
            "echarts.min.js", new Source("chaoswatch/echarts.min.js", JS));

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /** Returns the asset called {@code name}, if it is one of the page's. */
    Optional<Asset> get(String name) {
        Source source = name == null ? null : SOURCES.get(name);
        if (source == null) {
            return Optional.empty();
        }
        return Optional.of(cache.computeIfAbsent(name, n -> new Asset(read(source.path()), source.contentType())));
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
                    + " is the chaoswatch-ui jar complete?");
        }
        return in;
    }
}
