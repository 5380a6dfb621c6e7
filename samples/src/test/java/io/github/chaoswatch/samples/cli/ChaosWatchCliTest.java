package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.listeners.ChaosListener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes and messages of the top-level command. */
class ChaosWatchCliTest {

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode(), run::toString);
        for (String command : new String[] {"demo", "analyze", "init", "scrambling"}) {
            assertTrue(run.out().contains(command), run::toString);
        }
        assertTrue(run.out().contains("2  bad usage or input"), run::toString);
    }

    @Test
    void versionIsTheListenerVersion() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains(ChaosListener.VERSION), run::toString);
    }

    @Test
    void missingCommandIsAUsageErrorPointingAtHelp() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("name a command"), run::toString);
        assertTrue(run.err().contains("Try 'chaoswatch --help'"), run::toString);
    }

    @Test
    void unknownOptionIsAUsageErrorPointingAtTheSubcommandHelp() {
        CliRun run = CliRun.of("init", "--no-such-option");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Try 'chaoswatch init --help'"), run::toString);
    }
}
