package io.github.chaoswatch.listeners;

import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transient side of a {@link ChaosListener}: its single background worker, the report and alert history, the
 * regime tracker, and the sinks. Rebuilt lazily after deserialization.
 */
final class ListenerRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosListener.class);

    /** Seconds an idle worker thread lives before it ends (a new one starts with the next round). */
    private static final long IDLE_WORKER_SECONDS = 60;

    private final ChaosListener listener;
    private final ChaosAnalysis analysis;
    private final RegimeTracker tracker;
    private final ExecutorService worker;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Deque<ChaosReport> reports = new ArrayDeque<>();
    private final Deque<Alert> alerts = new ArrayDeque<>();
    private final Set<String> loggedFailures = new HashSet<>();
    final AtomicLong skipped = new AtomicLong();
    private final AtomicLong lastTimestamp = new AtomicLong();
    volatile INDArray capturedProbe;
    /** Why no probe can be captured from the training inputs, if that is known. */
    volatile String probeProblem;
    /** The model this listener watches: the first one it was scheduled on (weak, never kept alive by us). */
    private volatile WeakReference<Model> watched = new WeakReference<>(null);
    volatile boolean stopRequested;
    volatile int lastIteration;
    private volatile Throwable fastFailure;
    /** Static info with the model's summary was posted; until then a partial one announces the session. */
    private volatile boolean staticInfoPosted;
    private boolean sessionAnnounced;
    private final Object staticInfoLock = new Object();

    ListenerRuntime(ChaosListener listener, ChaosAnalysis analysis) {
        this.listener = listener;
        this.analysis = analysis;
        this.tracker = new RegimeTracker(listener.alertPolicy());
        // One daemon worker, started on demand and ended after a minute idle: a listener that is never closed (a
        // forgotten one, or a clone) holds no thread.
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, IDLE_WORKER_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "chaoswatch-analysis-" + listener.getSessionID());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        this.worker = executor;
    }

    /** On the training thread: copy the model and hand it to the worker, or skip if it is busy. */
    void schedule(Model model, long iteration, int epoch) {
        if (!watches(model)) {
            reject(iteration, epoch, new IllegalStateException("this ChaosListener (session " + listener
                    .getSessionID() + ") already watches another model; a listener's history and alert state"
                    + " belong to one model: give each model its own listener (listener.clone() has the same"
                    + " settings and session)"));
            return;
        }
        INDArray probe = listener.configuredProbe() != null ? listener.configuredProbe() : capturedProbe;
        if (probe == null && probeProblem != null) {
            reject(iteration, epoch, new IllegalArgumentException(probeProblem));
            return;
        }
        if (probe == null) {
            skipped.incrementAndGet();
            LOG.debug("chaoswatch: no probe sequences yet at iteration {}; round skipped", iteration);
            return;
        }
        if (!busy.compareAndSet(false, true)) {
            skipped.incrementAndGet();
            return;
        }
        long timestamp = uniqueTimestamp();
        ModelSnapshot snapshot;
        try {
            snapshot = ModelSnapshot.of(model);
        } catch (RuntimeException e) {
            busy.set(false);
            if (listener.failFast()) {
                fastFailure = e;
            }
            deliver(failed(iteration, epoch, timestamp, e), null, null);
            return;
        }
        try {
            worker.execute(() -> analyse(snapshot, probe, iteration, epoch, timestamp));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            busy.set(false);
            skipped.incrementAndGet();
        }
    }

    /** Returns true if {@code model} is the one this listener watches (the first it saw). */
    private boolean watches(Model model) {
        Model first = watched.get();
        if (first == null) {
            synchronized (this) {
                first = watched.get();
                if (first == null) {
                    watched = new WeakReference<>(model);
                    return true;
                }
            }
        }
        return first == model;
    }

    /** On the training thread: records a round that cannot be analysed as a FAILED report (fail-fast aware). */
    private void reject(long iteration, int epoch, RuntimeException problem) {
        if (listener.failFast()) {
            fastFailure = problem;
        }
        deliver(failed(iteration, epoch, uniqueTimestamp(), problem), null, null);
    }

    private void analyse(ModelSnapshot snapshot, INDArray probe, long iteration, int epoch, long timestamp) {
        try {
            ChaosReport report;
            Model rebuilt = null;
            try {
                report = analysis.run(snapshot, probe, iteration, epoch, timestamp);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                report = failed(iteration, epoch, timestamp, e);
                if (listener.failFast()) {
                    fastFailure = e;
                }
            }
            if (!staticInfoPosted && listener.getStorageRouter() != null) {
                try {
                    rebuilt = snapshot.rebuild();
                } catch (RuntimeException e) {
                    LOG.warn("chaoswatch: cannot rebuild the model for the storage static info: {}", e.toString());
                }
            }
            deliver(report, snapshot, rebuilt);
        } finally {
            busy.set(false);
        }
    }

    private ChaosReport failed(long iteration, int epoch, long timestamp, Throwable e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        synchronized (loggedFailures) {
            if (loggedFailures.add(message)) {
                LOG.warn("chaoswatch analysis failed at iteration {} (training continues; further identical failures"
                        + " are logged at DEBUG): {}", iteration, message, e);
            } else {
                LOG.debug("chaoswatch analysis failed again at iteration {}: {}", iteration, message);
            }
        }
        return new ChaosReport(iteration, epoch, timestamp, 0, ChaosReport.Status.FAILED, message, List.of());
    }

    /** Records the report, fires alerts, exports and routes; every sink's failure is logged, never thrown. */
    private void deliver(ChaosReport report, ModelSnapshot snapshot, Model rebuilt) {
        List<Alert> fired;
        Map<String, Set<Regime>> held;
        synchronized (this) {
            add(reports, report);
            fired = tracker.update(report);
            fired.forEach(a -> add(alerts, a));
            held = tracker.held();
        }
        AlertPolicy policy = listener.alertPolicy();
        for (Alert alert : fired) {
            if (policy.logAlerts()) {
                LOG.warn("chaoswatch: {}", alert.message());
            }
            if (policy.stopOn().contains(alert.regime())) {
                stopRequested = true;
            }
            for (AlertSink sink : policy.sinks()) {
                guard("alert sink", () -> sink.accept(alert));
            }
        }
        for (ReportExporter exporter : listener.exporters()) {
            guard("exporter " + exporter, () -> exporter.export(report));
        }
        StatsStorageRouter router = listener.getStorageRouter();
        if (router != null) {
            // DL4J's storages list a session only once it has static info: announce it even if no round has
            // analysed the model yet (its reports would be invisible), and complete the info when one has.
            // Rounds rejected on the training thread deliver concurrently with the worker: decide and post under
            // one lock, so a partial info can never overwrite the full one.
            synchronized (staticInfoLock) {
                if (!staticInfoPosted && (rebuilt != null || !sessionAnnounced)) {
                    guard("storage router", () -> router.putStaticInfo(listener.staticInfo(snapshot, rebuilt,
                            uniqueTimestamp())));
                    sessionAnnounced = true;
                    staticInfoPosted = rebuilt != null;
                }
            }
            RegimeSnapshot regimes = new RegimeSnapshot(held, fired, policy.epsilonNats(), policy.toleranceFactor());
            guard("storage router", () -> router.putUpdate(listener.record(report, regimes,
                    report.timestampMillis())));
        }
    }

    private <T> void add(Deque<T> history, T item) {
        history.addLast(item);
        while (history.size() > listener.historySize()) {
            history.removeFirst();
        }
    }

    /** Runs a sink; anything it throws short of a JVM failure is logged, never passed on to training. */
    private static void guard(String what, Runnable action) {
        try {
            action.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("chaoswatch: {} failed; training continues: {}", what, e.toString(), e);
        }
    }

    /** A wall-clock timestamp strictly greater than the previous one, so two records never share a storage key. */
    private long uniqueTimestamp() {
        return lastTimestamp.updateAndGet(last -> Math.max(System.currentTimeMillis(), last + 1));
    }

    void rethrowIfFailedFast() {
        Throwable failure = fastFailure;
        if (failure != null) {
            fastFailure = null;
            throw new IllegalStateException("chaoswatch analysis failed and failFast() is set: " + failure, failure);
        }
    }

    synchronized List<ChaosReport> reports() {
        return List.copyOf(reports);
    }

    synchronized List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    synchronized Map<String, Set<Regime>> heldRegimes() {
        return tracker.held();
    }

    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (busy.get()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    void close(Duration timeout) {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("chaoswatch: analysis still running after {}; abandoned", timeout);
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (ReportExporter exporter : listener.exporters()) {
            guard("closing exporter " + exporter, exporter::close);
        }
    }
}
