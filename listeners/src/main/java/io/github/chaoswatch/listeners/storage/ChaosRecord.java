package io.github.chaoswatch.listeners.storage;

import org.deeplearning4j.core.storage.Persistable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The common part of chaoswatch's DL4J storage records: session, type {@value #TYPE_ID}, worker, timestamp, and a
 * compact binary encoding with a format version, whose decoder rejects malformed bytes with a clear
 * {@link IllegalArgumentException} instead of crashing or allocating without bound.
 *
 * <p>DL4J rebuilds stored records by class name with the public no-arg constructor and {@code decode}: the record
 * classes must stay on the classpath of every process that reads the storage (the UI server included).
 */
public abstract class ChaosRecord implements Persistable {

    private static final long serialVersionUID = 1L;

    /** The DL4J storage type id of every chaoswatch record. */
    public static final String TYPE_ID = "ChaosWatch";

    /** Longest string accepted when decoding, in bytes (a model configuration fits comfortably). */
    static final int MAX_STRING_BYTES = 16 << 20;

    private String sessionId = "";
    private String workerId = "";
    private long timestamp;

    /** For DL4J's decoder. */
    protected ChaosRecord() {
    }

    /** Creates a record for {@code sessionId}, {@code workerId} at {@code timestamp} (epoch ms, unique per worker). */
    protected ChaosRecord(String sessionId, String workerId, long timestamp) {
        this.sessionId = sessionId;
        this.workerId = workerId;
        this.timestamp = timestamp;
    }

    /** The format byte that starts every encoding of this class. */
    protected abstract byte formatVersion();

    /** Writes the class-specific fields. */
    protected abstract void writeBody(DataOutputStream out) throws IOException;

    /** Reads the class-specific fields; throws {@link IllegalArgumentException} on malformed input. */
    protected abstract void readBody(DataInputStream in) throws IOException;

    @Override
    public String getSessionID() {
        return sessionId;
    }

    @Override
    public String getTypeID() {
        return TYPE_ID;
    }

    @Override
    public String getWorkerID() {
        return workerId;
    }

    @Override
    public long getTimeStamp() {
        return timestamp;
    }

    @Override
    public int encodingLengthBytes() {
        return encode().length;
    }

    @Override
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            encode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void encode(ByteBuffer buffer) {
        buffer.put(encode());
    }

    @Override
    public void encode(OutputStream outputStream) throws IOException {
        DataOutputStream out = new DataOutputStream(outputStream);
        out.writeByte(formatVersion());
        writeString(out, sessionId);
        writeString(out, workerId);
        out.writeLong(timestamp);
        writeBody(out);
        out.flush();
    }

    @Override
    public void decode(byte[] bytes) {
        try {
            decode(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed " + getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void decode(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        decode(bytes);
    }

    @Override
    public void decode(InputStream inputStream) throws IOException {
        DataInputStream in = new DataInputStream(inputStream);
        try {
            byte version = in.readByte();
            if (version != formatVersion()) {
                throw new IllegalArgumentException("malformed " + getClass().getSimpleName() + ": format version "
                        + version + ", expected " + formatVersion() + " (written by another chaoswatch release?)");
            }
            sessionId = readString(in);
            workerId = readString(in);
            timestamp = in.readLong();
            readBody(in);
        } catch (EOFException e) {
            throw new IllegalArgumentException("malformed " + getClass().getSimpleName() + ": truncated", e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("malformed")) {
                throw e;
            }
            // Decoded fields that the report types themselves refuse (k = 0 exponents, a null name, ...).
            throw new IllegalArgumentException("malformed " + getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (NullPointerException | IllegalStateException e) {
            throw new IllegalArgumentException("malformed " + getClass().getSimpleName() + ": " + e, e);
        }
    }

    /** Writes a length-prefixed UTF-8 string. */
    protected static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads a length-prefixed UTF-8 string, refusing negative or huge lengths. */
    protected static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        requireCount("string length", length, MAX_STRING_BYTES);
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Fails unless 0 ≤ count ≤ max. */
    protected static int requireCount(String what, int count, int max) {
        if (count < 0 || count > max) {
            throw new IllegalArgumentException("malformed chaoswatch record: " + what + " = " + count
                    + " outside [0, " + max + "]");
        }
        return count;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[session=" + sessionId + ", worker=" + workerId + ", timestamp="
                + timestamp + "]";
    }
}
