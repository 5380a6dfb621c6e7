package io.github.chaoswatch.listeners;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a {@link ChaosListener} raises alerts, and where they go (THEORY.md §6.2).
 *
 * <p>Each report labels each layer from λ₁, its standard error SE and the backpropagation horizon τ_b, with
 * hysteresis so that a noisy estimate does not flap:
 * <pre>
 *   regime      enter when                     leave when
 *   CHAOTIC     λ₁ − 2SE &gt; ε                  λ₁ − 2SE &lt; ε/2
 *   EDGE        |λ₁| ≤ ε                       |λ₁| &gt; 1.5ε
 *   ORDERED     λ₁ + 2SE &lt; −ε                 λ₁ + 2SE &gt; −ε/2
 *   EXPLODING   (λ₁ − 2SE)·τ_b &gt; ln K         (λ₁ − 2SE)·τ_b &lt; ½ ln K
 *   VANISHING   (λ₁ + 2SE)·τ_b &lt; −ln K        (λ₁ + 2SE)·τ_b &gt; −½ ln K
 *   DIVERGED    a non-finite report            the next finite report
 * </pre>
 * A regime is held once its entry condition holds for {@code patience} consecutive reports (DIVERGED at once), and
 * released once its exit condition holds as long. An alert fires when a held regime is in {@link #alertOn()}, and not
 * again for the same layer and regime within {@code cooldown} reports. Defaults (a design choice, THEORY.md §6.2):
 * ε = 0.01 nats/step, K = 10, patience 3, cooldown 5; alerts on CHAOTIC, EXPLODING, VANISHING and DIVERGED, logged at
 * WARN; nothing stops training unless {@link Builder#stopOn} says so. Immutable and serializable.
 */
public final class AlertPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Default ε: |λ₁| below 0.01 nats/step means a memory of 100 steps or more. */
    public static final double DEFAULT_EPSILON_NATS = 0.01;
    /** Default K: a gradient amplification (or decay) by 10 over the horizon is where trouble starts. */
    public static final double DEFAULT_TOLERANCE_FACTOR = 10;
    /** Default patience, in consecutive reports. */
    public static final int DEFAULT_PATIENCE = 3;
    /** Default cooldown, in reports. */
    public static final int DEFAULT_COOLDOWN = 5;

    private static final AlertPolicy DEFAULTS = new Builder().build();

    private final double epsilonNats;
    private final double toleranceFactor;
    private final int patience;
    private final int cooldown;
    private final Set<Regime> alertOn;
    private final Set<Regime> stopOn;
    private final boolean logAlerts;
    private final List<AlertSink> sinks;

    private AlertPolicy(Builder b) {
        this.epsilonNats = b.epsilonNats;
        this.toleranceFactor = b.toleranceFactor;
        this.patience = b.patience;
        this.cooldown = b.cooldown;
        this.alertOn = Collections.unmodifiableSet(EnumSet.copyOf(b.alertOn));
        this.stopOn = Collections.unmodifiableSet(EnumSet.copyOf(b.stopOn));
        this.logAlerts = b.logAlerts;
        this.sinks = List.copyOf(b.sinks);
    }

    /** Returns the default policy. */
    public static AlertPolicy defaults() {
        return DEFAULTS;
    }

    /** Returns true if the entry condition of {@code regime} holds (not for DIVERGED, which reports decide). */
    boolean enters(Regime regime, double lambda, double se, int horizon) {
        double lnK = Math.log(toleranceFactor);
        return switch (regime) {
            case CHAOTIC -> lambda - 2 * se > epsilonNats;
            case EDGE -> Math.abs(lambda) <= epsilonNats;
            case ORDERED -> lambda + 2 * se < -epsilonNats;
            case EXPLODING -> (lambda - 2 * se) * horizon > lnK;
            case VANISHING -> (lambda + 2 * se) * horizon < -lnK;
            case DIVERGED -> false;
        };
    }

    /** Returns true if the exit condition of {@code regime} holds. */
    boolean leaves(Regime regime, double lambda, double se, int horizon) {
        double lnK = Math.log(toleranceFactor);
        return switch (regime) {
            case CHAOTIC -> lambda - 2 * se < epsilonNats / 2;
            case EDGE -> Math.abs(lambda) > 1.5 * epsilonNats;
            case ORDERED -> lambda + 2 * se > -epsilonNats / 2;
            case EXPLODING -> (lambda - 2 * se) * horizon < lnK / 2;
            case VANISHING -> (lambda + 2 * se) * horizon > -lnK / 2;
            case DIVERGED -> true;
        };
    }

    /**
     * Returns the sign regime (CHAOTIC, EDGE or ORDERED) whose entry condition a single estimate meets, without
     * patience or hysteresis: the label of one spectrum, as {@code chaoswatch analyze} reports it. Empty when λ₁ is
     * too close to a boundary of the band for its standard error to decide (for example λ₁ = 0.015 ± 0.01).
     *
     * @param lambdaNats        λ₁ in nats per step
     * @param standardErrorNats its standard error, nats per step
     */
    public Optional<Regime> signRegime(double lambdaNats, double standardErrorNats) {
        for (Regime regime : new Regime[] {Regime.CHAOTIC, Regime.EDGE, Regime.ORDERED}) {
            // The horizon plays no part in sign regimes.
            if (enters(regime, lambdaNats, standardErrorNats, 1)) {
                return Optional.of(regime);
            }
        }
        return Optional.empty();
    }

    /** Returns ε in nats per step. */
    public double epsilonNats() {
        return epsilonNats;
    }

    /** Returns K. */
    public double toleranceFactor() {
        return toleranceFactor;
    }

    /** Returns the patience in reports. */
    public int patience() {
        return patience;
    }

    /** Returns the cooldown in reports. */
    public int cooldown() {
        return cooldown;
    }

    /** Returns the regimes that raise alerts. */
    public Set<Regime> alertOn() {
        return alertOn;
    }

    /** Returns the regimes whose alerts request the end of training (see {@link ChaosTerminationCondition}). */
    public Set<Regime> stopOn() {
        return stopOn;
    }

    /** Returns true if alerts are logged at WARN. */
    public boolean logAlerts() {
        return logAlerts;
    }

    /** Returns the user callbacks. */
    public List<AlertSink> sinks() {
        return sinks;
    }

    @Override
    public String toString() {
        return "AlertPolicy[epsilonNats=" + epsilonNats + ", toleranceFactor=" + toleranceFactor + ", patience="
                + patience + ", cooldown=" + cooldown + ", alertOn=" + alertOn + ", stopOn=" + stopOn
                + ", logAlerts=" + logAlerts + ", sinks=" + sinks.size() + "]";
    }

    /** Builds an {@link AlertPolicy}; every setting has the default documented on the class. */
    public static final class Builder {
        private double epsilonNats = DEFAULT_EPSILON_NATS;
        private double toleranceFactor = DEFAULT_TOLERANCE_FACTOR;
        private int patience = DEFAULT_PATIENCE;
        private int cooldown = DEFAULT_COOLDOWN;
        private EnumSet<Regime> alertOn = EnumSet.of(Regime.CHAOTIC, Regime.EXPLODING, Regime.VANISHING,
                Regime.DIVERGED);
        private EnumSet<Regime> stopOn = EnumSet.noneOf(Regime.class);
        private boolean logAlerts = true;
        private final List<AlertSink> sinks = new ArrayList<>();

        /** Sets ε, the band around 0 where λ₁ counts as the edge, in nats per step (default 0.01; &gt; 0). */
        public Builder epsilonNats(double epsilonNats) {
            this.epsilonNats = epsilonNats;
            return this;
        }

        /** Sets K, the tolerated gradient amplification or decay over the horizon (default 10; &gt; 1). */
        public Builder toleranceFactor(double toleranceFactor) {
            this.toleranceFactor = toleranceFactor;
            return this;
        }

        /** Sets the consecutive reports needed to enter or leave a regime (default 3; ≥ 1). */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** Sets the reports during which the same alert does not repeat (default 5; ≥ 0). */
        public Builder cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        /** Sets the regimes that raise alerts (default CHAOTIC, EXPLODING, VANISHING, DIVERGED). */
        public Builder alertOn(Regime... regimes) {
            this.alertOn = regimes.length == 0 ? EnumSet.noneOf(Regime.class) : EnumSet.of(regimes[0], regimes);
            return this;
        }

        /** Sets the regimes whose alerts request the end of training (default none). */
        public Builder stopOn(Regime... regimes) {
            this.stopOn = regimes.length == 0 ? EnumSet.noneOf(Regime.class) : EnumSet.of(regimes[0], regimes);
            return this;
        }

        /** Sets whether alerts are logged at WARN through SLF4J (default true). */
        public Builder logAlerts(boolean logAlerts) {
            this.logAlerts = logAlerts;
            return this;
        }

        /** Adds a callback that receives every alert. */
        public Builder sink(AlertSink sink) {
            this.sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException listing every invalid setting
         */
        public AlertPolicy build() {
            List<String> problems = new ArrayList<>();
            if (!(epsilonNats > 0 && epsilonNats < Double.POSITIVE_INFINITY)) {
                problems.add("epsilonNats = " + epsilonNats + " must be finite and > 0 (default 0.01)");
            }
            if (!(toleranceFactor > 1 && toleranceFactor < Double.POSITIVE_INFINITY)) {
                problems.add("toleranceFactor = " + toleranceFactor + " must be finite and > 1 (default 10)");
            }
            if (!(patience >= 1)) {
                problems.add("patience = " + patience + " must be >= 1");
            }
            if (!(cooldown >= 0)) {
                problems.add("cooldown = " + cooldown + " must be >= 0");
            }
            EnumSet<Regime> silentStops = EnumSet.copyOf(stopOn);
            silentStops.removeAll(alertOn);
            if (!silentStops.isEmpty()) {
                problems.add("stopOn " + silentStops + " would never fire because alertOn " + alertOn
                        + " does not include them; add them to alertOn(...)");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid AlertPolicy: " + String.join("; ", problems));
            }
            return new AlertPolicy(this);
        }
    }
}
