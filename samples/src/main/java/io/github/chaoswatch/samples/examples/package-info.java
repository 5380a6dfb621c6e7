/**
 * Short programs to copy: each shows one way to use chaoswatch in a DL4J project, with comments on every step, and
 * trains on {@link io.github.chaoswatch.samples.LorenzSeries} so that it runs offline (replace it with your data).
 * They use only public API of chaoswatch and DL4J; the README's tour links to them.
 */
package io.github.chaoswatch.samples.examples;
