package io.github.chaoswatch.lyapunov;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Logs each validated quantity with its expected and measured value, so that docs/validation.md can quote the
 * numbers the test suite actually measured ({@code grep VALIDATION} in the test output).
 */
public final class Validation {

    private static final Logger LOG = LoggerFactory.getLogger("validation");

    private Validation() {
    }

    /** Records one comparison. */
    public static void record(String test, String quantity, double expected, double measured, double tolerance) {
        LOG.info(String.format(Locale.ROOT, "VALIDATION | %s | %s | %.7f | %.9g | %.1e", test, quantity, expected,
                measured, tolerance));
    }
}
