package io.github.chaoswatch.init;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * An m-point Gauss–Hermite rule for the weight e^{−ξ²}, used for Gaussian expectations (THEORY.md §5.2).
 *
 * <pre>
 *   E_z[h(z)] = π^{−1/2} Σ_k w_k · h(√2·ξ_k),   z ~ N(0, 1),
 * </pre>
 * exact for polynomials h of degree below 2m. The substitution z = √2·ξ turns ∫ h(z) e^{−z²/2} dz / √(2π) into
 * π^{−1/2} ∫ h(√2ξ) e^{−ξ²} dξ: forgetting either the π^{−1/2} or the √2 is the classic bug (the tests check
 * E[z²] = 1 and E[z⁴] = 3, §7.8).
 *
 * <p>Nodes and weights by Golub &amp; Welsch (1969): the nodes ξ_k are the eigenvalues of the symmetric tridiagonal
 * Jacobi matrix with zero diagonal and off-diagonal √(j/2), j = 1 … m−1, found by the implicit QL algorithm and
 * polished by one Newton step on the orthonormal Hermite polynomial p_m. The weights come from the equivalent
 * Christoffel form w_k = 1 / Σ_{j&lt;m} p_j(ξ_k)², which keeps full relative accuracy in the far tails where the
 * eigenvector form loses it. Immutable.
 */
final class GaussHermite {

    /** Sweeps of the QL iteration per eigenvalue before giving up; it converges in 2–3 for this matrix. */
    private static final int MAX_QL_SWEEPS = 60;

    /**
     * The orthonormal polynomials grow like e^{ξ²/2} in the tails; above this magnitude the Christoffel sum is
     * rescaled so that 100s of nodes neither overflow nor lose the (then negligible) tail weights.
     */
    private static final double RESCALE_THRESHOLD = 1e100;

    private static final double SQRT_2 = Math.sqrt(2);
    private static final double INV_SQRT_PI = 1 / Math.sqrt(Math.PI);

    private final double[] nodes;
    private final double[] weights;

    private GaussHermite(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * Returns the rule with {@code m} points.
     *
     * @throws IllegalArgumentException if m &lt; 1
     */
    static GaussHermite of(int m) {
        if (!(m >= 1)) {
            throw new IllegalArgumentException("a Gauss-Hermite rule needs at least 1 node, got " + m);
        }
        double[] diagonal = new double[m];
        double[] offDiagonal = new double[m];
        for (int j = 1; j < m; j++) {
            offDiagonal[j - 1] = Math.sqrt(j / 2.0);
        }
        eigenvaluesOfTridiagonal(diagonal, offDiagonal);
        double[] nodes = diagonal;
        Arrays.sort(nodes);
        double[] weights = new double[m];
        for (int k = 0; k < m; k++) {
            nodes[k] = newtonPolish(nodes[k], m);
            weights[k] = christoffelWeight(nodes[k], m);
        }
        return new GaussHermite(nodes, weights);
    }

    /** Returns the number of nodes m. */
    int size() {
        return nodes.length;
    }

    /** Returns the nodes ξ_k for the weight e^{−ξ²}, ascending. */
    double[] nodes() {
        return nodes.clone();
    }

    /** Returns the weights w_k for the weight e^{−ξ²}; they sum to √π. */
    double[] weights() {
        return weights.clone();
    }

    /** Returns the points z_k = √2·ξ_k at which {@link #expectation} evaluates its argument. */
    double[] normalPoints() {
        double[] z = new double[nodes.length];
        for (int k = 0; k < z.length; k++) {
            z[k] = SQRT_2 * nodes[k];
        }
        return z;
    }

    /** Returns the probabilities π^{−1/2}·w_k that go with {@link #normalPoints()}; they sum to 1. */
    double[] normalWeights() {
        double[] p = new double[weights.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = INV_SQRT_PI * weights[k];
        }
        return p;
    }

    /** Returns E_z[h(z)] for z ~ N(0, 1): π^{−1/2} Σ_k w_k h(√2·ξ_k). */
    double expectation(DoubleUnaryOperator h) {
        double sum = 0;
        for (int k = 0; k < nodes.length; k++) {
            sum += weights[k] * h.applyAsDouble(SQRT_2 * nodes[k]);
        }
        return INV_SQRT_PI * sum;
    }

    /**
     * Overwrites {@code diagonal} with the eigenvalues of the symmetric tridiagonal matrix (diagonal d, off-diagonal
     * e with e[i] between rows i and i+1), by the implicit QL algorithm with Wilkinson shifts (the classic tql1).
     */
    private static void eigenvaluesOfTridiagonal(double[] d, double[] e) {
        int n = d.length;
        for (int l = 0; l < n; l++) {
            int sweeps = 0;
            while (true) {
                int m = l;
                while (m < n - 1) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= Math.ulp(dd)) {
                        break;
                    }
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (++sweeps > MAX_QL_SWEEPS) {
                    throw new IllegalStateException("the QL iteration for Gauss-Hermite nodes did not converge for"
                            + " m = " + n + " nodes; this should not happen for the Hermite Jacobi matrix");
                }
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.hypot(g, 1);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1;
                double c = 1;
                double p = 0;
                int i = m - 1;
                boolean underflow = false;
                for (; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0) {
                        d[i + 1] -= p;
                        e[m] = 0;
                        underflow = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                }
                if (underflow) {
                    continue;
                }
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
        }
    }

    /** One Newton step on p_m at x: x − p_m(x)/p_m'(x), with p_m' = √(2m)·p_{m−1}. */
    private static double newtonPolish(double x, int m) {
        double[] last = orthonormalPair(x, m);
        if (last[0] == 0) {
            return x;
        }
        return x - last[1] / (Math.sqrt(2.0 * m) * last[0]);
    }

    /** Returns {p_{m−1}(x), p_m(x)} up to a common positive factor (rescaled against overflow). */
    private static double[] orthonormalPair(double x, int m) {
        double previous = 0;
        double current = Math.pow(Math.PI, -0.25);
        for (int j = 0; j < m; j++) {
            double next = Math.sqrt(2.0 / (j + 1)) * x * current - Math.sqrt(j / (j + 1.0)) * previous;
            previous = current;
            current = next;
            if (Math.abs(current) > RESCALE_THRESHOLD) {
                previous /= RESCALE_THRESHOLD;
                current /= RESCALE_THRESHOLD;
            }
        }
        return new double[] {previous, current};
    }

    /** Returns 1 / Σ_{j&lt;m} p_j(x)², the Gauss weight at node x, computed with rescaling against overflow. */
    private static double christoffelWeight(double x, int m) {
        double previous = 0;
        double current = Math.pow(Math.PI, -0.25);
        double sum = current * current;
        double logScale = 0;
        for (int j = 0; j < m - 1; j++) {
            double next = Math.sqrt(2.0 / (j + 1)) * x * current - Math.sqrt(j / (j + 1.0)) * previous;
            previous = current;
            current = next;
            sum += current * current;
            if (Math.abs(current) > RESCALE_THRESHOLD) {
                previous /= RESCALE_THRESHOLD;
                current /= RESCALE_THRESHOLD;
                sum /= RESCALE_THRESHOLD * RESCALE_THRESHOLD;
                logScale += 2 * Math.log(RESCALE_THRESHOLD);
            }
        }
        return Math.exp(-(Math.log(sum) + logScale));
    }

    @Override
    public String toString() {
        return "GaussHermite[m=" + nodes.length + "]";
    }
}
