package io.github.chaoswatch.listeners;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The live listeners of this JVM by session id. {@link ChaosTerminationCondition} finds them here (DL4J hands
 * termination conditions only the score, and a condition must stay JSON-serializable, so it names the session); a
 * session may have several listeners (the clones DL4J's ParallelWrapper makes, one per worker). One JVM shutdown
 * hook closes those still open, so exporters are flushed and closed. Weak references: a forgotten listener does not
 * stay in memory.
 */
final class ListenerRegistry {

    /** How long the shutdown hook lets a running analysis finish. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private static final Map<ChaosListener, String> LISTENERS = Collections.synchronizedMap(new WeakHashMap<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ListenerRegistry::closeAll, "chaoswatch-shutdown"));
    }

    private ListenerRegistry() {
    }

    static void register(ChaosListener listener) {
        LISTENERS.put(listener, listener.getSessionID());
    }

    static void unregister(ChaosListener listener) {
        LISTENERS.remove(listener);
    }

    /** Returns the live listeners of {@code sessionId}. */
    static List<ChaosListener> find(String sessionId) {
        synchronized (LISTENERS) {
            return LISTENERS.entrySet().stream().filter(e -> e.getValue().equals(sessionId)).map(Map.Entry::getKey)
                    .toList();
        }
    }

    private static void closeAll() {
        List<ChaosListener> open;
        synchronized (LISTENERS) {
            open = new ArrayList<>(LISTENERS.keySet());
        }
        open.forEach(l -> l.closeWithin(SHUTDOWN_TIMEOUT));
    }
}
