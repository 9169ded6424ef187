package io.jgrad.metrics;

import io.jgrad.core.DType;
import io.jgrad.core.Tensor;
import java.util.Arrays;

/**
 * Reads and checks the label tensors every metric takes, on the host: a metric's result is a few
 * numbers, like {@code item()}, so it reads its operands once instead of composing device ops.
 */
final class Labels {
    private Labels() {}

    /** Predicted and true class indices of {@code n} samples, with the number of classes they range over. */
    record Classes(long[] predicted, long[] target, int numClasses) {
        int size() {
            return target.length;
        }
    }

    /**
     * Class indices from {@code input}, labels [N] or scores [N, C] (argmax over dim 1, the first index
     * on ties, as PyTorch), and {@code target} [N]; {@code numClasses} 0 means: C from the scores, or
     * the largest label + 1 (and 0 for no labels and no numClasses).
     */
    static Classes classes(String fn, Tensor input, Tensor target, int numClasses) {
        notNull(fn, input, target);
        if (target.dim() != 1) {
            throw new IllegalArgumentException(fn + ": target must be class indices of shape [N], got shape "
                    + Arrays.toString(target.shape()) + (target.dim() == 2 ? "; for multi-label 0/1 matrices use "
                    + "Metrics.exactMatch, Metrics.hammingLoss or Metrics.multilabelScores" : ""));
        }
        boolean scores = input.dim() == 2;
        if (!scores && input.dim() != 1 || input.size(0) != target.size(0)) {
            throw new IllegalArgumentException(fn + ": input has shape " + Arrays.toString(input.shape()) + " but target "
                    + Arrays.toString(target.shape()) + " expects predicted labels [" + target.size(0) + "] or scores ["
                    + target.size(0) + ", C]; pass the model's output (logits or probabilities) or its argmax(1)");
        }
        if (scores && !input.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(fn + ": scores [N, C] must be floating point (logits or probabilities), got "
                    + input.dtype() + " " + Arrays.toString(input.shape()) + "; pass labels of shape [N] instead");
        }
        if (numClasses < 0 || numClasses == 0 && scores && input.size(1) == 0) {
            throw new IllegalArgumentException(fn + ": numClasses must be at least 1, got "
                    + (numClasses < 0 ? numClasses : "scores of shape " + Arrays.toString(input.shape())));
        }
        if (scores && numClasses != 0 && numClasses != input.size(1)) {
            throw new IllegalArgumentException(fn + ": numClasses is " + numClasses + " but the scores have "
                    + input.size(1) + " columns; drop numClasses or pass scores [N, " + numClasses + "]");
        }
        long[] predicted = scores ? input.argmax(1).toLongArray() : indices(fn, "input", input);
        long[] truth = indices(fn, "target", target);
        int c = scores ? input.size(1) : numClasses;
        if (c == 0 && truth.length > 0) {
            c = (int) Math.min(Integer.MAX_VALUE, Math.max(max(predicted), max(truth)) + 1);
        }
        if (!scores) inRange(fn, "input", predicted, c);
        inRange(fn, "target", truth, c);
        return new Classes(predicted, truth, c);
    }

    /** A multi-label pair: equal shapes [N, L], every value 0 or 1; returned row-major as 0/1 longs. */
    static long[][] indicators(String fn, Tensor input, Tensor target) {
        notNull(fn, input, target);
        if (input.dim() != 2 || !Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException(fn + ": input and target must be 0/1 matrices of one shape [N, L], got "
                    + Arrays.toString(input.shape()) + " and " + Arrays.toString(target.shape())
                    + "; for class indices [N] use Metrics.accuracy or ConfusionMatrix");
        }
        if (input.size(1) == 0) {
            throw new IllegalArgumentException(fn + ": no labels (L = 0) in shape " + Arrays.toString(input.shape())
                    + "; multi-label matrices need at least one column");
        }
        long[] p = indices(fn, "input", input), t = indices(fn, "target", target);
        for (String arg : new String[] {"input", "target"}) {
            long[] a = arg.equals("input") ? p : t;
            for (long v : a) {
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException(fn + ": " + arg + " must hold 0 or 1 (multi-label indicators), found "
                            + v + "; threshold probabilities first, e.g. probs.ge(0.5)");
                }
            }
        }
        return new long[][] {p, t};
    }

    /** The values as longs: int64 and bool as they are, floating point only when every value is a whole number. */
    private static long[] indices(String fn, String arg, Tensor t) {
        if (!t.dtype().isFloatingPoint()) return t.toLongArray();
        double[] v = t.toDoubleArray();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || Double.isInfinite(v[i])) {
                throw new IllegalArgumentException(fn + ": " + arg + " must hold labels (whole numbers), found " + v[i]
                        + " in a " + t.dtype() + " tensor; pass class indices, or scores [N, C] for the argmax"
                        + (t.dim() == 2 ? ", or thresholded 0/1 indicators" : ""));
            }
            out[i] = (long) v[i];
        }
        return out;
    }

    private static void inRange(String fn, String arg, long[] labels, int numClasses) {
        for (long v : labels) {
            if (v < 0) {
                throw new IllegalArgumentException(fn + ": " + arg + " holds " + v + " but class indices start at 0; "
                        + "map the labels to 0 to C - 1");
            }
            if (v >= numClasses) {
                throw new IllegalArgumentException(fn + ": " + arg + " holds class " + v + " but classes are 0 to "
                        + (numClasses - 1) + "; pass numClasses > " + v + " or fix the labels");
            }
        }
    }

    private static long max(long[] values) {
        long m = -1;
        for (long v : values) m = Math.max(m, v);
        return m;
    }

    private static void notNull(String fn, Tensor input, Tensor target) {
        if (input == null) throw new NullPointerException(fn + ": input is null");
        if (target == null) throw new NullPointerException(fn + ": target is null");
    }

    /** Refuses a score over no samples: there is nothing to average. */
    static void requireSamples(String fn, long n) {
        if (n == 0) {
            throw new IllegalArgumentException(fn + ": no samples (N = 0); " + fn + " is undefined for an empty batch");
        }
    }
}
