package io.github.chaoswatch.listeners;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds live listeners by session id, for {@link ChaosTerminationCondition}: DL4J hands termination conditions only
 * the score, and a condition must stay JSON-serializable, so it names the session instead of holding the listener.
 * Weak references: a forgotten listener does not stay in memory.
 */
final class ListenerRegistry {

    private static final Map<String, WeakReference<ChaosListener>> LISTENERS = new ConcurrentHashMap<>();

    private ListenerRegistry() {
    }

    static void register(ChaosListener listener) {
        LISTENERS.put(listener.getSessionID(), new WeakReference<>(listener));
        LISTENERS.values().removeIf(ref -> ref.get() == null);
    }

    static void unregister(ChaosListener listener) {
        LISTENERS.computeIfPresent(listener.getSessionID(), (id, ref) -> ref.get() == listener ? null : ref);
    }

    static Optional<ChaosListener> find(String sessionId) {
        WeakReference<ChaosListener> ref = LISTENERS.get(sessionId);
        return Optional.ofNullable(ref == null ? null : ref.get());
    }
}
