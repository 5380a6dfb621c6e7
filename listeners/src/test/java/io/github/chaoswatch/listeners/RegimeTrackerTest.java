package io.github.chaoswatch.listeners;

import io.github.chaoswatch.lyapunov.KaplanYorkeDimension;
import io.github.chaoswatch.lyapunov.LyapunovUnit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Patience, hysteresis and cooldown of the alert policy (THEORY.md §6.2), on synthetic reports. */
class RegimeTrackerTest {

    private static ChaosReport report(long iteration, double lambda, double se) {
        LayerReport layer = new LayerReport("rnn", "SimpleRnn", 8, LyapunovUnit.NATS_PER_STEP, new double[] {lambda},
                new double[] {se}, lambda - 2 * se > 0 ? 1 : 0, new KaplanYorkeDimension(0,
                KaplanYorkeDimension.Kind.DETERMINED), Math.max(lambda, 0), true, 100, lambda * 100, null);
        return new ChaosReport(iteration, 0, iteration, 1, ChaosReport.Status.OK, "", List.of(layer));
    }

    private static List<Alert> feed(RegimeTracker tracker, double... lambdas) {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < lambdas.length; i++) {
            alerts.addAll(tracker.update(report(i, lambdas[i], 0.001)));
        }
        return alerts;
    }

    @Test
    void chaoticFiresOnlyAfterPatienceConsecutiveReports() {
        RegimeTracker tracker = new RegimeTracker(AlertPolicy.defaults());
        List<Alert> alerts = feed(tracker, 0.1, 0.1, -0.1, 0.1, 0.1, 0.1);
        assertEquals(1, alerts.stream().filter(a -> a.regime() == Regime.CHAOTIC).count(), alerts.toString());
        Alert chaotic = alerts.stream().filter(a -> a.regime() == Regime.CHAOTIC).findFirst().orElseThrow();
        assertEquals(3, chaotic.sinceIteration());
        assertEquals(5, chaotic.iteration());
    }

    @Test
    void noisyEstimateAroundTheThresholdDoesNotFlap() {
        // λ₁ alternates between 0.02 (enters CHAOTIC) and 0.008 (inside the hysteresis band: neither leaves nor
        // re-enters): one alert, held throughout.
        RegimeTracker tracker = new RegimeTracker(AlertPolicy.defaults());
        List<Alert> alerts = feed(tracker, 0.02, 0.02, 0.02, 0.008, 0.02, 0.008, 0.02, 0.008, 0.02, 0.008);
        assertEquals(1, alerts.size(), alerts.toString());
        assertTrue(tracker.held().get("rnn").contains(Regime.CHAOTIC));
    }

    @Test
    void regimeIsReleasedAfterPatienceReportsBelowTheExitThreshold() {
        RegimeTracker tracker = new RegimeTracker(AlertPolicy.defaults());
        feed(tracker, 0.1, 0.1, 0.1, -0.1, -0.1);
        assertTrue(tracker.held().get("rnn").contains(Regime.CHAOTIC), "two exits are not enough");
        tracker.update(report(5, -0.1, 0.001));
        assertTrue(!tracker.held().get("rnn").contains(Regime.CHAOTIC), "three are");
    }

    @Test
    void cooldownSuppressesAQuickRepeatOfTheSameAlert() {
        AlertPolicy policy = new AlertPolicy.Builder().patience(1).cooldown(5).build();
        List<Alert> alerts = feed(new RegimeTracker(policy), 0.1, -0.1, 0.1, -0.1, 0.1, -0.1, -0.1, -0.1, 0.1);
        // Fires at report 1; re-entries at 3 and 5 fall inside the cooldown; report 9 is past it.
        assertEquals(2, alerts.stream().filter(a -> a.regime() == Regime.CHAOTIC).count(), alerts.toString());
    }

    @Test
    void horizonLabelsUseTheBackpropagationLength() {
        // λ₁ = −0.05 over τ_b = 100 steps: decay e^{-5} < 1/10 → VANISHING; λ₁ = 0.05 → EXPLODING and CHAOTIC.
        List<Alert> vanishing = feed(new RegimeTracker(AlertPolicy.defaults()), -0.05, -0.05, -0.05);
        assertEquals(List.of(Regime.VANISHING), vanishing.stream().map(Alert::regime).toList());
        List<Alert> exploding = feed(new RegimeTracker(AlertPolicy.defaults()), 0.05, 0.05, 0.05);
        assertEquals(List.of(Regime.CHAOTIC, Regime.EXPLODING), exploding.stream().map(Alert::regime).toList());
    }

    @Test
    void divergedFiresImmediately() {
        RegimeTracker tracker = new RegimeTracker(AlertPolicy.defaults());
        List<Alert> alerts = tracker.update(new ChaosReport(7, 0, 7, 0, ChaosReport.Status.DIVERGED,
                "non-finite parameters", List.of()));
        assertEquals(Regime.DIVERGED, alerts.get(0).regime());
        assertTrue(alerts.get(0).message().contains("iteration 7 (non-finite parameters)"), alerts.get(0).message());
    }

    @Test
    void policyRejectsStopRegimesThatNeverAlert() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new AlertPolicy.Builder().alertOn(Regime.CHAOTIC).stopOn(Regime.DIVERGED).patience(0).build());
        assertTrue(e.getMessage().contains("stopOn [DIVERGED] would never fire"), e.getMessage());
        assertTrue(e.getMessage().contains("patience = 0 must be >= 1"), e.getMessage());
    }

    @Test
    void signRegimeLabelsOneEstimateByTheEntryConditionsAndLeavesTheGapUndecided() {
        // ε = 0.01 (defaults): entry conditions λ − 2SE > ε, |λ| ≤ ε, λ + 2SE < −ε.
        AlertPolicy policy = AlertPolicy.defaults();
        assertEquals(Optional.of(Regime.CHAOTIC), policy.signRegime(0.3, 0.01));
        assertEquals(Optional.of(Regime.EDGE), policy.signRegime(0.005, 0.01));
        assertEquals(Optional.of(Regime.ORDERED), policy.signRegime(-0.7, 0.02));
        assertEquals(Optional.empty(), policy.signRegime(0.015, 0.01));
    }
}
