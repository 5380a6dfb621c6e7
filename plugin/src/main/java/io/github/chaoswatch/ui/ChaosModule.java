package io.github.chaoswatch.ui;

import io.github.chaoswatch.listeners.ReportJson;
import io.github.chaoswatch.listeners.storage.ChaosRecord;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.core.storage.StatsStorageEvent;
import org.deeplearning4j.ui.api.HttpMethod;
import org.deeplearning4j.ui.api.Route;
import org.deeplearning4j.ui.api.UIModule;
import org.deeplearning4j.ui.i18n.I18NResource;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The chaoswatch page of the DL4J training UI: {@code /chaoswatch}, its assets under {@code /chaoswatch/assets/} and
 * its read-only JSON under {@code /chaoswatch/api/} (see {@link ChaosApi}).
 *
 * <p>DL4J finds this module through {@code META-INF/services/org.deeplearning4j.ui.api.UIModule} when the
 * {@code chaoswatch-ui} jar is on the UI's classpath, and may construct it more than once: the constructor does no
 * I/O. It reads the records of every storage attached to the UI (in memory, {@code FileStatsStorage} reopened later,
 * or filled by {@code RemoteUIStatsStorageRouter}s of other processes) when the page asks, so it needs no events.
 * Every route is a GET; record strings reach the page only as JSON, which the page puts in as text.
 */
public final class ChaosModule implements UIModule {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosModule.class);

    /** Only this origin's scripts and styles (ECharts sets inline styles); no framing by other sites. */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"
            + " 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

    private final StoredReports stored = new StoredReports();
    private final ChaosApi api = new ChaosApi(stored);
    private final PageAssets assets = new PageAssets();
    private final ObjectMapper json = ReportJson.mapper();

    /** Creates the module (DL4J's service loader calls this). */
    public ChaosModule() {
    }

    @Override
    public List<String> getCallbackTypeIDs() {
        return List.of(ChaosRecord.TYPE_ID);
    }

    @Override
    public List<Route> getRoutes() {
        return List.of(
                new Route("/chaoswatch", HttpMethod.GET, (args, rc) -> asset(rc, "index.html")),
                new Route("/chaoswatch/assets/:name", HttpMethod.GET, (args, rc) -> asset(rc, args.get(0))),
                new Route("/chaoswatch/api/:endpoint", HttpMethod.GET, (args, rc) -> api(rc, args.get(0))));
    }

    /** The page polls the storages; events need no handling. */
    @Override
    public void reportStorageEvents(Collection<StatsStorageEvent> events) {
    }

    @Override
    public void onAttach(StatsStorage statsStorage) {
        stored.attach(statsStorage);
    }

    @Override
    public void onDetach(StatsStorage statsStorage) {
        stored.detach(statsStorage);
    }

    @Override
    public List<I18NResource> getInternationalizationResources() {
        return List.of();
    }

    private void asset(RoutingContext rc, String name) {
        assets.get(name).ifPresentOrElse(a -> {
            if (name.endsWith(".html")) {
                rc.response().putHeader("Content-Security-Policy", PAGE_POLICY);
            }
            send(rc, 200, a.contentType(), Buffer.buffer(a.bytes()));
        }, () -> error(rc, ApiException.notFound("the chaoswatch page has no asset called that")));
    }

    /**
     * Answers on a worker thread: reading a large {@code FileStatsStorage} takes a MapDB scan (about 0.2 s for 2000
     * records), which must not hold up the UI server's event loop and DL4J's own pages.
     */
    private void api(RoutingContext rc, String endpoint) {
        MultiMap query = rc.request().params();
        rc.vertx().<Answer>executeBlocking(promise -> promise.complete(answer(endpoint, new ApiParameters(query::get))),
                false, done -> {
                    Answer answer = done.succeeded() ? done.result() : failure(endpoint, done.cause());
                    if (answer.status() == 200) {
                        rc.response().putHeader("Cache-Control", "no-store");
                    }
                    send(rc, answer.status(), "application/json; charset=utf-8", answer.body());
                });
    }

    /** An API response: the status and the JSON body. */
    private record Answer(int status, Buffer body) {
    }

    private Answer answer(String endpoint, ApiParameters params) {
        try {
            return new Answer(200, Buffer.buffer(json.writeValueAsBytes(api.answer(endpoint, params))));
        } catch (ApiException e) {
            return new Answer(e.status(), errorBody(e.status(), e.getMessage()));
        } catch (JsonProcessingException | RuntimeException e) {
            return failure(endpoint, e);
        }
    }

    private Answer failure(String endpoint, Throwable e) {
        // the details (paths, say) go to the log, not to whoever can reach the port
        LOG.warn("chaoswatch UI: /chaoswatch/api/{} failed: {}", endpoint, e.toString(), e);
        return new Answer(500, errorBody(500, "could not read the stored records (" + e.getClass().getSimpleName()
                + "; details in the UI server's log). The UI keeps running; a storage file may be damaged."));
    }

    private void error(RoutingContext rc, ApiException e) {
        send(rc, e.status(), "application/json; charset=utf-8", errorBody(e.status(), e.getMessage()));
    }

    private Buffer errorBody(int status, String message) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(Map.of("status", status, "error", message)));
        } catch (JsonProcessingException e) {
            return Buffer.buffer("{\"status\":" + status + "}");
        }
    }

    private static void send(RoutingContext rc, int status, String contentType, Buffer body) {
        rc.response().setStatusCode(status)
                .putHeader("Content-Type", contentType)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .end(body);
    }
}
