package io.github.chaoswatch.init;

/**
 * Argument checks shared by the initializers and the mean field, written in the positive form so that NaN fails
 * without an extra branch. Messages name the argument, its value, the allowed range and a typical value.
 */
final class InitArguments {

    private InitArguments() {
    }

    /** Returns {@code gain} if it is finite and &gt; 0, else throws. */
    static double gain(double gain) {
        if (!(gain > 0 && gain <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException("gain = " + gain + " must be finite and > 0; 1 is the edge of chaos"
                    + " for tanh without bias, typical recurrent gains lie between 0.5 and 3");
        }
        return gain;
    }

    /** Returns {@code variance} if it is finite and ≥ 0, else throws. */
    static double variance(String name, double variance) {
        if (!(variance >= 0 && variance <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException(name + " = " + variance + " must be finite and >= 0 (a variance)");
        }
        return variance;
    }

    /** Returns {@code exponent} (nats per step) if it is finite, else throws. */
    static double exponent(String name, double exponent) {
        if (!(Math.abs(exponent) <= Double.MAX_VALUE)) {
            throw new IllegalArgumentException(name + " = " + exponent + " nats/step must be finite; use a negative"
                    + " value for ordered dynamics, 0 for the edge of chaos, a positive one for chaos");
        }
        return exponent;
    }
}
