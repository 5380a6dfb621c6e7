package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.samples.RecurrentInit;
import picocli.CommandLine;

/** Reads {@code orthogonal}, {@code gaussian} or {@code critical}. */
final class InitConverter implements CommandLine.ITypeConverter<RecurrentInit> {

    @Override
    public RecurrentInit convert(String value) {
        return RecurrentInit.parse(value);
    }
}
