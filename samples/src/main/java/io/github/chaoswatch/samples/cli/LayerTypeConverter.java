package io.github.chaoswatch.samples.cli;

import io.github.chaoswatch.samples.RecurrentLayerType;
import picocli.CommandLine;

/** Reads {@code simple-rnn}, {@code lstm} or {@code graves-lstm}. */
final class LayerTypeConverter implements CommandLine.ITypeConverter<RecurrentLayerType> {

    @Override
    public RecurrentLayerType convert(String value) {
        return RecurrentLayerType.parse(value);
    }
}
