package io.github.chaoswatch.samples.cli;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A text for character-level language modelling: its characters, the vocabulary (every distinct character, in code
 * point order) and one-hot minibatches of random windows (features: characters t, labels: characters t + 1).
 *
 * <p>The default corpus is chaoswatch's own documentation (README.md and src/site/markdown/*.md), copied into the
 * {@code corpus/} resource directory at build time, so the demo runs offline and ships no third-party text.
 */
final class CharacterCorpus {

    /** The resource directory holding the bundled corpus. */
    static final String RESOURCE = "/corpus";

    private final String name;
    private final int[] codes;
    private final int vocabularySize;

    private CharacterCorpus(String name, String text) {
        this.name = name;
        Map<Integer, Integer> index = new TreeMap<>();
        text.codePoints().forEach(c -> index.putIfAbsent(c, 0));
        int next = 0;
        for (Map.Entry<Integer, Integer> e : index.entrySet()) {
            e.setValue(next++);
        }
        this.codes = text.codePoints().map(index::get).toArray();
        this.vocabularySize = index.size();
    }

    /**
     * Reads a UTF-8 text file.
     *
     * @throws IllegalArgumentException if the file is missing, unreadable, not UTF-8 or shorter than
     *                                  {@code minLength} characters
     */
    static CharacterCorpus of(Path file, int minLength) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("text file " + file + " does not exist or is not a file; pass a UTF-8"
                    + " text file with --text");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text file " + file + " is not valid UTF-8; convert it, e.g. with"
                    + " iconv -t UTF-8", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read text file " + file + " (" + e + ")", e);
        }
        return checked(file.toString(), text, minLength);
    }

    /** Reads the bundled corpus: chaoswatch's own documentation. */
    static CharacterCorpus bundled(int minLength) {
        URL url = CharacterCorpus.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the bundled corpus " + RESOURCE + " is missing from the classpath; the"
                    + " build copies it into target/classes (mvn -q install -DskipTests)");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return checked("bundled chaoswatch documentation", readAll(jar.getPath(RESOURCE)), minLength);
                }
            }
            return checked("bundled chaoswatch documentation", readAll(Path.of(uri)), minLength);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled corpus: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unexpected resource URL " + url, e);
        }
    }

    private static String readAll(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        return text.toString();
    }

    private static CharacterCorpus checked(String name, String text, int minLength) {
        int length = text.codePointCount(0, text.length());
        if (!(length >= minLength)) {
            throw new IllegalArgumentException(name + " has " + length + " characters; the demo needs at least "
                    + minLength + " (one window plus one); pass a longer text");
        }
        return new CharacterCorpus(name, text);
    }

    /** Returns where the text came from. */
    String name() {
        return name;
    }

    /** Returns the number of characters. */
    int length() {
        return codes.length;
    }

    /** Returns the number of distinct characters. */
    int vocabularySize() {
        return vocabularySize;
    }

    /** Returns a minibatch of one-hot windows, {@code [minibatch, vocabulary, length]} in float32. */
    DataSet batch(int minibatch, int length, SplittableRandom random) {
        INDArray features = Nd4j.create(DataType.FLOAT, minibatch, vocabularySize, length);
        INDArray labels = Nd4j.create(DataType.FLOAT, minibatch, vocabularySize, length);
        for (int b = 0; b < minibatch; b++) {
            int start = random.nextInt(codes.length - length);
            for (int t = 0; t < length; t++) {
                features.putScalar(new long[] {b, codes[start + t], t}, 1);
                labels.putScalar(new long[] {b, codes[start + t + 1], t}, 1);
            }
        }
        return new DataSet(features, labels);
    }

    @Override
    public String toString() {
        return name + " (" + codes.length + " characters, vocabulary " + vocabularySize + ")";
    }
}
