package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.listeners.ChaosListener;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code chaoswatch} command line: {@code demo}, {@code analyze}, {@code init} and {@code scrambling}
 * (src/site/markdown/cli.md).
 *
 * <p>Exit codes: 0 success, 1 runtime failure, 2 bad usage or input (a message says what is wrong and points at
 * {@code --help}). Results go to standard output (a table, or JSON with {@code --json}); progress and logs go to
 * standard error, so {@code --json} output can be piped.
 */
@Command(name = "chaoswatch", mixinStandardHelpOptions = true, version = "chaoswatch " + ChaosListener.VERSION,
        description = "Lyapunov spectra and Li-Yorke chaos for Deeplearning4j recurrent networks.",
        subcommands = {DemoCommand.class, AnalyzeCommand.class, InitCommand.class, ScramblingCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  runtime failure", "  2  bad usage or input (see the message, then --help)"})
public final class ChaosWatchCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        oneNativeThreadUnlessConfigured();
        System.exit(commandLine().execute(args));
    }

    /**
     * Runs ND4J's kernels and BLAS on one thread unless {@code OMP_NUM_THREADS} says otherwise: the small recurrent
     * models of these commands run fastest so (the demo with 40 iterations per phase: 15.5 s, against 27.7 s with the
     * default of every core, on 2 cores; same numbers out), and the default collapses when the machine is busy
     * (docs/benchmarks.md).
     */
    private static void oneNativeThreadUnlessConfigured() {
        if (System.getenv("OMP_NUM_THREADS") == null) {
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.factory().blas().setMaxThreads(1);
        }
    }

    /**
     * Returns the configured command line: the exit codes above, and short error messages that point at
     * {@code --help}. Tests run commands through it in-process.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ChaosWatchCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(ChaosWatchCli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("chaoswatch " + commandLine.getCommandName() + " failed: " + e);
            e.printStackTrace(commandLine.getErr());
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }

    /** Without a subcommand: show the usage and fail as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: demo, analyze, init or"
                + " scrambling");
    }

    /** Prints the problem and where to look, and returns exit code 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        return CommandLine.ExitCode.USAGE;
    }
}
