package io.github.chaoswatch.listeners.storage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * What a chaoswatch session analyses, posted once per worker as DL4J static info (type {@value ChaosRecord#TYPE_ID}):
 * the model class, its summary and configuration JSON, the listener settings and the chaoswatch version, so a stored
 * session can be understood and reproduced later.
 */
public final class ChaosStaticInfoRecord extends ChaosRecord {

    private static final long serialVersionUID = 1L;

    private static final byte FORMAT = 1;

    private String modelClass = "";
    private String modelSummary = "";
    private String configurationJson = "";
    private String listenerSettings = "";
    private String version = "";

    /** For DL4J's decoder. */
    public ChaosStaticInfoRecord() {
    }

    /** Creates the static info of a session. */
    public ChaosStaticInfoRecord(String sessionId, String workerId, long timestamp, String modelClass,
                                 String modelSummary, String configurationJson, String listenerSettings,
                                 String version) {
        super(sessionId, workerId, timestamp);
        this.modelClass = Objects.requireNonNull(modelClass);
        this.modelSummary = Objects.requireNonNull(modelSummary);
        this.configurationJson = Objects.requireNonNull(configurationJson);
        this.listenerSettings = Objects.requireNonNull(listenerSettings);
        this.version = Objects.requireNonNull(version);
    }

    /** Returns the model's class name. */
    public String modelClass() {
        return modelClass;
    }

    /** Returns DL4J's {@code summary()} of the model. */
    public String modelSummary() {
        return modelSummary;
    }

    /** Returns the model configuration as DL4J JSON. */
    public String configurationJson() {
        return configurationJson;
    }

    /** Returns the listener's settings. */
    public String listenerSettings() {
        return listenerSettings;
    }

    /** Returns the chaoswatch version that wrote the record. */
    public String version() {
        return version;
    }

    @Override
    protected byte formatVersion() {
        return FORMAT;
    }

    @Override
    protected void writeBody(DataOutputStream out) throws IOException {
        writeString(out, modelClass);
        writeString(out, modelSummary);
        writeString(out, configurationJson);
        writeString(out, listenerSettings);
        writeString(out, version);
    }

    @Override
    protected void readBody(DataInputStream in) throws IOException {
        modelClass = readString(in);
        modelSummary = readString(in);
        configurationJson = readString(in);
        listenerSettings = readString(in);
        version = readString(in);
    }
}
