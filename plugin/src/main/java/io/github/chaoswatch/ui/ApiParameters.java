package io.github.chaoswatch.ui;

import java.util.function.Function;

/**
 * Reads and validates the query parameters of the page's API: identifiers of bounded length without control
 * characters, iteration numbers and record timestamps. Every failure is a 400 that names the parameter and what to send.
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
        return wholeNumber(name, -1, "an iteration number >= -1 (records after it are returned)");
    }

    /**
     * Returns the record timestamp (epoch ms, the storage key) after which to list records: the parameter
     * {@code name} as a whole number ≥ 0, or 0 (everything) when absent.
     */
    long after(String name) {
        return wholeNumber(name, 0, "a record timestamp >= 0 in epoch milliseconds (records after it are returned)");
    }

    private long wholeNumber(String name, long min, String expected) {
        String value = source.apply(name);
        if (value == null || value.isEmpty()) {
            return min;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("parameter '" + name + "' must be " + expected + ", got '"
                + abbreviate(value) + "'");
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
