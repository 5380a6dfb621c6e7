package io.github.chaoswatch.listeners;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what SLF4J's simple binding writes to {@code System.err} (it looks the stream up at every call), so that
 * tests can count warnings. Output still reaches the real stream.
 */
final class WarningCapture implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    WarningCapture() {
        System.setErr(new PrintStream(new TeeStream(), true, StandardCharsets.UTF_8));
    }

    /** Returns how many captured lines contain {@code text}. */
    long lines(String text) {
        String all;
        synchronized (captured) {
            all = captured.toString(StandardCharsets.UTF_8);
        }
        return all.lines().filter(l -> l.contains(text)).count();
    }

    @Override
    public void close() {
        System.setErr(original);
    }

    private final class TeeStream extends java.io.OutputStream {
        @Override
        public void write(int b) {
            synchronized (captured) {
                captured.write(b);
            }
            original.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (captured) {
                captured.write(b, off, len);
            }
            original.write(b, off, len);
        }
    }
}
