package io.github.chaoswatch.ui;

import java.util.function.Function;

/**
 * Reads and validates the query parameters of the page's API: identifiers of bounded length without control
 * characters, and non-negative iteration numbers. Every failure is a 400 that names the parameter and what to send.
 */
final class ApiParameters {

    /** Longest session or worker id accepted (DL4J's are UUIDs or JVM ids with a thread number). */
    static final int MAX_ID_LENGTH = 256;

    private final Function<String, String> source;

    /** Reads parameters from {@code source} (name to raw value, null when absent). */
    ApiParameters(Function<String, String> source) {
        this.source = source;
    }

    /** Returns the identifier {@code name}; it is required. */
    String id(String name) {
        String value = source.apply(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest("parameter '" + name + "' is required (see /chaoswatch/api/sessions for the"
                    + " sessions and workers there are)");
        }
        if (value.length() > MAX_ID_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("parameter '" + name + "' must be at most " + MAX_ID_LENGTH
                    + " characters without control characters");
        }
        return value;
    }

    /**
     * Returns the iteration after which to list records: the parameter {@code name} as a whole number ≥ −1, or −1
     * (everything) when absent.
     */
    long since(String name) {
        String value = source.apply(name);
        if (value == null || value.isEmpty()) {
            return -1;
        }
        try {
            long since = Long.parseLong(value);
            if (since >= -1) {
                return since;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("parameter '" + name + "' must be an iteration number >= -1 (records after"
                + " it are returned), got '" + abbreviate(value) + "'");
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
