package io.github.chaoswatch.lyapunov;

import io.github.chaoswatch.dynamics.RecurrentDynamics;
import io.github.chaoswatch.dynamics.SimpleRnnDynamics;
import io.github.chaoswatch.linalg.DenseMatrix;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/** Dynamical systems with known exponents (THEORY.md §7), and random SimpleRnn layers. */
final class TestSystems {

    private TestSystems() {
    }

    /** A map given by its step and explicit Jacobian; J·Q is formed by a plain product. */
    abstract static class ExplicitMap implements RecurrentDynamics {
        private final String name;
        private final int dimension;
        private final int inputs;

        ExplicitMap(String name, int dimension, int inputs) {
            this.name = name;
            this.dimension = dimension;
            this.inputs = inputs;
        }

        abstract double[][] jacobianAt(double[] state, double[] input);

        @Override
        public String name() {
            return name;
        }

        @Override
        public String layerType() {
            return "test map";
        }

        @Override
        public int stateSize() {
            return dimension;
        }

        @Override
        public int inputSize() {
            return inputs;
        }

        @Override
        public void tangentStep(double[] state, double[] input, double[] next, DenseMatrix stateTangents,
                                DenseMatrix inputTangents, DenseMatrix product) {
            multiply(jacobianAt(state, input), stateTangents, product);
            step(state, input, next);
        }

        static void multiply(double[][] j, DenseMatrix q, DenseMatrix product) {
            for (int c = 0; c < q.columns(); c++) {
                for (int i = 0; i < j.length; i++) {
                    double sum = 0;
                    for (int m = 0; m < j.length; m++) {
                        sum += j[i][m] * q.get(m, c);
                    }
                    product.set(i, c, sum);
                }
            }
        }
    }

    /** x ↦ r·x(1 − x), started inside (0.05, 0.95) away from the exact fixed points. */
    static ExplicitMap logistic(double r) {
        return new ExplicitMap("logistic r=" + r, 1, 0) {
            @Override
            public void step(double[] s, double[] x, double[] next) {
                next[0] = r * s[0] * (1 - s[0]);
            }

            @Override
            double[][] jacobianAt(double[] s, double[] x) {
                return new double[][] {{r * (1 - 2 * s[0])}};
            }

            @Override
            public double[] initialState(SplittableRandom random) {
                return new double[] {random.nextDouble(0.05, 0.95)};
            }
        };
    }

    /** (x, y) ↦ (1 − 1.4x² + y, 0.3x), started near the attractor. */
    static ExplicitMap henon() {
        return new ExplicitMap("Henon", 2, 0) {
            @Override
            public void step(double[] s, double[] x, double[] next) {
                next[0] = 1 - 1.4 * s[0] * s[0] + s[1];
                next[1] = 0.3 * s[0];
            }

            @Override
            double[][] jacobianAt(double[] s, double[] x) {
                return new double[][] {{-2 * 1.4 * s[0], 1}, {0.3, 0}};
            }

            @Override
            public double[] initialState(SplittableRandom random) {
                return new double[] {random.nextDouble(-0.1, 0.1), random.nextDouble(-0.1, 0.1)};
            }
        };
    }

    /** s ↦ A·s, started at the fixed point 0 so that unstable maps do not overflow (J = A everywhere). */
    static ExplicitMap linear(double[][] a) {
        return new ExplicitMap("linear", a.length, 0) {
            @Override
            public double[] initialState(SplittableRandom random) {
                return new double[a.length];
            }

            @Override
            public void step(double[] s, double[] x, double[] next) {
                for (int i = 0; i < a.length; i++) {
                    double sum = 0;
                    for (int j = 0; j < a.length; j++) {
                        sum += a[i][j] * s[j];
                    }
                    next[i] = sum;
                }
            }

            @Override
            double[][] jacobianAt(double[] s, double[] x) {
                return a;
            }
        };
    }

    /**
     * s ↦ A_p·s with the phase p chosen by a one-hot input (THEORY.md §7.5): driven by the repeating sequence
     * e_1, e_2, e_3 it applies A_1, A_2, A_3 in turn.
     */
    static ExplicitMap cyclic(double[][]... matrices) {
        return new ExplicitMap("cyclic", matrices[0].length, matrices.length) {
            @Override
            public double[] initialState(SplittableRandom random) {
                return new double[matrices[0].length];
            }

            @Override
            public void step(double[] s, double[] x, double[] next) {
                double[][] a = jacobianAt(s, x);
                for (int i = 0; i < a.length; i++) {
                    next[i] = a[i][0] * s[0] + a[i][1] * s[1];
                }
            }

            @Override
            double[][] jacobianAt(double[] s, double[] x) {
                for (int p = 0; p < x.length; p++) {
                    if (x[p] == 1) {
                        return matrices[p];
                    }
                }
                throw new IllegalStateException("no phase in input");
            }
        };
    }

    /** The drive e_1, e_2, e_3, e_1, … of {@link #cyclic}. */
    static Drive cyclicDrive() {
        return Drive.of(new double[][][] {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
    }

    /** Wraps a map so that its frame is propagated with Jᵀ: the bug of THEORY.md §2.7, to prove tests catch it. */
    static ExplicitMap transposed(ExplicitMap map) {
        return new ExplicitMap(map.name() + " transposed", map.stateSize(), map.inputSize()) {
            @Override
            public double[] initialState(SplittableRandom random) {
                return map.initialState(random);
            }

            @Override
            public void step(double[] s, double[] x, double[] next) {
                map.step(s, x, next);
            }

            @Override
            double[][] jacobianAt(double[] s, double[] x) {
                double[][] j = map.jacobianAt(s, x);
                double[][] t = new double[j.length][j.length];
                for (int i = 0; i < j.length; i++) {
                    for (int m = 0; m < j.length; m++) {
                        t[i][m] = j[m][i];
                    }
                }
                return t;
            }
        };
    }

    /** A SimpleRnn with one input, zero input weights and bias, and RW given as a row-major DL4J [n, n] array. */
    static SimpleRnnDynamics simpleRnn(double[][] rw, IActivation activation) {
        int n = rw.length;
        INDArray w = Nd4j.zeros(DataType.DOUBLE, 1, n);
        INDArray b = Nd4j.zeros(DataType.DOUBLE, 1, n);
        return SimpleRnnDynamics.of("rnn", w, Nd4j.createFromArray(rw), b, activation);
    }

    /** A random tanh SimpleRnn, RW_ij ~ N(0, gain²/n). */
    static SimpleRnnDynamics randomTanhRnn(int n, double gain, long seed) {
        return simpleRnn(gaussian(n, gain, seed), new ActivationTanH());
    }

    static double[][] gaussian(int n, double gain, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rw = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rw[i][j] = gain / Math.sqrt(n) * random.nextGaussian();
            }
        }
        return rw;
    }

    /** g·Q with Q a random orthogonal matrix (Gram–Schmidt on a Gaussian matrix). */
    static double[][] orthogonal(int n, double gain, long seed) {
        double[][] q = gaussian(n, 1, seed);
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[i][j] * q[i][p];
                }
                for (int i = 0; i < n; i++) {
                    q[i][j] -= dot * q[i][p];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[i][j] * q[i][j];
            }
            for (int i = 0; i < n; i++) {
                q[i][j] /= Math.sqrt(norm);
            }
        }
        for (double[] row : q) {
            for (int j = 0; j < n; j++) {
                row[j] *= gain;
            }
        }
        return q;
    }
}
