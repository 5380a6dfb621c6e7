package io.github.chaoswatch.ui;

import io.github.chaoswatch.listeners.Alert;
import io.github.chaoswatch.listeners.Regime;
import io.github.chaoswatch.listeners.RegimeSnapshot;
import io.github.chaoswatch.listeners.storage.ChaosReportRecord;
import io.github.chaoswatch.listeners.storage.ChaosStaticInfoRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON endpoints under {@code /chaoswatch/api/}: each takes validated parameters and returns the value to write
 * as JSON. Read-only; the page polls them.
 * <pre>
 *   sessions                          sessions and workers with chaoswatch records, and unreadable storages
 *   reports?session=&amp;worker=&amp;after=&amp;since=  reports stored after timestamp {@code after} and iteration
 *                                     {@code since}, each with the regimes held after it
 *   alerts?session=&amp;worker=           the regimes held now, the alerts still active, the latest alerts
 *   scores?session=&amp;worker=&amp;after=&amp;since=  DL4J's training score of the same run (its StatsListener's),
 *                                     and the timestamp to pass as {@code after} next time
 *   info?session=&amp;worker=             the model and listener settings the listener posted
 * </pre>
 */
final class ChaosApi {

    /** Most past alerts the alerts endpoint lists. */
    static final int RECENT_ALERTS = 50;

    private final StoredReports stored;

    ChaosApi(StoredReports stored) {
        this.stored = stored;
    }

    /** Answers endpoint {@code name}; unknown names are a 404. */
    Object answer(String name, ApiParameters params) {
        return switch (name) {
            case "sessions" -> sessions();
            case "reports" -> reports(params.id("session"), params.id("worker"), params.after("after"),
                    params.since("since"));
            case "alerts" -> alerts(params.id("session"), params.id("worker"));
            case "scores" -> scores(params.id("session"), params.id("worker"), params.after("after"),
                    params.since("since"));
            case "info" -> info(params.id("session"), params.id("worker"));
            default -> throw ApiException.notFound("no endpoint '" + name + "'; there are sessions, reports, alerts,"
                    + " scores and info");
        };
    }

    private Map<String, Object> sessions() {
        List<String> errors = new ArrayList<>();
        List<StoredReports.SessionSummary> sessions = stored.sessions(errors);
        return Map.of("sessions", sessions, "errors", errors);
    }

    private Map<String, Object> reports(String session, String worker, long after, long since) {
        List<Map<String, Object>> reports = new ArrayList<>();
        for (ChaosReportRecord r : stored.reports(session, worker, after, since)) {
            reports.add(Map.of("report", r.report(), "regimes", r.regimes()));
        }
        return Map.of("session", session, "worker", worker, "reports", reports);
    }

    private Map<String, Object> alerts(String session, String worker) {
        List<ChaosReportRecord> records = stored.reports(session, worker, 0, -1);
        RegimeSnapshot latest = records.isEmpty() ? null : records.get(records.size() - 1).regimes();
        List<Alert> fired = records.stream().flatMap(r -> r.regimes().fired().stream()).toList();
        Map<String, Set<Regime>> held = latest == null ? Map.of() : latest.held();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("iteration", records.isEmpty() ? null : records.get(records.size() - 1).report().iteration());
        out.put("held", held);
        out.put("active", active(fired, held));
        out.put("recent", fired.subList(Math.max(0, fired.size() - RECENT_ALERTS), fired.size()));
        out.put("epsilonNats", latest == null ? null : latest.epsilonNats());
        out.put("toleranceFactor", latest == null ? null : latest.toleranceFactor());
        return out;
    }

    /** The latest alert of every (layer, regime) that is still held. */
    static List<Alert> active(List<Alert> fired, Map<String, Set<Regime>> held) {
        Map<String, Alert> latest = new LinkedHashMap<>();
        for (Alert a : fired) {
            if (held.getOrDefault(a.layer(), Set.of()).contains(a.regime())) {
                String key = a.layer() + '\u0000' + a.regime();
                latest.remove(key);
                latest.put(key, a);
            }
        }
        return List.copyOf(latest.values());
    }

    private Map<String, Object> scores(String session, String worker, long after, long since) {
        StoredReports.Scores scores = stored.scores(session, worker, after, since);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statsWorker", scores.statsWorker());
        out.put("scores", scores.points());
        out.put("lastTimestamp", scores.lastTimestamp());
        return out;
    }

    private Map<String, Object> info(String session, String worker) {
        ChaosStaticInfoRecord info = stored.staticInfo(session, worker).orElseThrow(() -> ApiException.notFound(
                "the listener of session '" + session + "' posted no static info (it does once the model is built)"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("modelClass", info.modelClass());
        out.put("modelSummary", info.modelSummary());
        out.put("listenerSettings", info.listenerSettings());
        out.put("version", info.version());
        return out;
    }
}
