package io.github.chaoswatch.liyorke;

import java.util.List;

/** Reports every configuration problem of a builder at once, in the message form of STYLE.md §2.6. */
final class ConfigurationProblems {

    private ConfigurationProblems() {
    }

    /** Throws one exception listing every problem, if there are any. */
    static void check(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid " + what + " configuration: " + String.join("; ", problems));
        }
    }

    /** Returns true when {@code value} is a finite number; written in the positive form so that NaN fails. */
    static boolean finite(double value) {
        return Math.abs(value) <= Double.MAX_VALUE;
    }
}
