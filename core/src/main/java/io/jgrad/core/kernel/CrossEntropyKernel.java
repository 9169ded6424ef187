package io.jgrad.core.kernel;

/**
 * Cross entropy of logits against class indices: PyTorch's {@code log_softmax} followed by
 * {@code nll_loss}, in one pass over each lane (the C logits of one position, the tensor seen as
 * [outer, C, inner] around the class dim). Works in double and rounds once for float inputs.
 *
 * <p>Lanes whose target equals {@code ignoreIndex} add no loss and no weight; every other target must
 * be a class in [0, C), which the caller has checked. Large inputs split across {@link Parallel}'s
 * threads; the reduced loss combines per-chunk partial sums in chunk order, so it has the same bits for
 * any thread count.
 */
public final class CrossEntropyKernel {
    private CrossEntropyKernel() {}

    /**
     * What a forward pass gives: per-lane losses in the input's array type (null unless asked for), the
     * summed loss and target weight of the non-ignored lanes, and the softmax of the logits in the
     * input's array type (null unless asked for), which is all backward needs.
     */
    public record Forward(Object losses, double lossSum, double totalWeight, Object softmax) {}

    /**
     * The loss of logits {@code x} ({@code float[]} or {@code double[]}, class dim {@code dim}) against
     * one {@code target} class per lane (lanes in [outer, inner] order), {@code weight} holding one
     * weight per class or null for all ones. {@code perLane} (reduction "none") also returns each
     * lane's loss, {@code keepSoftmax} the softmax for backward.
     */
    public static Forward forward(Object x, int[] shape, int dim, long[] target, double[] weight, long ignoreIndex,
                                  boolean perLane, boolean keepSoftmax) {
        Lanes l = new Lanes(shape, dim);
        int lanes = l.outer * l.inner, per = Math.max(l.c, 1);
        Object losses = perLane ? Buffers.allocLike(x, lanes) : null;
        Object softmax = keepSoftmax ? Buffers.allocLike(x, Buffers.length(x)) : null;
        int work = lanes * per, chunks = Parallel.chunks(work);
        double[] lossParts = new double[chunks], weightParts = new double[chunks];
        Parallel.forChunks(work, (chunk, from, to) -> {
            double[] row = new double[l.c];
            double lossSum = 0, weightSum = 0;
            for (int lane = firstLane(from, per), end = firstLane(to, per); lane < end; lane++) {
                int base = (lane / l.inner) * l.c * l.inner + lane % l.inner;
                load(x, base, l.inner, row);
                long t = target[lane];
                double picked = t == ignoreIndex ? 0 : row[(int) t];
                double max = Double.NEGATIVE_INFINITY;
                for (double v : row) max = Math.max(max, v);  // NaN wins, so a NaN logit makes the lane NaN
                // All -inf (or no classes): no shift, so the log gives -inf. A +inf max does shift,
                // making inf - inf = NaN, as PyTorch's log_softmax does.
                double shift = max == Double.NEGATIVE_INFINITY ? 0 : max;
                double sum = 0;
                for (int j = 0; j < row.length; j++) {
                    row[j] = Math.exp(row[j] - shift);
                    sum += row[j];
                }
                double loss = 0;
                if (t != ignoreIndex) {
                    double w = weight == null ? 1 : weight[(int) t];
                    loss = -w * ((picked - shift) - Math.log(sum));
                    lossSum += loss;
                    weightSum += w;
                }
                if (perLane) Buffers.set(losses, lane, loss);
                if (keepSoftmax) {
                    for (int j = 0; j < row.length; j++) row[j] /= sum;
                    store(row, softmax, base, l.inner);
                }
            }
            lossParts[chunk] = lossSum;
            weightParts[chunk] = weightSum;
        });
        double lossSum = 0, totalWeight = 0;
        for (int c = 0; c < chunks; c++) {
            lossSum += lossParts[c];
            totalWeight += weightParts[c];
        }
        return new Forward(losses, lossSum, totalWeight, softmax);
    }

    /**
     * The gradient of the logits, {@code (softmax - onehot(target)) · w[target] · upstream / divisor}
     * per lane, {@code upstream} holding the output's gradient per lane or one value for a reduced loss,
     * and {@code divisor} the summed target weight for reduction "mean", else 1. An ignored lane gets
     * {@code softmax · 0}: zero, or NaN where its logits made the softmax NaN, as PyTorch's log_softmax
     * backward gives.
     */
    public static Object backward(Object softmax, int[] shape, int dim, long[] target, double[] weight,
                                  long ignoreIndex, double[] upstream, double divisor) {
        Lanes l = new Lanes(shape, dim);
        int lanes = l.outer * l.inner, per = Math.max(l.c, 1);
        Object out = Buffers.allocLike(softmax, Buffers.length(softmax));
        Parallel.forRange(lanes * per, (from, to) -> {
            double[] row = new double[l.c];
            for (int lane = firstLane(from, per), end = firstLane(to, per); lane < end; lane++) {
                int base = (lane / l.inner) * l.c * l.inner + lane % l.inner;
                long t = target[lane];
                double g = upstream.length == 1 ? upstream[0] : upstream[lane];
                // PyTorch divides the upstream by the total weight before weighting, so w = 0 over a
                // zero total is NaN, not 0.
                double coef = t == ignoreIndex ? 0 : (weight == null ? 1 : weight[(int) t]) * (g / divisor);
                load(softmax, base, l.inner, row);
                for (int j = 0; j < l.c; j++) row[j] *= coef;
                if (t != ignoreIndex) row[(int) t] -= coef;
                store(row, out, base, l.inner);
            }
        });
        return out;
    }

    /**
     * The first lane whose work starts at or after {@code position}, work being {@code per} units a
     * lane: splitting by work rather than by lane count keeps the split the same for few wide lanes
     * and many narrow ones.
     */
    private static int firstLane(int position, int per) {
        return (int) (((long) position + per - 1) / per);
    }

    private static void load(Object x, int base, int stride, double[] row) {
        if (x instanceof float[] f) {
            for (int j = 0; j < row.length; j++) row[j] = f[base + j * stride];
        } else {
            double[] d = (double[]) x;
            for (int j = 0; j < row.length; j++) row[j] = d[base + j * stride];
        }
    }

    private static void store(double[] row, Object out, int base, int stride) {
        if (out instanceof float[] f) {
            for (int j = 0; j < row.length; j++) f[base + j * stride] = (float) row[j];
        } else {
            double[] d = (double[]) out;
            for (int j = 0; j < row.length; j++) d[base + j * stride] = row[j];
        }
    }
}
