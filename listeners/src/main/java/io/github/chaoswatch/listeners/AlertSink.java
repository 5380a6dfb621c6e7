package io.github.chaoswatch.listeners;

import java.io.Serializable;

/**
 * Receives alerts as they fire, on the listener's background worker (not the training thread). Serializable so
 * that a listener with sinks can be shipped to Spark workers; a lambda assigned to this type is serializable when
 * what it captures is.
 */
@FunctionalInterface
public interface AlertSink extends Serializable {

    /** Handles one alert; exceptions are logged and do not reach training. */
    void accept(Alert alert);
}
