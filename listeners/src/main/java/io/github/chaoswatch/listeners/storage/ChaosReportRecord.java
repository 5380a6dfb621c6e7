package io.github.chaoswatch.listeners.storage;

import io.github.chaoswatch.listeners.Alert;
import io.github.chaoswatch.listeners.ChaosReport;
import io.github.chaoswatch.listeners.LayerReport;
import io.github.chaoswatch.listeners.Regime;
import io.github.chaoswatch.listeners.RegimeSnapshot;
import io.github.chaoswatch.lyapunov.KaplanYorkeDimension;
import io.github.chaoswatch.liyorke.ScramblingVerdict;
import io.github.chaoswatch.lyapunov.LyapunovUnit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link ChaosReport} and what the alert policy made of it ({@link RegimeSnapshot}) as a DL4J storage update (type
 * {@value ChaosRecord#TYPE_ID}), for {@code InMemoryStatsStorage}, {@code FileStatsStorage} and
 * {@code RemoteUIStatsStorageRouter}.
 *
 * <p>Binary layout (big-endian, format 2): header of {@link ChaosRecord}; iteration (long), epoch (int), report
 * timestamp (long), analysis ms (long), status (byte), message (string); layer count (int), then per layer: name,
 * type (strings), D (int), unit (byte), k (int), k exponents, k standard errors (doubles), positive count (int),
 * D_KY value (double) and kind (byte), entropy bound (double), converged (boolean), τ_b (int), gradient horizon
 * (double), scrambling verdict (byte, −1 when not tested); then the regime snapshot: ε, K (doubles), held count (int)
 * and per layer its name (string) and a regime bit set (int), alert count (int) and per alert regime (byte), layer
 * (string), since, iteration (longs), λ₁, SE, gradient horizon (doubles), message (string).
 */
public final class ChaosReportRecord extends ChaosRecord {

    private static final long serialVersionUID = 1L;

    private static final byte FORMAT = 2;
    /** Most layers a record may hold when decoding. */
    private static final int MAX_LAYERS = 4_096;
    /** Most exponents per layer when decoding (state sizes beyond a million are not RNNs we analyse). */
    private static final int MAX_EXPONENTS = 1 << 20;
    /** Most alerts one report may fire when decoding (a few per layer). */
    private static final int MAX_ALERTS = 8 * MAX_LAYERS;

    private ChaosReport report;
    private RegimeSnapshot regimes;

    /** For DL4J's decoder. */
    public ChaosReportRecord() {
    }

    /**
     * Wraps {@code report} and the policy's {@code regimes} after it for session {@code sessionId} and worker
     * {@code workerId} at a unique timestamp.
     */
    public ChaosReportRecord(String sessionId, String workerId, long timestamp, ChaosReport report,
                             RegimeSnapshot regimes) {
        super(sessionId, workerId, timestamp);
        this.report = Objects.requireNonNull(report, "report");
        this.regimes = Objects.requireNonNull(regimes, "regimes");
    }

    /** Returns the report. */
    public ChaosReport report() {
        return report;
    }

    /** Returns the regimes held after the report, the alerts it fired and the policy's thresholds. */
    public RegimeSnapshot regimes() {
        return regimes;
    }

    @Override
    protected byte formatVersion() {
        return FORMAT;
    }

    @Override
    protected void writeBody(DataOutputStream out) throws IOException {
        out.writeLong(report.iteration());
        out.writeInt(report.epoch());
        out.writeLong(report.timestampMillis());
        out.writeLong(report.analysisMillis());
        out.writeByte(report.status().ordinal());
        writeString(out, report.message());
        out.writeInt(report.layers().size());
        for (LayerReport l : report.layers()) {
            writeString(out, l.name());
            writeString(out, l.layerType());
            out.writeInt(l.stateSize());
            out.writeByte(l.unit().ordinal());
            double[] exponents = l.exponents();
            double[] errors = l.standardErrors();
            out.writeInt(exponents.length);
            for (double v : exponents) {
                out.writeDouble(v);
            }
            for (double v : errors) {
                out.writeDouble(v);
            }
            out.writeInt(l.positiveCount());
            out.writeDouble(l.kaplanYorke().value());
            out.writeByte(l.kaplanYorke().kind().ordinal());
            out.writeDouble(l.entropyBound());
            out.writeBoolean(l.converged());
            out.writeInt(l.horizonSteps());
            out.writeDouble(l.gradientHorizonNats());
            out.writeByte(l.scrambling() == null ? -1 : l.scrambling().ordinal());
        }
        writeRegimes(out);
    }

    private void writeRegimes(DataOutputStream out) throws IOException {
        out.writeDouble(regimes.epsilonNats());
        out.writeDouble(regimes.toleranceFactor());
        out.writeInt(regimes.held().size());
        for (Map.Entry<String, Set<Regime>> e : regimes.held().entrySet()) {
            writeString(out, e.getKey());
            int bits = 0;
            for (Regime r : e.getValue()) {
                bits |= 1 << r.ordinal();
            }
            out.writeInt(bits);
        }
        out.writeInt(regimes.fired().size());
        for (Alert a : regimes.fired()) {
            out.writeByte(a.regime().ordinal());
            writeString(out, a.layer());
            out.writeLong(a.sinceIteration());
            out.writeLong(a.iteration());
            out.writeDouble(a.exponentNats());
            out.writeDouble(a.standardErrorNats());
            out.writeDouble(a.gradientHorizonNats());
            writeString(out, a.message());
        }
    }

    private static RegimeSnapshot readRegimes(DataInputStream in) throws IOException {
        double epsilon = in.readDouble();
        double tolerance = in.readDouble();
        int heldCount = requireCount("held layer count", in.readInt(), MAX_LAYERS + 1);
        Map<String, Set<Regime>> held = new LinkedHashMap<>();
        for (int i = 0; i < heldCount; i++) {
            String layer = readString(in);
            int bits = in.readInt();
            if (bits >>> Regime.values().length != 0) {
                throw new IllegalArgumentException("malformed chaoswatch record: regime bits " + bits);
            }
            Set<Regime> regimes = EnumSet.noneOf(Regime.class);
            for (Regime r : Regime.values()) {
                if ((bits & 1 << r.ordinal()) != 0) {
                    regimes.add(r);
                }
            }
            held.put(layer, regimes);
        }
        int alertCount = requireCount("alert count", in.readInt(), MAX_ALERTS);
        List<Alert> fired = new ArrayList<>();
        for (int i = 0; i < alertCount; i++) {
            fired.add(new Alert(choose(Regime.values(), in.readByte(), "regime"), readString(in), in.readLong(),
                    in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), readString(in)));
        }
        return new RegimeSnapshot(held, fired, epsilon, tolerance);
    }

    @Override
    protected void readBody(DataInputStream in) throws IOException {
        long iteration = in.readLong();
        int epoch = in.readInt();
        long timestampMillis = in.readLong();
        long analysisMillis = in.readLong();
        ChaosReport.Status status = choose(ChaosReport.Status.values(), in.readByte(), "status");
        String message = readString(in);
        int layerCount = requireCount("layer count", in.readInt(), MAX_LAYERS);
        List<LayerReport> layers = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) {
            String name = readString(in);
            String type = readString(in);
            int stateSize = in.readInt();
            LyapunovUnit unit = choose(LyapunovUnit.values(), in.readByte(), "unit");
            int k = requireCount("exponent count", in.readInt(), MAX_EXPONENTS);
            double[] exponents = new double[k];
            for (int j = 0; j < k; j++) {
                exponents[j] = in.readDouble();
            }
            double[] errors = new double[k];
            for (int j = 0; j < k; j++) {
                errors[j] = in.readDouble();
            }
            int positive = in.readInt();
            double kyValue = in.readDouble();
            KaplanYorkeDimension.Kind kyKind = choose(KaplanYorkeDimension.Kind.values(), in.readByte(),
                    "Kaplan-Yorke kind");
            double entropyBound = in.readDouble();
            boolean converged = in.readBoolean();
            int horizon = in.readInt();
            double gradientHorizon = in.readDouble();
            byte scrambling = in.readByte();
            layers.add(new LayerReport(name, type, stateSize, unit, exponents, errors, positive,
                    new KaplanYorkeDimension(kyValue, kyKind), entropyBound, converged, horizon, gradientHorizon,
                    scrambling == -1 ? null : choose(ScramblingVerdict.values(), scrambling, "scrambling verdict")));
        }
        report = new ChaosReport(iteration, epoch, timestampMillis, analysisMillis, status, message, layers);
        regimes = readRegimes(in);
    }

    private static <E> E choose(E[] values, byte ordinal, String what) {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IllegalArgumentException("malformed chaoswatch record: " + what + " code " + ordinal);
        }
        return values[ordinal];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChaosReportRecord r && getSessionID().equals(r.getSessionID())
                && getWorkerID().equals(r.getWorkerID()) && getTimeStamp() == r.getTimeStamp()
                && Objects.equals(report, r.report) && Objects.equals(regimes, r.regimes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getSessionID(), getWorkerID(), getTimeStamp());
    }
}
