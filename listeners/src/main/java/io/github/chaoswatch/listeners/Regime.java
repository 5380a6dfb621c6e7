package io.github.chaoswatch.listeners;

/**
 * The dynamical regime of a recurrent layer, read from its largest Lyapunov exponent λ₁ (THEORY.md §6.1–6.2).
 *
 * <p>Sign labels: {@link #CHAOTIC}, {@link #EDGE}, {@link #ORDERED}. Horizon labels, from λ₁ times the
 * backpropagation horizon τ_b (the gradient amplification e^{λ₁τ_b}): {@link #EXPLODING}, {@link #VANISHING}.
 * {@link #DIVERGED}: non-finite parameters, states or exponents.
 */
public enum Regime {
    /** λ₁ − 2·SE &gt; ε: nearby states separate; small input changes have large late effects. */
    CHAOTIC("lower the recurrent gain (OrthogonalInit or EdgeOfChaosInit with a negative offset), clip gradients"
            + " (GradientNormalization.ClipL2PerLayer), or lower the learning rate"),
    /** |λ₁| ≤ ε: the edge of chaos, long memory, gradients neither explode nor vanish quickly. */
    EDGE("nothing: this is where recurrent networks train best; watch that it stays here"),
    /** λ₁ + 2·SE &lt; −ε: every perturbation decays; memory time 1/|λ₁| steps. */
    ORDERED("nothing if the task needs only short memory; for longer memory raise the recurrent gain towards the"
            + " edge (EdgeOfChaosInit, GainCalibrator)"),
    /** (λ₁ − 2·SE)·τ_b &gt; ln K: gradients amplify by more than K over the backpropagation horizon. */
    EXPLODING("clip gradients (GradientNormalization.ClipL2PerLayer), shorten tbpttBackLength, or lower the"
            + " recurrent gain"),
    /** (λ₁ + 2·SE)·τ_b &lt; −ln K: every direction decays by more than K over the horizon; gradients vanish. */
    VANISHING("initialize recurrent weights orthogonally with gain 1 (OrthogonalInit) or at the edge"
            + " (EdgeOfChaosInit), keep the LSTM forget-gate bias at 1 or more, or shorten the horizon"),
    /** Non-finite parameters, states or exponents. */
    DIVERGED("lower the learning rate, clip gradients, and check the data for NaN or extreme values");

    private final String advice;

    Regime(String advice) {
        this.advice = advice;
    }

    /** Returns what to try when this regime is unwanted. */
    public String advice() {
        return advice;
    }
}
