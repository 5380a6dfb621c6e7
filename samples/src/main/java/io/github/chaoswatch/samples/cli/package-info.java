/**
 * The {@code chaoswatch} command line (picocli): {@link io.github.chaoswatch.samples.cli.ChaosWatchCli} and one class
 * per subcommand ({@code demo}, {@code analyze}, {@code init}, {@code scrambling}), with what each needs to load,
 * compute, print and write (src/site/markdown/cli.md).
 *
 * <p>Exit codes: 0 success, 1 runtime failure, 2 bad usage or input. Results go to standard output (tables or
 * {@code --json}, typed records through {@code ReportJson}); progress and logs to standard error. May use everything
 * public in chaoswatch and DL4J, and the DL4J UI server.
 */
package io.github.chaoswatch.samples.cli;
