package io.jgrad.nn;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import io.jgrad.nn.loss.Losses;
import io.jgrad.nn.loss.Reduction;

/**
 * The functional API, PyTorch's {@code torch.nn.functional}: stateless versions of the layers and
 * losses, for {@code import static io.jgrad.nn.F.*}.
 */
public final class F {
    private F() {}

    // --- layers and activations ---

    /** {@code x·Wᵀ + b} with weight [out, in] and bias [out] (nullable), as nn.Linear. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return Tensor.linear(x, weight, bias);
    }

    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return Tensor.where(x.gt(0.0), x, x.mul(negativeSlope));
    }

    public static Tensor softmax(Tensor x, int dim) {
        return x.softmax(dim);
    }

    public static Tensor logSoftmax(Tensor x, int dim) {
        return x.logSoftmax(dim);
    }

    /** Zeroes elements with probability p and scales the rest by 1/(1-p) when {@code training}. */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator g) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        if (!training || p == 0) return x;
        if (p == 1) return x.mul(0.0);
        Tensor keep = Tensor.rand(g, x.shape()).ge(p).to(x.dtype());
        return x.mul(keep.div(1 - p));
    }

    public static Tensor oneHot(Tensor classes, int numClasses) {
        return classes.oneHot(numClasses);
    }

    // --- losses (input first, then target; MEAN reduction unless given) ---

    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return Losses.binaryCrossEntropy(input, target, weight, reduction);
    }

    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropyWithLogits(input, target, null, null, Reduction.MEAN);
    }

    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                                      Reduction reduction) {
        return Losses.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }

    public static Tensor nllLoss(Tensor input, Tensor target) {
        return Losses.nllLoss(input, target, null, Losses.DEFAULT_IGNORE_INDEX, Reduction.MEAN);
    }

    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction) {
        return Losses.nllLoss(input, target, weight, ignoreIndex, reduction);
    }

    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return Losses.crossEntropy(input, target, null, Losses.DEFAULT_IGNORE_INDEX, 0, Reduction.MEAN);
    }

    /** PyTorch's {@code F.cross_entropy(input, target, label_smoothing=0.1)} is {@code crossEntropy(input, target, 0.1)}. */
    public static Tensor crossEntropy(Tensor input, Tensor target, double labelSmoothing) {
        return Losses.crossEntropy(input, target, null, Losses.DEFAULT_IGNORE_INDEX, labelSmoothing, Reduction.MEAN);
    }

    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, int ignoreIndex,
                                      double labelSmoothing, Reduction reduction) {
        return Losses.crossEntropy(input, target, weight, ignoreIndex, labelSmoothing, reduction);
    }

    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        return Losses.klDiv(input, target, reduction, logTarget);
    }

    public static Tensor mseLoss(Tensor input, Tensor target) {
        return Losses.mseLoss(input, target, Reduction.MEAN);
    }

    public static Tensor l1Loss(Tensor input, Tensor target) {
        return Losses.l1Loss(input, target, Reduction.MEAN);
    }

    public static Tensor huberLoss(Tensor input, Tensor target, double delta) {
        return Losses.huberLoss(input, target, Reduction.MEAN, delta);
    }
}
