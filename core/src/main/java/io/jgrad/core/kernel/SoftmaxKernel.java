package io.jgrad.core.kernel;

/**
 * Softmax and log-softmax along one dimension, max-shifted so large logits cannot overflow, with
 * their backward passes. Works in double and rounds once for float inputs.
 */
public final class SoftmaxKernel {
    private SoftmaxKernel() {}

    public static Object forward(Object x, int[] shape, int dim, boolean log) {
        double[] v = Buffers.toDoubles(x);
        Lanes l = new Lanes(shape, dim);
        for (int o = 0; o < l.outer; o++) {
            for (int in = 0; in < l.inner; in++) {
                int base = o * l.c * l.inner + in;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < l.c; j++) max = Math.max(max, v[base + j * l.inner]);
                double sum = 0;
                for (int j = 0; j < l.c; j++) sum += Math.exp(v[base + j * l.inner] - max);
                // Shift first: v - (max + log sum) rounds max + log sum at max's magnitude (a masked -1e9 row).
                // An infinite max is shifted too, so a row with +inf (or only -inf) is NaN, as in PyTorch.
                double logSum = Math.log(sum);
                for (int j = 0; j < l.c; j++) {
                    int i = base + j * l.inner;
                    v[i] = log ? (v[i] - max) - logSum : Math.exp(v[i] - max) / sum;
                }
            }
        }
        return like(x, v);
    }

    /**
     * Gradient of the input given the output {@code y} and its gradient {@code g}:
     * softmax {@code y(g - Σ g·y)}, log-softmax {@code g - exp(y) Σ g}.
     */
    public static Object backward(Object g, Object y, int[] shape, int dim, boolean log) {
        double[] gv = Buffers.toDoubles(g), yv = Buffers.toDoubles(y);
        Lanes l = new Lanes(shape, dim);
        for (int o = 0; o < l.outer; o++) {
            for (int in = 0; in < l.inner; in++) {
                int base = o * l.c * l.inner + in;
                double s = 0;
                for (int j = 0; j < l.c; j++) {
                    int i = base + j * l.inner;
                    s += log ? gv[i] : gv[i] * yv[i];
                }
                for (int j = 0; j < l.c; j++) {
                    int i = base + j * l.inner;
                    gv[i] = log ? gv[i] - Math.exp(yv[i]) * s : yv[i] * (gv[i] - s);
                }
            }
        }
        return like(g, gv);
    }

    private static Object like(Object proto, double[] v) {
        return proto instanceof float[] ? Buffers.toFloats(v) : v;
    }
}
