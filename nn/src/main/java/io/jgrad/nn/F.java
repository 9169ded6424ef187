package io.jgrad.nn;

import io.jgrad.core.Fused;
import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;

/**
 * The functional API, PyTorch's {@code torch.nn.functional}: stateless versions of the layers and
 * losses, for {@code import static io.jgrad.nn.F.*}. Each loss is written once, here (its math in a
 * package-private helper), with PyTorch's exact semantics ({@code torch/nn/functional.py},
 * {@code aten/src/ATen/native/Loss*.cpp}); the loss modules in {@code io.jgrad.nn.loss} only hold
 * options and call it. Inputs come first, targets second; every misuse is explained before any arithmetic.
 */
public final class F {
    /** PyTorch's default ignore_index: a label no class has. */
    public static final int DEFAULT_IGNORE_INDEX = -100;

    private F() {}

    // --- layers and activations ---

    /**
     * {@code x·Wᵀ + b}, PyTorch's {@code torch.nn.functional.linear} and what {@link Linear} computes:
     * x [..., in] (any number of leading dims), weight [out, in], bias [out] or null. The weight is multiplied
     * transposed without being copied ({@link Fused#linear}).
     *
     * <pre>
     * jshell> var w = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
     * jshell> F.linear(Tensor.of(new double[][] {{1, 1}, {1, 0}}), w, Tensor.of(0.5, 0.5, 0.5))
     * $2 ==> tensor([[ 3.5000,  7.5000, 11.5000],
     *         [ 1.5000,  3.5000,  5.5000]])
     * </pre>
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return Fused.linear(x, weight, bias);
    }

    /**
     * Constant padding, {@code torch.nn.functional.pad(x, pad, value=value)} ({@link Tensor#pad}):
     * (before, after) pairs from the last dim backwards; negative amounts crop.
     *
     * <pre>
     * jshell> F.pad(Tensor.of(1, 2), new int[] {2, 1})
     * $1 ==> tensor([0., 0., 1., 2., 0.])
     * </pre>
     */
    public static Tensor pad(Tensor x, int[] pad, double value) {
        return x.pad(pad, value);
    }

    public static Tensor pad(Tensor x, int[] pad) {
        return x.pad(pad, 0);
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
        return Dropouts.dropout(x, p, training, g);
    }

    public static Tensor oneHot(Tensor classes, int numClasses) {
        return classes.oneHot(numClasses);
    }

    /**
     * 2-D convolution, PyTorch's {@code torch.nn.functional.conv2d} with zero padding: input
     * [N, C, H, W] or [C, H, W], weight [out, C / groups, kh, kw], bias [out] or null; stride,
     * padding and dilation are one int (both dims) or (height, width). Computed as
     * {@link Fused#conv2d}: per image, its blocks and one matrix product per group.
     *
     * <pre>
     * jshell> var x = Tensor.arange(16.0, 32.0, 1.0).reshape(1, 1, 4, 4);
     * jshell> F.conv2d(x, Tensor.ones(1, 1, 2, 2), null, new int[] {2}, new int[] {0}, new int[] {1}, 1)
     * $2 ==> tensor([[[[ 74.,  82.],
     *           [106., 114.]]]])
     * </pre>
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        return Convolutions.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /** {@link #conv2d(Tensor, Tensor, Tensor, int[], int[], int[], int)} with stride 1, no padding, no dilation, one group. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return conv2d(input, weight, bias, new int[] {1}, new int[] {0}, new int[] {1}, 1);
    }

    /**
     * 1-D convolution, PyTorch's {@code torch.nn.functional.conv1d} with zero padding: input [N, C, L]
     * or [C, L], weight [out, C / groups, k], bias [out] or null.
     *
     * <pre>
     * jshell> F.conv1d(Tensor.of(1, 2, 3, 4).reshape(1, 1, 4), Tensor.of(1, -1).reshape(1, 1, 2), null, 1, 1, 1, 1)
     * $1 ==> tensor([[[-1., -1., -1., -1.,  4.]]])
     * </pre>
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation,
                                int groups) {
        return Convolutions.conv1d(input, weight, bias, stride, padding, dilation, groups);
    }

    /** {@link #conv1d(Tensor, Tensor, Tensor, int, int, int, int)} with stride 1, no padding, no dilation, one group. */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) {
        return conv1d(input, weight, bias, 1, 0, 1, 1);
    }

    /**
     * PyTorch's {@code torch.nn.functional.max_pool2d} (ceil_mode=False) over [N, C, H, W] or
     * [C, H, W]: each option one int or (height, width), {@code stride} null or empty for the kernel
     * size, padding -inf and at most half the kernel. Ties go to the window's first element, NaN
     * propagates, the gradient reaches the chosen element only.
     *
     * <pre>
     * jshell> F.maxPool2d(Tensor.of(1, 3, 2, 3, 0, 5).reshape(1, 1, 2, 3), new int[] {2}, new int[] {1}, new int[] {0}, new int[] {1})
     * $1 ==> tensor([[[[3., 5.]]]])
     * </pre>
     */
    public static Tensor maxPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, int[] dilation) {
        return Pooling.maxPool2d(input, kernelSize, stride, padding, dilation);
    }

    /**
     * PyTorch's {@code torch.nn.functional.avg_pool2d} (ceil_mode=False): options as
     * {@link #maxPool2d}; the zero padding counts in each mean when {@code countIncludePad}.
     *
     * <pre>
     * jshell> F.avgPool2d(Tensor.of(1, 2, 3, 4).reshape(1, 1, 2, 2), new int[] {2}, new int[] {1}, new int[] {1}, false)
     * $1 ==> tensor([[[[1.0000, 1.5000, 2.0000],
     *           [2.0000, 2.5000, 3.0000],
     *           [3.0000, 3.5000, 4.0000]]]])
     * </pre>
     */
    public static Tensor avgPool2d(Tensor input, int[] kernelSize, int[] stride, int[] padding, boolean countIncludePad) {
        return Pooling.avgPool2d(input, kernelSize, stride, padding, countIncludePad);
    }

    /**
     * PyTorch's {@code torch.nn.functional.adaptive_avg_pool2d}: output cell i of m along a dim of
     * size n averages [floor(i·n/m), ceil((i+1)·n/m)); {@code outputSize} one int or (height, width).
     *
     * <pre>
     * jshell> F.adaptiveAvgPool2d(Tensor.arange(0.0, 6.0, 1.0).reshape(1, 2, 3), new int[] {1, 2})
     * $1 ==> tensor([[[2., 3.]]])
     * </pre>
     */
    public static Tensor adaptiveAvgPool2d(Tensor input, int[] outputSize) {
        return Pooling.adaptiveAvgPool2d(input, outputSize);
    }

    /**
     * Batch normalisation, PyTorch's {@code torch.nn.functional.batch_norm} over [N, C, *]: with
     * {@code training}, each channel is normalised by the batch's mean and biased variance, and the
     * running statistics (if given) are updated in place, without grad, as
     * {@code (1 - momentum)·running + momentum·batch} with the unbiased variance; otherwise the running
     * statistics normalise. Weight and bias [C] or null.
     *
     * <pre>
     * jshell> F.batchNorm(Tensor.of(new double[][] {{1, 2}, {3, 6}}), null, null, null, null, true, 0.1, 0)
     * $1 ==> tensor([[-1., -1.],
     *         [ 1.,  1.]])
     * </pre>
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        return Normalization.batchNorm(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    /**
     * Layer normalisation, PyTorch's {@code torch.nn.functional.layer_norm}: the input's last dims,
     * which must equal {@code normalizedShape}, are normalised by their mean and biased variance;
     * weight and bias (of shape normalizedShape, or null) scale and shift.
     *
     * <pre>
     * jshell> F.layerNorm(Tensor.of(new double[][] {{1, 3}, {2, 6}}), new int[] {2}, null, null, 0)
     * $1 ==> tensor([[-1.,  1.],
     *         [-1.,  1.]])
     * </pre>
     */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return Normalization.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    /** x·sigmoid(x), PyTorch's {@code F.silu}: see {@link SiLU}. */
    public static Tensor silu(Tensor x) {
        return Activations.silu(x);
    }

    /** PyTorch's {@code F.gelu(x)}: the exact x·Φ(x), approximate 'none'; see {@link GELU}. */
    public static Tensor gelu(Tensor x) {
        return gelu(x, "none");
    }

    /** PyTorch's {@code F.gelu(x, approximate)}, 'none' (exact) or 'tanh': see {@link GELU}. */
    public static Tensor gelu(Tensor x, String approximate) {
        return Activations.gelu(x, approximate);
    }

    /** log(1 + e^(beta·x))/beta, x where beta·x > threshold: see {@link Softplus}. */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        return Activations.softplus(x, beta, threshold);
    }

    /** x for x > 0, else alpha·(e^x - 1): see {@link ELU}. */
    public static Tensor elu(Tensor x, double alpha) {
        return Activations.elu(x, alpha);
    }

    /** Clamp into [minVal, maxVal], gradient strictly inside only: see {@link Hardtanh}. */
    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        return Activations.hardtanh(x, minVal, maxVal);
    }

    /** Rows of {@code weight} [n, dim] at int64 {@code indices} of any shape; {@code paddingIdx} (nullable) gets no gradient. */
    public static Tensor embedding(Tensor indices, Tensor weight, Integer paddingIdx) {
        return Embeddings.embedding(indices, weight, paddingIdx);
    }

    /** Zeroes whole channels of (N, C, H, W) or (C, H, W) with probability p when {@code training}: see {@link Dropout2d}. */
    public static Tensor dropout2d(Tensor x, double p, boolean training, Generator g) {
        return Dropouts.dropout2d(x, p, training, g);
    }

    // --- losses (input first, then target; MEAN reduction unless given) ---

    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    /** Binary cross entropy on probabilities; {@code weight} (nullable) broadcasts to the input's shape. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return BinaryLosses.binaryCrossEntropy(input, target, weight, reduction);
    }

    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, null, Reduction.MEAN);
    }

    /** Binary cross entropy on logits; {@code posWeight} (nullable) broadcasts along the class dim from the right. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                                      Reduction reduction) {
        return BinaryLosses.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }

    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, null, DEFAULT_IGNORE_INDEX, Reduction.MEAN);
    }

    /**
     * Negative log likelihood of class indices: input log-probabilities (C), (N, C) or (N, C, d1, ...);
     * target int64 (), (N) or (N, d1, ...). MEAN divides by the summed weights of the targets that are
     * not ignored (NaN when all are).
     */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction) {
        return CrossEntropyLosses.nllLoss(input, target, weight, ignoreIndex, reduction);
    }

    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, DEFAULT_IGNORE_INDEX, 0, Reduction.MEAN);
    }

    /** PyTorch's {@code F.cross_entropy(input, target, label_smoothing=0.1)} is {@code crossEntropy(input, target, 0.1)}. */
    public static Tensor crossEntropy(Tensor input, Tensor target, double labelSmoothing) {
        return crossEntropy(input, target, null, DEFAULT_IGNORE_INDEX, labelSmoothing, Reduction.MEAN);
    }

    /**
     * Cross entropy on logits (class dim 1, or 0 for unbatched input) against class indices (int64) or
     * class probabilities (the input's shape, floating point), with optional label smoothing. Class
     * indices without label smoothing take the fused kernel, {@link io.jgrad.core.Fused#crossEntropy}.
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, int ignoreIndex,
                                      double labelSmoothing, Reduction reduction) {
        return CrossEntropyLosses.crossEntropy(input, target, weight, ignoreIndex, labelSmoothing, reduction);
    }

    /**
     * KL divergence with input log-probabilities: pointwise {@code t·(log t - x)} (0 where t = 0), or
     * {@code exp(t)·(t - x)} when {@code logTarget}. BATCHMEAN gives the true KL; MEAN divides by every element.
     */
    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        return PointwiseLosses.klDiv(input, target, reduction, logTarget);
    }

    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, Reduction.MEAN);
    }

    /** {@code (x - y)²}; input and target must have the same shape. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return PointwiseLosses.mseLoss(input, target, reduction);
    }

    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, Reduction.MEAN);
    }

    /** {@code |x - y|}; input and target must have the same shape. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return PointwiseLosses.l1Loss(input, target, reduction);
    }

    public static Tensor huberLoss(Tensor input, Tensor target, double delta) {
        return huberLoss(input, target, Reduction.MEAN, delta);
    }

    /** 0.5·d² where |d| <= delta, else delta·(|d| - 0.5·delta). */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        return PointwiseLosses.huberLoss(input, target, reduction, delta);
    }

    public static Tensor smoothL1Loss(Tensor input, Tensor target, double beta) {
        return smoothL1Loss(input, target, Reduction.MEAN, beta);
    }

    /**
     * {@code 0.5·d²/beta} where |d| < beta, else {@code |d| - 0.5·beta}: Huber divided by beta; beta = 0
     * is L1 (with PyTorch's gradient -1 at d = 0).
     *
     * <pre>
     * jshell> F.smoothL1Loss(Tensor.of(0, 0), Tensor.of(0.5, 3), 1.0)
     * $1 ==> tensor(1.3125)
     * </pre>
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        return PointwiseLosses.smoothL1Loss(input, target, reduction, beta);
    }

    public static Tensor multilabelSoftMarginLoss(Tensor input, Tensor target) {
        return multilabelSoftMarginLoss(input, target, null, Reduction.MEAN);
    }

    /**
     * Binary cross entropy on logits per class, {@code weight} (nullable, per class) applied, averaged over
     * the class (last) dim of (C) or (N, C) input; the reduction then runs over the samples.
     */
    public static Tensor multilabelSoftMarginLoss(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return BinaryLosses.multilabelSoftMarginLoss(input, target, weight, reduction);
    }

    public static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target, double margin) {
        return marginRankingLoss(input1, input2, target, margin, Reduction.MEAN);
    }

    /**
     * {@code max(0, -y·(x1 - x2) + margin)}: y = 1 asks x1 to rank above x2 by the margin, y = -1 below.
     * The three tensors have the same number of dims and broadcast together.
     *
     * <pre>
     * jshell> F.marginRankingLoss(Tensor.of(1, 2), Tensor.of(2, 1), Tensor.of(1, 1), 0.5)
     * $1 ==> tensor(0.7500)
     * </pre>
     */
    public static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target, double margin,
                                           Reduction reduction) {
        return EmbeddingLosses.marginRankingLoss(input1, input2, target, margin, reduction);
    }

    public static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target, double margin) {
        return cosineEmbeddingLoss(input1, input2, target, margin, Reduction.MEAN);
    }

    /**
     * {@code 1 - cos(x1, x2)} for y = 1 (pull together), {@code max(0, cos(x1, x2) - margin)} for y = -1
     * (push apart); inputs (N, D) with target (N), or (D) with a 0-d target. Each squared norm gets
     * 1e-12 added, as in PyTorch, so a zero vector has cosine 0.
     */
    public static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target, double margin,
                                             Reduction reduction) {
        return EmbeddingLosses.cosineEmbeddingLoss(input1, input2, target, margin, reduction);
    }

    /** PyTorch's defaults: the input is a log rate, no Stirling term, eps 1e-8. */
    public static Tensor poissonNllLoss(Tensor input, Tensor target) {
        return poissonNllLoss(input, target, true, false, 1e-8, Reduction.MEAN);
    }

    /**
     * Poisson negative log likelihood of counts {@code target} at rate {@code exp(input)} ({@code logInput})
     * or {@code input}: {@code exp(x) - t·x}, or {@code x - t·log(x + eps)}; {@code full} adds the
     * Stirling approximation of {@code log(t!)} where t > 1.
     */
    public static Tensor poissonNllLoss(Tensor input, Tensor target, boolean logInput, boolean full, double eps,
                                        Reduction reduction) {
        return LikelihoodLosses.poissonNllLoss(input, target, logInput, full, eps, reduction);
    }

    /** PyTorch's defaults: no constant term, eps 1e-6. */
    public static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var) {
        return gaussianNllLoss(input, target, var, false, 1e-6, Reduction.MEAN);
    }

    /**
     * Gaussian negative log likelihood of {@code target} under mean {@code input} and variance {@code var}
     * (clamped at {@code eps}): {@code 0.5·(log var + (x - t)²/var)}, plus {@code 0.5·log 2π} with {@code full}.
     * var has the input's shape, or one fewer dim, or a last dim of 1.
     *
     * <pre>
     * jshell> F.gaussianNllLoss(Tensor.of(1, 2), Tensor.of(2, 2), Tensor.of(1, 1))
     * $1 ==> tensor(0.2500)
     * </pre>
     */
    public static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var, boolean full, double eps,
                                         Reduction reduction) {
        return LikelihoodLosses.gaussianNllLoss(input, target, var, full, eps, reduction);
    }
}
