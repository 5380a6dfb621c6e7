package io.github.chaoswatch.ui;

import io.github.chaoswatch.listeners.storage.ChaosRecord;
import io.github.chaoswatch.listeners.storage.ChaosReportRecord;
import io.github.chaoswatch.listeners.storage.ChaosStaticInfoRecord;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.model.stats.BaseStatsListener;
import org.deeplearning4j.ui.model.stats.api.StatsReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Read-only access to the chaoswatch records of every storage attached to the UI: which sessions and workers there
 * are, their reports after an iteration, their static info, and DL4J's own training score for the same run.
 * Nothing here writes to a storage.
 */
final class StoredReports {

    private final List<StatsStorage> storages = new CopyOnWriteArrayList<>();

    void attach(StatsStorage storage) {
        if (!storages.contains(storage)) {
            storages.add(storage);
        }
    }

    void detach(StatsStorage storage) {
        storages.remove(storage);
    }

    /**
     * Returns the sessions with chaoswatch records in every storage that could be read, and one message per storage
     * or file that could not (a damaged file, say, see {@link StatsFiles}) in {@code errors}.
     */
    List<SessionSummary> sessions(List<String> errors) {
        List<SessionSummary> sessions = new ArrayList<>();
        errors.addAll(StatsFiles.openFailures());
        for (StatsStorage storage : storages) {
            try {
                for (String session : storage.listSessionIDs()) {
                    List<String> workers = storage.listWorkerIDsForSessionAndType(session, ChaosRecord.TYPE_ID);
                    if (workers.isEmpty()) {
                        continue;
                    }
                    List<WorkerSummary> summaries = new ArrayList<>();
                    for (String worker : workers) {
                        summaries.add(new WorkerSummary(worker,
                                storage.getNumUpdateRecordsFor(session, ChaosRecord.TYPE_ID, worker)));
                    }
                    sessions.add(new SessionSummary(session, summaries));
                }
            } catch (RuntimeException e) {
                errors.add("could not read " + storage + ": " + e);
            }
        }
        sessions.sort(Comparator.comparing(SessionSummary::id));
        return sessions;
    }

    /**
     * Returns the reports of {@code worker} in {@code session} stored after timestamp {@code after} (the storage key,
     * unique per worker) and after iteration {@code since}, in storage order.
     */
    List<ChaosReportRecord> reports(String session, String worker, long after, long since) {
        StatsStorage storage = storageOf(session, worker);
        List<ChaosReportRecord> out = new ArrayList<>();
        for (Persistable p : storage.getAllUpdatesAfter(session, ChaosRecord.TYPE_ID, worker, after)) {
            if (p instanceof ChaosReportRecord r && r.report().iteration() > since) {
                out.add(r);
            }
        }
        return out;
    }

    /** Returns what the listener posted about the model and itself, if it did. */
    Optional<ChaosStaticInfoRecord> staticInfo(String session, String worker) {
        Persistable info = storageOf(session, worker).getStaticInfo(session, ChaosRecord.TYPE_ID, worker);
        return info instanceof ChaosStaticInfoRecord r ? Optional.of(r) : Optional.empty();
    }

    /**
     * Returns DL4J's {@code StatsListener} scores of the run stored after timestamp {@code after} and after iteration
     * {@code since}: from the same worker id, or from the only StatsListener worker of the session; empty when the
     * session has none (the listeners were given different session ids).
     */
    Scores scores(String session, String worker, long after, long since) {
        StatsStorage storage = storageOf(session, worker);
        List<String> statsWorkers = storage.listWorkerIDsForSessionAndType(session, BaseStatsListener.TYPE_ID);
        String statsWorker = statsWorkers.contains(worker) ? worker
                : statsWorkers.size() == 1 ? statsWorkers.get(0) : null;
        if (statsWorker == null) {
            return new Scores(null, List.of(), after);
        }
        List<double[]> points = new ArrayList<>();
        long last = after;
        for (Persistable p : storage.getAllUpdatesAfter(session, BaseStatsListener.TYPE_ID, statsWorker, after)) {
            last = Math.max(last, p.getTimeStamp());
            if (p instanceof StatsReport r && r.getIterationCount() > since) {
                points.add(new double[] {r.getIterationCount(), r.getScore()});
            }
        }
        return new Scores(statsWorker, points, last);
    }

    private StatsStorage storageOf(String session, String worker) {
        for (StatsStorage storage : storages) {
            if (storage.sessionExists(session)
                    && storage.listWorkerIDsForSessionAndType(session, ChaosRecord.TYPE_ID).contains(worker)) {
                return storage;
            }
        }
        throw ApiException.notFound("no chaoswatch records for session '" + session + "' and worker '" + worker
                + "' in the attached storages (see /chaoswatch/api/sessions)");
    }

    /** A session with chaoswatch records. */
    record SessionSummary(String id, List<WorkerSummary> workers) {
    }

    /** A worker of a session and how many reports it has stored. */
    record WorkerSummary(String id, int reports) {
    }

    /**
     * DL4J's training score per iteration ([iteration, score] pairs), the StatsListener worker it came from, and the
     * timestamp of the latest record read (where the next incremental read starts).
     */
    record Scores(String statsWorker, List<double[]> points, long lastTimestamp) {
    }
}
