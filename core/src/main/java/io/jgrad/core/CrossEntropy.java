package io.jgrad.core;

import java.util.Arrays;

/**
 * Cross entropy of logits against class indices with log-softmax and NLL fused: PyTorch's
 * {@code F.cross_entropy} for int64 targets without label smoothing, whose graph node is
 * {@code NllLossBackward0}. Input (C), (N, C) or (N, C, d1, ...); target (), (N) or (N, d1, ...).
 * Backward is one pass, {@code (softmax(x) - onehot(target)) · w[target] · upstream}, divided by the
 * summed target weights for "mean". Neither target nor weight gets a gradient.
 */
final class CrossEntropy extends Op {
    private static final String OP = "crossEntropy";

    private final Tensor target;
    private final double[] weight;
    private final long ignoreIndex;
    private final boolean mean, none;
    private int dim;
    private double totalWeight;

    private CrossEntropy(Tensor target, double[] weight, long ignoreIndex, String reduction) {
        this.target = target;
        this.weight = weight;
        this.ignoreIndex = ignoreIndex;
        this.mean = reduction.equals("mean");
        this.none = reduction.equals("none");
    }

    /** The checked entry point behind {@link Fused#crossEntropy}. */
    static Tensor loss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction) {
        Check.notNull(input, OP, "input");
        Check.notNull(target, OP, "target");
        Check.notNull(reduction, OP, "reduction");
        Check.argument(reduction.equals("none") || reduction.equals("mean") || reduction.equals("sum"),
                "%s: reduction must be \"none\", \"mean\" or \"sum\" (PyTorch's strings) but got \"%s\"", OP, reduction);
        Check.argument(input.dtype().isFloatingPoint(), "%s: input must be floating point (float32 or float64) but "
                + "got %s; convert it with toFloat()", OP, input.dtype());
        Check.argument(input.dim() > 0, "%s: input must have a class dimension, shape (C), (N, C) or (N, C, d1, ...); "
                + "got a 0-dim tensor", OP);
        checkTarget(input, target, ignoreIndex);
        if (weight != null) checkWeight(input, weight);
        // Rounded to the input's dtype first, the dtype PyTorch requires of it.
        double[] w = weight == null ? null : weight.to(input.dtype()).toDoubleArray();
        return new CrossEntropy(target, w, ignoreIndex, reduction).apply(input);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        dim = x.dim() == 1 ? 0 : 1;
        // The softmax replaces the logits as what backward needs, so backward has no exp to compute.
        var f = x.kernels().crossEntropy(x.data(), x.shape(), dim, target.longData(), weight, ignoreIndex, none,
                needsInputGrad(0));
        totalWeight = f.totalWeight();
        if (f.softmax() != null) save(new Tensor(f.softmax(), x.shape()), target);
        if (none) return new Tensor(f.losses(), target.shape());
        double value = mean ? f.lossSum() / totalWeight : f.lossSum();
        return Creation.fullOn(x, x.dtype(), new int[0], value);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor p = saved(0);
        Object gx = p.kernels().crossEntropyBackward(p.data(), p.shape(), dim, saved(1).longData(), weight, ignoreIndex,
                g.toDoubleArray(), mean ? totalWeight : 1);
        return new Tensor[] {new Tensor(gx, p.shape())};
    }

    @Override
    public String name() {
        return "NllLossBackward0";
    }

    /** int64, the input's shape without the class dim, and each value a class in [0, C) or {@code ignoreIndex}. */
    private static void checkTarget(Tensor input, Tensor target, long ignoreIndex) {
        int[] is = input.shape(), ts = target.shape();
        Check.argument(target.dtype() == DType.INT64, "%s: target must be int64 class indices but got %s with shape "
                + "%s; convert it with target.toLong()", OP, target.dtype(), Check.shape(ts));
        int[] expected = new int[is.length == 1 ? 0 : is.length - 1];
        for (int d = 0, j = 0; is.length > 1 && d < is.length; d++) if (d != 1) expected[j++] = is[d];
        Check.argument(Arrays.equals(ts, expected), "%s: target has shape %s but input %s expects %s (the input's "
                + "shape without the class dim)", OP, Check.shape(ts), Check.shape(is), Check.shape(expected));
        int c = is[is.length == 1 ? 0 : 1];
        long[] labels = target.longData();
        for (int i = 0; i < labels.length; i++) {
            long v = labels[i];
            if (v != ignoreIndex && (v < 0 || v >= c)) {
                throw new IndexOutOfBoundsException(String.format("%s: target %d at position %d is out of bounds for %d "
                        + "classes (class indices are 0-based, in [0, %d]; labels to skip need ignoreIndex)", OP, v, i,
                        c, c - 1));
            }
        }
    }

    private static void checkWeight(Tensor input, Tensor weight) {
        int c = input.size(input.dim() == 1 ? 0 : 1);
        Check.argument(weight.dtype().isFloatingPoint(), "%s: weight must be floating point (float32 or float64) but "
                + "got %s; convert it with toFloat()", OP, weight.dtype());
        Check.argument(weight.dim() == 1 && weight.size(0) == c, "%s: weight tensor should be defined either for all "
                + "%d classes or no classes but got weight tensor of shape %s", OP, c, Check.shape(weight.shape()));
        Check.argument(!(weight.requiresGrad() && GradMode.isEnabled()), "%s: weight requires grad, but the loss is not "
                + "differentiable with respect to it (PyTorch's nll_loss refuses it too); pass weight.detach(), or "
                + "multiply reduction \"none\" losses by a learned weight yourself", OP);
    }
}
