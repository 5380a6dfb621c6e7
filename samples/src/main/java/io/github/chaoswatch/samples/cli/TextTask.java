package io.github.chaoswatch.samples.cli;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Optional;
import java.util.SplittableRandom;

/** Character-level language modelling: predict the next character of a text (softmax, cross-entropy). */
final class TextTask implements DemoTask {

    private final CharacterCorpus corpus;

    TextTask(CharacterCorpus corpus) {
        this.corpus = corpus;
    }

    @Override
    public String description() {
        return "character-level language model on " + corpus;
    }

    @Override
    public int inputs() {
        return corpus.vocabularySize();
    }

    @Override
    public int outputs() {
        return corpus.vocabularySize();
    }

    @Override
    public LossFunctions.LossFunction loss() {
        return LossFunctions.LossFunction.MCXENT;
    }

    @Override
    public Activation outputActivation() {
        return Activation.SOFTMAX;
    }

    @Override
    public DataSet batch(int minibatch, int length, SplittableRandom random) {
        return corpus.batch(minibatch, length, random);
    }

    @Override
    public Optional<String> chaosExpected() {
        return Optional.empty();
    }
}
