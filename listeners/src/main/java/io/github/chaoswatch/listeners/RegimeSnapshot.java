package io.github.chaoswatch.listeners;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the {@link AlertPolicy} made of the reports up to one report: the regimes each layer holds after it, the alerts
 * it fired, and the thresholds used, so that a reader of stored reports (the chaoswatch UI page) shows exactly what the
 * listener decided without deciding anything itself.
 *
 * @param held            regimes held per layer name after the report ("model" holds DIVERGED), in layer order
 * @param fired           the alerts this report fired
 * @param epsilonNats     the policy's ε in nats per step
 * @param toleranceFactor the policy's K
 */
public record RegimeSnapshot(Map<String, Set<Regime>> held, List<Alert> fired, double epsilonNats,
                             double toleranceFactor) implements java.io.Serializable {

    /** Validates and copies. */
    public RegimeSnapshot {
        if (!(epsilonNats > 0 && Double.isFinite(epsilonNats))) {
            throw new IllegalArgumentException("epsilonNats must be finite and > 0, got " + epsilonNats);
        }
        if (!(toleranceFactor > 1 && Double.isFinite(toleranceFactor))) {
            throw new IllegalArgumentException("toleranceFactor must be finite and > 1, got " + toleranceFactor);
        }
        Map<String, Set<Regime>> copy = new LinkedHashMap<>();
        held.forEach((layer, regimes) -> copy.put(Objects.requireNonNull(layer, "layer"),
                Collections.unmodifiableSet(regimes.isEmpty() ? EnumSet.noneOf(Regime.class) : EnumSet.copyOf(regimes))));
        held = Collections.unmodifiableMap(copy);
        fired = List.copyOf(fired);
    }
}
