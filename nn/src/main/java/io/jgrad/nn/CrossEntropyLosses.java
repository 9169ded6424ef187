package io.jgrad.nn;

import static io.jgrad.nn.LossChecks.floating;

import io.jgrad.core.DType;
import io.jgrad.core.Fused;
import io.jgrad.core.Tensor;
import java.util.Arrays;

/** The math behind {@link F#nllLoss} and {@link F#crossEntropy}: class-index and class-probability targets. */
final class CrossEntropyLosses {
    private CrossEntropyLosses() {}

    /**
     * Negative log likelihood of class indices: input log-probabilities (C), (N, C) or (N, C, d1, ...);
     * target int64 (), (N) or (N, d1, ...). MEAN divides by the summed weights of the targets that are
     * not ignored (NaN when all are).
     */
    static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction) {
        String op = "nllLoss";
        floating(op, "input", input);
        if (input.numel() > 0 && input.amax().item() > 0) {
            Warnings.once("NLLLoss got positive values, which cannot be log-probabilities; apply logSoftmax first, or "
                    + "use CrossEntropyLoss on the logits");
        }
        indexTarget(op, input, target, ignoreIndex, false);
        return LossNode.named("NllLossBackward0", nll(op, input, target, weight, ignoreIndex, reduction));
    }

    /**
     * Cross entropy on logits (class dim 1, or 0 for unbatched input) against class indices (int64) or
     * class probabilities (the input's shape, floating point), with optional label smoothing. Class
     * indices without label smoothing take the fused kernel, {@link Fused#crossEntropy}.
     */
    static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, int ignoreIndex,
                                      double labelSmoothing, Reduction reduction) {
        String op = "crossEntropy";
        floating(op, "input", input);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(op + ": labelSmoothing must be between 0.0 and 1.0; got " + labelSmoothing);
        }
        warnIfNormalized(input);
        int classDim = input.dim() == 1 ? 0 : 1;
        boolean probabilities = target != null && target.dtype().isFloatingPoint()
                && Arrays.equals(target.shape(), input.shape());
        // A 0-dim input takes the composed path, whose logSoftmax rejects it with PyTorch's message.
        if (!probabilities && labelSmoothing == 0 && input.dim() > 0) {
            indexTarget(op, input, target, ignoreIndex, true);
            if (weight != null) classWeights(op, weight, input, classDim);
            return Fused.crossEntropy(input, target, weight, ignoreIndex, reduction.torchName(op));
        }
        Tensor logp = input.logSoftmax(classDim);
        int c = input.dim() == 0 ? 0 : input.size(classDim);
        if (probabilities) {
            // A negative ignoreIndex cannot name a class, so PyTorch accepts any of them here, not only -100.
            if (ignoreIndex >= 0) {
                throw new IllegalArgumentException(op + ": ignoreIndex is not supported for probability targets (got "
                        + ignoreIndex + "; leave it negative, e.g. the default -100); set the probabilities of the "
                        + "rows to skip to zero instead");
            }
            Tensor t = labelSmoothing > 0 ? target.mul(1 - labelSmoothing).add(labelSmoothing / c) : target;
            Tensor terms = logp.mul(t.to(logp.dtype()));
            if (weight != null) terms = terms.mul(classWeights(op, weight, input, classDim));
            Tensor perSample = terms.sum(classDim).neg();
            return switch (reduction) {
                case MEAN -> perSample.sum().div((double) input.numel() / c);
                case SUM, NONE -> reduction.apply(op, perSample);
                case BATCHMEAN -> reduction.apply(op, perSample);
            };
        }
        indexTarget(op, input, target, ignoreIndex, true);
        Tensor nll = nll(op, logp, target, weight, ignoreIndex, reduction);
        Tensor terms = weight == null ? logp : logp.mul(classWeights(op, weight, input, classDim));
        Tensor ignored = target.eq((double) ignoreIndex);
        Tensor smooth = terms.sum(classDim).neg().maskedFill(ignored, 0.0);
        Tensor smoothReduced = switch (reduction) {
            case NONE -> smooth;
            case SUM -> smooth.sum();
            case MEAN -> smooth.sum().div(weight == null ? ignored.logicalNot().toType(smooth.dtype()).sum()
                    : targetWeights(weight, target, ignoreIndex, c).sum().to(smooth.dtype()));
            case BATCHMEAN -> reduction.apply(op, smooth);
        };
        return nll.mul(1 - labelSmoothing).add(smoothReduced.mul(labelSmoothing / c));
    }

    /** How far a class slice's sum (of probabilities, or of exp of log-probabilities) may be from 1. */
    private static final double SUMS_TO_ONE = 1e-3;

    /**
     * Warns when the input is already normalised, so that cross entropy would apply logSoftmax twice. With a
     * grad_fn the graph says so for free (a Softmax or LogSoftmax node); without one (under no-grad, or a
     * plain tensor) the values are checked instead, so a training step, whose input has a grad_fn, never
     * pays for a pass over them.
     */
    private static void warnIfNormalized(Tensor input) {
        String fix = "; it applies logSoftmax itself, so pass the raw logits (or use NLLLoss on logSoftmax output)";
        if (input.gradFn() != null) {
            if (input.gradFn().name().matches("(Log)?SoftmaxBackward0")) {
                Warnings.once("CrossEntropyLoss got the output of " + input.gradFn().name().replace("Backward0", "") + fix);
            }
            return;
        }
        String kind = normalizedKind(input);
        if (kind != null) {
            Warnings.once("CrossEntropyLoss got values that look like " + kind + " (detected from the values, as the "
                    + "input has no grad_fn)" + fix);
        }
    }

    /**
     * "probabilities, softmax output: ..." or "log-probabilities, logSoftmax output: ..." when every slice of
     * {@code input} along the class dim (1, or 0 for unbatched input) is a distribution, as softmax and
     * logSoftmax output is; null for anything else, including non-finite values, fewer than 2 classes, and
     * empty or 0-dim input.
     */
    private static String normalizedKind(Tensor input) {
        if (input.dim() == 0 || input.numel() == 0) return null;
        int[] shape = input.shape();
        int classDim = input.dim() == 1 ? 0 : 1, c = shape[classDim];
        if (c < 2) return null;
        double[] v = input.toDoubleArray();
        boolean nonNegative = true, nonPositive = true;
        for (double x : v) {
            if (!Double.isFinite(x)) return null;
            nonNegative &= x >= 0;
            nonPositive &= x <= 0;
            if (!nonNegative && !nonPositive) return null;
        }
        int inner = 1;
        for (int d = classDim + 1; d < shape.length; d++) inner *= shape[d];
        for (int outer = 0; outer < v.length / (c * inner); outer++) {
            for (int k = 0; k < inner; k++) {
                double sum = 0;
                for (int j = 0; j < c; j++) {
                    double x = v[(outer * c + j) * inner + k];
                    sum += nonNegative ? x : Math.exp(x);
                }
                if (!(Math.abs(sum - 1) <= SUMS_TO_ONE)) return null;
            }
        }
        return nonNegative ? "probabilities, softmax output: each slice along the class dim is >= 0 and sums to 1"
                : "log-probabilities, logSoftmax output: each slice along the class dim is <= 0 and its exp sums to 1";
    }

    private static Tensor nll(String op, Tensor logp, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction) {
        boolean unbatched = logp.dim() == 1;
        Tensor in = unbatched ? logp.unsqueeze(0) : logp, t = unbatched ? target.unsqueeze(0) : target;
        int c = in.size(1);
        if (weight != null) classWeights(op, weight, logp, unbatched ? 0 : 1);
        Tensor ignored = t.eq((double) ignoreIndex);
        Tensor safe = t.maskedFill(ignored, 0.0);
        // Masked so an ignored position gets gradient 0, as in PyTorch, even when all are ignored and the
        // mean divides by a total weight of 0 (w = 0 times an infinite gradient would be NaN).
        Tensor picked = in.gather(1, safe.unsqueeze(1)).squeeze(1).maskedFill(ignored, 0.0);
        Tensor w = targetWeights(weight, t, ignoreIndex, c).to(in.dtype());
        Tensor losses = picked.mul(w).neg();
        Tensor out = switch (reduction) {
            case NONE -> losses;
            case SUM -> losses.sum();
            case MEAN -> losses.sum().div(w.sum());
            case BATCHMEAN -> reduction.apply(op, losses);
        };
        return unbatched && reduction == Reduction.NONE ? out.squeeze(0) : out;
    }

    /** w[target] per position, 0 where the target is ignored (all 1 without a weight). */
    private static Tensor targetWeights(Tensor weight, Tensor target, int ignoreIndex, int c) {
        Tensor ignored = target.eq((double) ignoreIndex);
        Tensor w = weight == null ? Tensor.onesLike(target).toDouble()
                : weight.toDouble().indexSelect(0, target.maskedFill(ignored, 0.0).flatten()).reshape(target.shape());
        return w.maskedFill(ignored, 0.0);
    }

    /** A class weight of shape [C], viewed so it broadcasts along the class dim of the input. */
    private static Tensor classWeights(String op, Tensor weight, Tensor input, int classDim) {
        int c = input.size(classDim);
        floating(op, "weight", weight);
        if (weight.dim() != 1 || weight.size(0) != c) {
            throw new IllegalArgumentException(op + ": weight tensor should be defined either for all " + c + " classes "
                    + "or no classes but got weight tensor of shape " + Arrays.toString(weight.shape()));
        }
        int[] view = new int[input.dim()];
        Arrays.fill(view, 1);
        view[classDim] = c;
        return weight.to(input.dtype()).reshape(view);
    }

    /** Shape, dtype and range checks for class-index targets. */
    private static void indexTarget(String op, Tensor input, Tensor target, int ignoreIndex,
                                    boolean probabilitiesAllowed) {
        if (target == null) throw new NullPointerException(op + ": target is null");
        int[] is = input.shape(), ts = target.shape();
        if (target.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + ": target must be int64 class indices for index targets; got "
                    + target.dtype() + " with shape " + Arrays.toString(ts) + " — use target.toLong()"
                    + (probabilitiesAllowed ? ", or pass class probabilities of the input's shape "
                    + Arrays.toString(is) : ""));
        }
        if (input.dim() < 1) throw new IllegalArgumentException(op + ": input must have a class dimension; got a 0-dim tensor");
        boolean unbatched = input.dim() == 1;
        int[] expected = new int[unbatched ? 0 : is.length - 1];
        for (int d = 0, j = 0; !unbatched && d < is.length; d++) if (d != 1) expected[j++] = is[d];
        if (!Arrays.equals(ts, expected)) {
            String hint = ts.length == expected.length + 1 && ts[ts.length - 1] == 1 && !unbatched
                    ? "; did you mean target.squeeze(" + (ts.length - 1) + ")?"
                    : ts.length > 0 && expected.length > 0 && ts[0] != expected[0]
                    ? " (input batch size " + expected[0] + ", target batch size " + ts[0] + ")" : "";
            throw new IllegalArgumentException(op + ": target has shape " + Arrays.toString(ts) + " but input "
                    + Arrays.toString(is) + " expects " + Arrays.toString(expected) + hint);
        }
        int c = is[unbatched ? 0 : 1];
        long[] labels = target.toLongArray();
        for (int i = 0; i < labels.length; i++) {
            long v = labels[i];
            if (v == ignoreIndex || v >= 0 && v < c) continue;
            throw new IndexOutOfBoundsException(String.format("%s: target %d at position %d is out of bounds for %d "
                    + "classes (class indices are 0-based, in [0, %d]; labels to skip need ignoreIndex)", op, v, i, c,
                    c - 1));
        }
    }
}
