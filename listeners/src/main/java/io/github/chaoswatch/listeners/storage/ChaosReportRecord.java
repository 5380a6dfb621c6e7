package io.github.chaoswatch.listeners.storage;

import io.github.chaoswatch.listeners.ChaosReport;
import io.github.chaoswatch.listeners.LayerReport;
import io.github.chaoswatch.lyapunov.KaplanYorkeDimension;
import io.github.chaoswatch.liyorke.ScramblingVerdict;
import io.github.chaoswatch.lyapunov.LyapunovUnit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ChaosReport} as a DL4J storage update (type {@value ChaosRecord#TYPE_ID}), for
 * {@code InMemoryStatsStorage}, {@code FileStatsStorage} and {@code RemoteUIStatsStorageRouter}.
 *
 * <p>Binary layout (big-endian, format 1): header of {@link ChaosRecord}; iteration (long), epoch (int), report
 * timestamp (long), analysis ms (long), status (byte), message (string); layer count (int), then per layer: name,
 * type (strings), D (int), unit (byte), k (int), k exponents, k standard errors (doubles), positive count (int),
 * D_KY value (double) and kind (byte), entropy bound (double), converged (boolean), τ_b (int), gradient horizon
 * (double), scrambling verdict (byte, −1 when not tested).
 */
public final class ChaosReportRecord extends ChaosRecord {

    private static final long serialVersionUID = 1L;

    private static final byte FORMAT = 1;
    /** Most layers a record may hold when decoding. */
    private static final int MAX_LAYERS = 4_096;
    /** Most exponents per layer when decoding (state sizes beyond a million are not RNNs we analyse). */
    private static final int MAX_EXPONENTS = 1 << 20;

    private ChaosReport report;

    /** For DL4J's decoder. */
    public ChaosReportRecord() {
    }

    /** Wraps {@code report} for session {@code sessionId} and worker {@code workerId} at a unique timestamp. */
    public ChaosReportRecord(String sessionId, String workerId, long timestamp, ChaosReport report) {
        super(sessionId, workerId, timestamp);
        this.report = Objects.requireNonNull(report, "report");
    }

    /** Returns the report. */
    public ChaosReport report() {
        return report;
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
                && Objects.equals(report, r.report);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getSessionID(), getWorkerID(), getTimeStamp());
    }
}
