package io.github.chaoswatch.listeners;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running a test main class on this JVM's class path, its standard output read line by line, its
 * standard error kept in a file. Always {@link #close() closed} in a finally block: close kills it (SIGKILL on Linux).
 */
public final class ForkedJvm implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Path stderr;
    private final Thread reaper;

    /** Starts {@code mainClass} with {@code args} in a JVM of at most 512 MB heap. */
    public ForkedJvm(Class<?> mainClass, Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        this.stderr = stderr;
        this.process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        // a test JVM killed by a timeout must not leave its children training forever
        this.reaper = new Thread(process::destroyForcibly, "forked-jvm-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("EOF " + e);
            }
        }, "forked-jvm-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Waits until {@code count} lines matching {@code wanted} have been printed in all, or fails saying what was
     * seen, with the child's standard error.
     */
    public List<String> await(Predicate<String> wanted, int count, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (matching(wanted).size() < count) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("the forked JVM printed " + matching(wanted).size() + " of " + count
                        + " expected lines within " + timeoutSeconds + " s (alive: " + process.isAlive() + ");"
                        + " stdout: " + seen + "; stderr tail: " + stderrTail());
            }
            seen.add(line);
        }
        return matching(wanted);
    }

    /** Returns the lines printed so far (and drains what is waiting) matching {@code wanted}. */
    public List<String> matching(Predicate<String> wanted) {
        lines.drainTo(seen);
        return seen.stream().filter(wanted).toList();
    }

    /** Returns the child's standard error so far. */
    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    private String stderrTail() {
        try {
            String all = stderr();
            return all.substring(Math.max(0, all.length() - 4000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Kills the child at once (SIGKILL on Linux, no shutdown hooks) and waits for it to end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the forked JVM did not die within 60 s of SIGKILL");
        }
    }

    /** Returns the exit value (137 = killed by SIGKILL on Linux). */
    public int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        Runtime.getRuntime().removeShutdownHook(reaper);
    }

    /** A temporary file for a child's standard error. */
    static Path stderrFile(File dir, String name) {
        return dir.toPath().resolve(name + ".stderr.log");
    }
}
