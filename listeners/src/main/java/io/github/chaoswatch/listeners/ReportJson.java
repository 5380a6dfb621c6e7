package io.github.chaoswatch.listeners;

import org.nd4j.shade.jackson.core.json.JsonWriteFeature;
import org.nd4j.shade.jackson.databind.DeserializationFeature;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of reports (DL4J's shaded Jackson, no extra dependency): records map field for field, and
 * non-finite doubles (−∞ exponents, NaN on divergence) are written as strings rather than breaking the JSON.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /** Returns a new mapper configured for reports. */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
