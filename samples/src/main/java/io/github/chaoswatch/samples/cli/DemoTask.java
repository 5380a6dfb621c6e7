package io.github.chaoswatch.samples.cli;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Optional;
import java.util.SplittableRandom;

/** What the demo trains on: the data, and the output layer that fits it. */
interface DemoTask {

    /** Returns one line saying what is learned, from what. */
    String description();

    /** Returns the number of input features per time step. */
    int inputs();

    /** Returns the number of outputs per time step. */
    int outputs();

    /** Returns the loss of the output layer. */
    LossFunctions.LossFunction loss();

    /** Returns the activation of the output layer. */
    Activation outputActivation();

    /** Returns a minibatch of {@code minibatch} windows of {@code length} steps. */
    DataSet batch(int minibatch, int length, SplittableRandom random);

    /**
     * Returns why CHAOTIC is the right answer for this task, if it is (then CHAOTIC alerts are printed as expected,
     * not as problems).
     */
    Optional<String> chaosExpected();
}
