package io.github.chaoswatch.listeners;

import io.github.chaoswatch.listeners.storage.ChaosReportRecord;
import io.github.chaoswatch.listeners.storage.ChaosStaticInfoRecord;
import io.github.chaoswatch.liyorke.ScramblingTest;
import io.github.chaoswatch.lyapunov.LyapunovUnit;
import io.github.chaoswatch.lyapunov.SpectrumEstimator;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.core.storage.listener.RoutingIterationListener;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Watches the Lyapunov spectra of a recurrent network while it trains, and raises alerts when its dynamics become
 * chaotic, explode or lose memory (THEORY.md §6).
 *
 * <pre>{@code
 * ChaosListener chaos = new ChaosListener.Builder().frequency(50).storageRouter(statsStorage).build();
 * net.setListeners(chaos);
 * net.fit(trainData, epochs);
 * chaos.close();
 * }</pre>
 *
 * <p>Every {@code frequency} iterations (and at each epoch end if asked) the listener copies the parameters on the
 * training thread — the only work it does there — and analyses the copy on one background worker: it rebuilds the
 * model, finds its recurrent layers ({@code io.github.chaoswatch.dynamics.Dynamics}) and estimates each spectrum,
 * each layer driven by the probe sequences as the layers below transform them. The result is a {@link ChaosReport},
 * passed to the {@link AlertPolicy} (log, callbacks, stop request), the exporters and the {@code StatsStorageRouter}
 * as a {@link ChaosReportRecord} (the chaoswatch UI page reads those).
 *
 * <p><b>Never disturbs training.</b> Parameters are copied, not viewed (DL4J updates them in place after this
 * callback); the probe batch, when captured from the first training minibatch in {@code onForwardPass}, is copied
 * out of the workspace it lives in; the live model's RNN state, workspaces and random generator are never used.
 * When the worker is still busy, the round is skipped and counted ({@link #skippedRounds()}), never queued. An
 * exception in the analysis becomes a FAILED report and a log line; it reaches {@code fit()} only with
 * {@link Builder#failFast()}. Non-finite parameters give a DIVERGED report.
 *
 * <p>Serializable (for Spark and ParallelWrapper, through {@link RoutingIterationListener}); the worker, history and
 * exporter files are transient and rebuilt on first use. Thread-safe for one training thread plus readers.
 */
public final class ChaosListener extends BaseTrainingListener implements RoutingIterationListener, AutoCloseable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ChaosListener.class);

    /** The chaoswatch version written into stored records. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    /** Default analysis frequency in iterations (docs/benchmarks.md: under 5 % overhead for an LSTM(128) stack). */
    public static final int DEFAULT_FREQUENCY = 50;
    /** Default number of exponents per layer. */
    public static final int DEFAULT_EXPONENTS = 8;
    /** Default measured steps per trajectory. */
    public static final int DEFAULT_STEPS = 400;
    /** Default warm-up steps. */
    public static final int DEFAULT_WARMUP_STEPS = 100;
    /** Default trajectories (probe sequences used per layer). */
    public static final int DEFAULT_TRAJECTORIES = 4;
    /** Default number of sequences kept from the first training minibatch as probe. */
    public static final int DEFAULT_PROBE_SEQUENCES = 8;
    /** Fewest measured steps accepted: below this an exponent is not an average over any orbit segment. */
    static final int MIN_STEPS = 10;
    /** Default number of reports kept in memory. */
    public static final int DEFAULT_HISTORY = 1_000;

    private final int frequency;
    private final boolean everyEpoch;
    private final int exponents;
    private final int steps;
    private final int warmupSteps;
    private final int trajectories;
    private final long seed;
    private final LyapunovUnit unit;
    private final Set<String> layers;
    private final boolean stacks;
    private final INDArray probe;
    private final int probeSequences;
    private final int horizon;
    private final AlertPolicy alertPolicy;
    private final List<ReportExporter> exporters;
    private final int historySize;
    private final boolean failFast;
    private final Duration closeTimeout;
    /** Written only when it is itself serializable (a remote router is; an in-memory storage is not). */
    private transient StatsStorageRouter storageRouter;
    private String sessionId;
    private String workerId;

    private transient volatile ListenerRuntime runtime;

    private ChaosListener(Builder b) {
        this.frequency = b.frequency;
        this.everyEpoch = b.everyEpoch;
        this.exponents = b.exponents;
        this.steps = b.steps;
        this.warmupSteps = b.warmupSteps;
        this.trajectories = b.trajectories;
        this.seed = b.seed;
        this.unit = b.unit;
        this.layers = Set.copyOf(b.layers);
        this.stacks = b.stacks;
        this.probe = b.probe;
        this.probeSequences = b.probeSequences;
        this.horizon = b.horizon;
        this.alertPolicy = b.alertPolicy;
        this.exporters = List.copyOf(b.exporters);
        this.historySize = b.historySize;
        this.failFast = b.failFast;
        this.closeTimeout = b.closeTimeout;
        this.storageRouter = b.storageRouter;
        this.sessionId = b.sessionId != null ? b.sessionId : UUID.randomUUID().toString();
        this.workerId = b.workerId;
        ListenerRegistry.register(this);
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        INDArray mask = model instanceof MultiLayerNetwork net && net.getnLayers() > 0
                ? net.getLayer(0).getMaskArray() : null;
        captureProbe(activations.get(0), mask);
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        ComputationGraph graph = (ComputationGraph) model;
        INDArray[] masks = graph.getInputMaskArrays();
        captureProbe(activations.get(graph.getConfiguration().getNetworkInputs().get(0)),
                masks == null ? null : masks[0]);
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        ListenerRuntime rt = runtime();
        rt.rethrowIfFailedFast();
        rt.lastIteration = iteration;
        if (frequency > 0 && iteration % frequency == 0) {
            rt.schedule(model, iteration, epoch);
        }
    }

    @Override
    public void onEpochEnd(Model model) {
        if (everyEpoch) {
            ListenerRuntime rt = runtime();
            rt.rethrowIfFailedFast();
            rt.schedule(model, rt.lastIteration, model instanceof ComputationGraph g
                    ? g.getConfiguration().getEpochCount()
                    : ((MultiLayerNetwork) model).getLayerWiseConfigurations().getEpochCount());
        }
    }

    private void captureProbe(INDArray input, INDArray mask) {
        if (probe != null || input == null) {
            return;
        }
        ListenerRuntime rt = runtime();
        if (rt.capturedProbe != null) {
            return;
        }
        if (input.rank() != 3) {
            // Reported by the next round as a FAILED report (not thrown: this is the training thread).
            rt.probeProblem = "the training input has shape " + Arrays.toString(input.shape()) + ", not a sequence"
                    + " batch [minibatch, nIn, time], so no probe sequences can be taken from it; if the model has"
                    + " recurrent layers behind an input preprocessor, pass probe sequences with"
                    + " ChaosListener.Builder.probe(...); a model without recurrent layers has nothing to analyse";
            return;
        }
        // onForwardPass runs inside a workspace: copy out of it, or the probe is overwritten by the next batch.
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            rt.capturedProbe = ProbeSelection.unmasked(input, mask, probeSequences);
        } catch (RuntimeException e) {
            // This runs on the training thread: never let a probe problem reach fit(); the next batch retries.
            LOG.debug("chaoswatch: could not capture probe sequences from this batch: {}", e.toString());
        }
    }

    /** Returns the reports kept so far (at most the history size), oldest first. */
    public List<ChaosReport> reports() {
        return runtime().reports();
    }

    /** Returns the most recent report, if any. */
    public java.util.Optional<ChaosReport> latestReport() {
        List<ChaosReport> all = reports();
        return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(all.size() - 1));
    }

    /** Returns every alert fired so far (at most the history size), oldest first. */
    public List<Alert> alerts() {
        return runtime().alerts();
    }

    /** Returns the regimes currently held, per layer. */
    public Map<String, Set<Regime>> currentRegimes() {
        return runtime().heldRegimes();
    }

    /** Returns true once an alert of a regime in the policy's {@code stopOn} has fired. */
    public boolean stopRequested() {
        return runtime().stopRequested;
    }

    /** Returns true if an alert of one of {@code regimes} has fired (for {@link ChaosTerminationCondition}). */
    public boolean hasAlerted(Set<Regime> regimes) {
        return alerts().stream().anyMatch(a -> regimes.contains(a.regime()));
    }

    /** Returns the rounds skipped because the previous analysis was still running or no probe was available yet. */
    public long skippedRounds() {
        return runtime().skipped.get();
    }

    /**
     * Waits until no analysis is running or the timeout passes; returns true if idle. Use it at the end of training
     * to get the last report.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return runtime().awaitIdle(timeout);
    }

    /** Stops the worker (waiting up to the close timeout for a running analysis) and closes the exporters. */
    @Override
    public void close() {
        closeWithin(closeTimeout);
    }

    void closeWithin(Duration timeout) {
        ListenerRuntime rt = runtime;
        if (rt != null) {
            rt.close(timeout);
        }
        ListenerRegistry.unregister(this);
    }

    ListenerRuntime runtime() {
        ListenerRuntime rt = runtime;
        if (rt == null) {
            synchronized (this) {
                rt = runtime;
                if (rt == null) {
                    SpectrumEstimator estimator = new SpectrumEstimator.Builder(steps).exponentsAtMost(exponents)
                            .warmupSteps(warmupSteps).trajectories(trajectories).seed(seed).unit(unit).build();
                    ScramblingTest scrambling = new ScramblingTest.Builder(steps).warmupSteps(warmupSteps).seed(seed)
                            .build();
                    rt = new ListenerRuntime(this, new ChaosAnalysis(estimator, scrambling, layers, stacks, horizon));
                    runtime = rt;
                }
            }
        }
        return rt;
    }

    // Accessors used by the runtime.

    AlertPolicy alertPolicy() {
        return alertPolicy;
    }

    List<ReportExporter> exporters() {
        return exporters;
    }

    int historySize() {
        return historySize;
    }

    boolean failFast() {
        return failFast;
    }

    INDArray configuredProbe() {
        return probe;
    }

    /** The static info of this session; {@code snapshot} and {@code model} are null before any round analysed one. */
    ChaosStaticInfoRecord staticInfo(ModelSnapshot snapshot, Model model, long timestamp) {
        String modelClass = model != null ? model.getClass().getName() : "(not analysed yet)";
        String summary = model instanceof ComputationGraph g ? g.summary()
                : model instanceof MultiLayerNetwork n ? n.summary() : "";
        return new ChaosStaticInfoRecord(sessionId, workerIdOrDefault(), timestamp, modelClass, summary,
                snapshot != null ? snapshot.configurationJson() : "", toString(), VERSION);
    }

    ChaosReportRecord record(ChaosReport report, RegimeSnapshot regimes, long timestamp) {
        return new ChaosReportRecord(sessionId, workerIdOrDefault(), timestamp, report, regimes);
    }

    private String workerIdOrDefault() {
        return workerId != null ? workerId : "worker-0";
    }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
        out.writeObject(storageRouter instanceof java.io.Serializable ? storageRouter : null);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        storageRouter = (StatsStorageRouter) in.readObject();
        ListenerRegistry.register(this);
    }

    @Override
    public void setStorageRouter(StatsStorageRouter router) {
        this.storageRouter = router;
    }

    @Override
    public StatsStorageRouter getStorageRouter() {
        return storageRouter;
    }

    @Override
    public void setWorkerID(String workerID) {
        this.workerId = workerID;
    }

    @Override
    public String getWorkerID() {
        return workerIdOrDefault();
    }

    @Override
    public void setSessionID(String sessionID) {
        this.sessionId = Objects.requireNonNull(sessionID, "sessionID");
        ListenerRegistry.register(this);
    }

    @Override
    public String getSessionID() {
        return sessionId;
    }

    /** Returns a listener with the same settings and session and a fresh worker (ParallelWrapper, Spark). */
    @Override
    public ChaosListener clone() {
        return toBuilder().build();
    }

    private Builder toBuilder() {
        Builder b = new Builder().frequency(frequency).everyEpoch(everyEpoch).exponents(exponents).steps(steps)
                .warmupSteps(warmupSteps).trajectories(trajectories).seed(seed).unit(unit)
                .layers(layers.toArray(String[]::new)).stacks(stacks).probeSequences(probeSequences).horizon(horizon)
                .alertPolicy(alertPolicy).historySize(historySize).closeTimeout(closeTimeout)
                .storageRouter(storageRouter).sessionId(sessionId).workerId(workerId);
        exporters.forEach(b::exporter);
        if (probe != null) {
            b.probe(probe);
        }
        if (failFast) {
            b.failFast();
        }
        return b;
    }

    @Override
    public String toString() {
        return "ChaosListener[frequency=" + frequency + ", everyEpoch=" + everyEpoch + ", exponents=" + exponents
                + ", steps=" + steps + ", warmupSteps=" + warmupSteps + ", trajectories=" + trajectories + ", seed="
                + seed + ", unit=" + unit + ", layers=" + (layers.isEmpty() ? "all" : layers) + ", stacks=" + stacks
                + ", probe=" + (probe != null ? Arrays.toString(probe.shape()) : "first " + probeSequences
                + " training sequences") + ", horizon=" + (horizon > 0 ? horizon : "auto") + ", " + alertPolicy
                + ", exporters=" + exporters + ", historySize=" + historySize + ", failFast=" + failFast
                + ", session=" + sessionId + ", worker=" + workerIdOrDefault() + "]";
    }

    /** Builds a {@link ChaosListener}; every setting is optional and its default documented. */
    public static final class Builder {
        private int frequency = DEFAULT_FREQUENCY;
        private boolean everyEpoch;
        private int exponents = DEFAULT_EXPONENTS;
        private int steps = DEFAULT_STEPS;
        private int warmupSteps = DEFAULT_WARMUP_STEPS;
        private int trajectories = DEFAULT_TRAJECTORIES;
        private long seed = 42;
        private LyapunovUnit unit = LyapunovUnit.NATS_PER_STEP;
        private final Set<String> layers = new LinkedHashSet<>();
        private boolean stacks = true;
        private INDArray probe;
        private int probeSequences = DEFAULT_PROBE_SEQUENCES;
        private int horizon;
        private AlertPolicy alertPolicy = AlertPolicy.defaults();
        private final List<ReportExporter> exporters = new ArrayList<>();
        private int historySize = DEFAULT_HISTORY;
        private boolean failFast;
        private Duration closeTimeout = Duration.ofSeconds(60);
        private StatsStorageRouter storageRouter;
        private String sessionId;
        private String workerId;

        /** Analyses every {@code frequency} iterations (default {@value #DEFAULT_FREQUENCY}; 0 = only at epochs). */
        public Builder frequency(int frequency) {
            this.frequency = frequency;
            return this;
        }

        /** Also analyses at the end of every epoch (default false). */
        public Builder everyEpoch(boolean everyEpoch) {
            this.everyEpoch = everyEpoch;
            return this;
        }

        /** Sets the exponents per layer, capped at each layer's state size (default {@value #DEFAULT_EXPONENTS}). */
        public Builder exponents(int exponents) {
            this.exponents = exponents;
            return this;
        }

        /** Sets the measured steps per trajectory (default {@value #DEFAULT_STEPS}). */
        public Builder steps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Sets the warm-up steps (default {@value #DEFAULT_WARMUP_STEPS}). */
        public Builder warmupSteps(int warmupSteps) {
            this.warmupSteps = warmupSteps;
            return this;
        }

        /** Sets the trajectories per layer (default {@value #DEFAULT_TRAJECTORIES}). */
        public Builder trajectories(int trajectories) {
            this.trajectories = trajectories;
            return this;
        }

        /** Sets the seed of the analysis (never the model's). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the unit of reported exponents (default nats per step). */
        public Builder unit(LyapunovUnit unit) {
            this.unit = Objects.requireNonNull(unit, "unit");
            return this;
        }

        /** Restricts the analysis to these layers (default: every supported recurrent layer). */
        public Builder layers(String... names) {
            this.layers.clear();
            this.layers.addAll(Arrays.asList(names));
            return this;
        }

        /** Whether to analyse stacks of directly connected layers as a whole too (default true). */
        public Builder stacks(boolean stacks) {
            this.stacks = stacks;
            return this;
        }

        /**
         * Uses these probe sequences {@code [minibatch, nIn, time]} (copied) instead of the first training
         * minibatch.
         */
        public Builder probe(INDArray probe) {
            this.probe = probe == null ? null : probe.dup();
            return this;
        }

        /** Sets how many sequences of the first training minibatch to keep as probe (default 8). */
        public Builder probeSequences(int probeSequences) {
            this.probeSequences = probeSequences;
            return this;
        }

        /**
         * Sets the backpropagation horizon τ_b in steps for the gradient-horizon figure (default: the TBPTT backward
         * length when training with truncated BPTT, else the probe sequence length).
         */
        public Builder horizon(int horizon) {
            this.horizon = horizon;
            return this;
        }

        /** Sets the alert policy (default {@link AlertPolicy#defaults()}). */
        public Builder alertPolicy(AlertPolicy alertPolicy) {
            this.alertPolicy = Objects.requireNonNull(alertPolicy, "alertPolicy");
            return this;
        }

        /** Adds an exporter, e.g. {@code ReportExporter.csv(path)}. */
        public Builder exporter(ReportExporter exporter) {
            this.exporters.add(Objects.requireNonNull(exporter, "exporter"));
            return this;
        }

        /** Sets how many reports and alerts stay in memory (default {@value #DEFAULT_HISTORY}). */
        public Builder historySize(int historySize) {
            this.historySize = historySize;
            return this;
        }

        /** Rethrows an analysis failure into {@code fit()} at the next iteration (default: log and continue). */
        public Builder failFast() {
            this.failFast = true;
            return this;
        }

        /** Sets how long {@link ChaosListener#close()} waits for a running analysis (default 60 s). */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
            return this;
        }

        /** Posts reports to this router (e.g. an {@code InMemoryStatsStorage} attached to the UI). */
        public Builder storageRouter(StatsStorageRouter storageRouter) {
            this.storageRouter = storageRouter;
            return this;
        }

        /** Sets the storage session id (default: a random UUID). */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** Sets the storage worker id (default "worker-0"). */
        public Builder workerId(String workerId) {
            this.workerId = workerId;
            return this;
        }

        /**
         * Posts under the session and worker ids of another routing listener, typically DL4J's {@code StatsListener},
         * so that the chaoswatch UI page shows the training score of the same run beside the spectra.
         */
        public Builder sameSessionAs(RoutingIterationListener other) {
            Objects.requireNonNull(other, "other");
            this.sessionId = other.getSessionID();
            this.workerId = other.getWorkerID();
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException listing every invalid setting and what to change
         */
        public ChaosListener build() {
            // Checks in the positive form, so that no value slips through unnoticed; each says what to call instead.
            List<String> problems = new ArrayList<>();
            if (!(frequency >= 0)) {
                problems.add("frequency = " + frequency + " is negative; use frequency(n) with n >= 1 to analyse"
                        + " every n iterations, or frequency(0) with everyEpoch(true) to analyse at epoch ends only");
            }
            if (frequency == 0 && !everyEpoch) {
                problems.add("frequency = 0 without everyEpoch(true) would never analyse; set frequency(n) or"
                        + " everyEpoch(true)");
            }
            if (!(exponents >= 1)) {
                problems.add("exponents = " + exponents + " must be >= 1; use exponents(1) for the largest only"
                        + " (values above a layer's state size are capped to it)");
            }
            if (!(steps >= MIN_STEPS)) {
                problems.add("steps = " + steps + " must be >= " + MIN_STEPS + "; use steps(" + DEFAULT_STEPS
                        + ") or more for a converged estimate");
            }
            if (!(warmupSteps >= 0)) {
                problems.add("warmupSteps = " + warmupSteps + " must be >= 0; use warmupSteps(0) to skip the"
                        + " warm-up");
            }
            if (!(trajectories >= 1)) {
                problems.add("trajectories = " + trajectories + " must be >= 1; use trajectories("
                        + DEFAULT_TRAJECTORIES + ")");
            }
            if (!(probeSequences >= 1)) {
                problems.add("probeSequences = " + probeSequences + " must be >= 1; use probeSequences("
                        + DEFAULT_PROBE_SEQUENCES + ")");
            }
            if (!(horizon >= 0)) {
                problems.add("horizon = " + horizon + " must be >= 0; use horizon(0) for the automatic horizon");
            }
            if (!(historySize >= 1)) {
                problems.add("historySize = " + historySize + " must be >= 1; use historySize(1) to keep only the"
                        + " latest report");
            }
            if (closeTimeout.isNegative()) {
                problems.add("closeTimeout = " + closeTimeout + " is negative; use Duration.ZERO not to wait");
            }
            if (sessionId != null && sessionId.isBlank()) {
                problems.add("sessionId is blank; pass a non-blank id, or leave it unset for a random UUID");
            }
            if (workerId != null && workerId.isBlank()) {
                problems.add("workerId is blank; pass a non-blank id, or leave it unset for \"worker-0\"");
            }
            if (probe != null && probe.rank() != 3) {
                problems.add("probe has shape " + Arrays.toString(probe.shape()) + "; it must be a sequence batch"
                        + " [minibatch, nIn, time]: for one sequence x of shape [nIn, time] pass"
                        + " x.reshape(1, nIn, time)");
            } else if (probe != null && probe.length() == 0) {
                problems.add("probe has shape " + Arrays.toString(probe.shape()) + " and holds no values; pass at"
                        + " least one sequence of at least one step");
            } else if (probe != null && probe.dataType().isFPType()
                    && (probe.isNaN().any() || probe.isInfinite().any())) {
                problems.add("probe holds NaN or infinite values; pass finite probe sequences (the analysis of"
                        + " non-finite inputs can only report DIVERGED)");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid ChaosListener configuration: "
                        + String.join("; ", problems));
            }
            return new ChaosListener(this);
        }
    }
}
