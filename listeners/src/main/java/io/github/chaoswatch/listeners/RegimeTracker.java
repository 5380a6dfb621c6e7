package io.github.chaoswatch.listeners;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies an {@link AlertPolicy} to a sequence of reports: the per-layer hysteresis state of every regime, and the
 * alerts it fires. Used by one worker thread at a time.
 */
final class RegimeTracker {

    private static final Regime[] LABELS = {Regime.CHAOTIC, Regime.EDGE, Regime.ORDERED, Regime.EXPLODING,
            Regime.VANISHING};

    private final AlertPolicy policy;
    private final Map<String, EnumMap<Regime, State>> layers = new LinkedHashMap<>();
    private final State diverged = new State();
    private long reportIndex;

    RegimeTracker(AlertPolicy policy) {
        this.policy = policy;
    }

    /** Feeds one report; returns the alerts it fires, in layer order. */
    List<Alert> update(ChaosReport report) {
        reportIndex++;
        List<Alert> alerts = new ArrayList<>();
        if (report.status() == ChaosReport.Status.DIVERGED) {
            if (!diverged.held) {
                diverged.held = true;
                diverged.since = report.iteration();
                if (fires(diverged, Regime.DIVERGED)) {
                    alerts.add(Alert.diverged(report.message(), report.iteration()));
                }
            }
            return alerts;
        }
        if (report.status() == ChaosReport.Status.OK) {
            diverged.held = false;
        }
        for (LayerReport layer : report.layers()) {
            double lambda = layer.unit().toNats(layer.max());
            double se = layer.unit().toNats(layer.maxStandardError());
            EnumMap<Regime, State> states = layers.computeIfAbsent(layer.name(), n -> newStates());
            for (Regime regime : LABELS) {
                State s = states.get(regime);
                if (!s.held) {
                    boolean enters = policy.enters(regime, lambda, se, layer.horizonSteps());
                    if (enters && s.streak == 0) {
                        s.since = report.iteration();
                    }
                    s.streak = enters ? s.streak + 1 : 0;
                    if (s.streak >= policy.patience()) {
                        s.held = true;
                        s.streak = 0;
                        if (fires(s, regime)) {
                            alerts.add(Alert.of(regime, layer, s.since, report.iteration()));
                        }
                    }
                } else {
                    s.streak = policy.leaves(regime, lambda, se, layer.horizonSteps()) ? s.streak + 1 : 0;
                    if (s.streak >= policy.patience()) {
                        s.held = false;
                        s.streak = 0;
                    }
                }
            }
        }
        return alerts;
    }

    /** Returns the regimes currently held, per layer in the order first seen (DIVERGED under "model"). */
    Map<String, Set<Regime>> held() {
        Map<String, Set<Regime>> out = new LinkedHashMap<>();
        layers.forEach((name, states) -> {
            Set<Regime> held = new TreeSet<>();
            states.forEach((regime, s) -> {
                if (s.held) {
                    held.add(regime);
                }
            });
            out.put(name, held);
        });
        if (diverged.held) {
            out.put("model", Set.of(Regime.DIVERGED));
        }
        return out;
    }

    private boolean fires(State s, Regime regime) {
        boolean cooled = s.lastFired < 0 || reportIndex - s.lastFired > policy.cooldown();
        if (policy.alertOn().contains(regime) && cooled) {
            s.lastFired = reportIndex;
            return true;
        }
        return false;
    }

    private static EnumMap<Regime, State> newStates() {
        EnumMap<Regime, State> states = new EnumMap<>(Regime.class);
        for (Regime regime : LABELS) {
            states.put(regime, new State());
        }
        return states;
    }

    /** Hysteresis state of one regime of one layer. */
    private static final class State {
        boolean held;
        int streak;
        long since;
        long lastFired = -1;
    }
}
