package io.jgrad.core;

/**
 * Fused primitives the nn and optim layers build on, PyTorch's internal ATen ops: each does in one
 * kernel what the public API would do with a chain of small tensor ops. A loss has its own backward;
 * an optimizer update performs the op-by-op arithmetic in the same order, so its results are
 * bit-identical, and like every in-place op it refuses to run where autograd would record and bumps
 * the version of each tensor it writes. They take PyTorch's argument conventions and check their
 * arguments; the nn and optim classes remain the user-facing API. This class only holds one-line
 * delegations.
 */
public final class Fused {
    private Fused() {}

    /**
     * Cross entropy of logits against int64 class indices, log-softmax and NLL in one pass:
     * {@code F.cross_entropy(input, target, weight, ignore_index=ignoreIndex, reduction=reduction)}
     * without label smoothing. Input (C), (N, C) or (N, C, d1, ...); target (), (N) or (N, d1, ...);
     * {@code weight} one per class, or null. Targets equal to {@code ignoreIndex} add neither loss nor
     * gradient; {@code reduction} is "none", "mean" (divided by the summed weights of the other
     * targets, NaN when all are ignored) or "sum". Its graph node is {@code NllLossBackward0}; neither
     * target nor weight gets a gradient.
     *
     * <pre>
     * jshell> var logits = Tensor.of(new double[][] {{2, 0, -1}, {0.5, 1, 0}});
     * jshell> var labels = Tensor.of(new long[] {0, -100});
     * jshell> Fused.crossEntropy(logits, labels, null, -100, "none")
     * $3 ==> tensor([0.1698, 0.0000])
     * </pre>
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, String reduction) {
        return CrossEntropy.loss(input, target, weight, ignoreIndex, reduction);
    }

    /**
     * {@code input·weightᵀ + bias}, PyTorch's {@code aten::linear} behind {@code torch.nn.functional.linear}
     * (jgrad's {@code F.linear}): input [..., in] (any number of leading dims), weight [out, in], bias [out] or null. It
     * multiplies by the transposed weight without copying it; the gradient flows to all three.
     *
     * <pre>
     * jshell> var w = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
     * jshell> Fused.linear(Tensor.of(1, 1), w, Tensor.of(0.5, 0.5, 0.5))
     * $2 ==> tensor([ 3.5000,  7.5000, 11.5000])
     * </pre>
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        return MatMul.linear(input, weight, bias);
    }

    /** How {@link #im2col} lays out the blocks of an image batch [N, C, H, W]. */
    public enum BlockLayout {
        /** [N, C·kh·kw, L], PyTorch's {@code F.unfold}: one column per block. */
        COLUMNS(0, 1, 2, 3, 4, 5),
        /** [N, L, C·kh·kw]: one row per block, so a convolution is one product with the flattened weight's transpose. */
        ROWS(0, 4, 5, 1, 2, 3),
        /** [N, C, L, kh·kw]: each channel's windows, so pooling reduces the last dim. */
        WINDOWS(0, 1, 4, 5, 2, 3);

        /** The dims n, c, kernel row, kernel column, block row, block column in memory order. */
        final int[] order;

        BlockLayout(int... order) {
            this.order = order;
        }
    }

    /**
     * The sliding blocks of {@code input} [N, C, H, W], PyTorch's {@code aten::im2col} behind
     * {@code torch.nn.functional.unfold} for {@link BlockLayout#COLUMNS}: [N, C·kh·kw, L], rows ordered
     * channel, kernel row, kernel column, one column per block (L of them, row-major); the other
     * layouts hold the same numbers in another order. Each of {@code kernel}, {@code dilation},
     * {@code padding}, {@code stride} is (height, width); the border is {@code padValue} (0 for unfold
     * and convolution, -inf for max pooling). The gradient adds each element back to the pixel it came from.
     *
     * <pre>
     * jshell> var x = Tensor.arange(9.0, 18.0, 1.0).reshape(1, 1, 3, 3);
     * jshell> Fused.im2col(x, new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 0,
     *    ...>     Fused.BlockLayout.COLUMNS)
     * $2 ==> tensor([[[ 9., 10., 12., 13.],
     *          [10., 11., 13., 14.],
     *          [12., 13., 15., 16.],
     *          [13., 14., 16., 17.]]])
     * </pre>
     */
    public static Tensor im2col(Tensor input, int[] kernel, int[] dilation, int[] padding, int[] stride, double padValue,
                                BlockLayout layout) {
        return Im2Col.im2col(input, kernel, dilation, padding, stride, padValue, layout);
    }

    /**
     * 2-D convolution, PyTorch's {@code aten::convolution} behind {@code torch.nn.functional.conv2d}:
     * input [N, C, H, W], weight [O, C/groups, kh, kw], bias [O] or null; {@code stride}, {@code padding}
     * and {@code dilation} are (height, width). The CPU device runs one image's blocks and one matrix
     * product per image and group, writing NCHW directly. Its graph node is {@code ConvolutionBackward0}.
     *
     * <pre>
     * jshell> var x = Tensor.arange(0.0, 9.0, 1.0).reshape(1, 1, 3, 3);
     * jshell> Fused.conv2d(x, Tensor.ones(1, 1, 2, 2), null, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 1)
     * $2 ==> tensor([[[[ 8., 12.],
     *           [20., 24.]]]])
     * </pre>
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        return Convolution.conv2d(input, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * 2-D max pooling, PyTorch's {@code max_pool2d} on input [N, C, H, W]: each window's maximum over the
     * positions inside the image, ties to the first in row-major order, NaN winning (the last NaN, as
     * PyTorch's CPU kernel); the gradient goes to the chosen position. Its graph node is
     * {@code MaxPool2DWithIndicesBackward0}.
     *
     * <pre>
     * jshell> var x = Tensor.of(new double[] {1, 5, 2, 5, 0, 3, 4, 1}).reshape(1, 1, 2, 4);
     * jshell> Fused.maxPool2d(x, new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1})
     * $2 ==> tensor([[[[5., 5.]]]])
     * </pre>
     */
    public static Tensor maxPool2d(Tensor input, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        return MaxPool2DWithIndices.maxPool2d(input, kernel, stride, padding, dilation);
    }

    /**
     * {@link #maxPool2d} with the int64 flat position of each maximum within its H·W plane,
     * PyTorch's {@code max_pool2d_with_indices} ({@code return_indices=True}).
     *
     * <pre>
     * jshell> var x = Tensor.of(new double[] {1, 5, 2, 5, 0, 3, 4, 1}).reshape(1, 1, 2, 4);
     * jshell> Fused.maxPool2dWithIndices(x, new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1}).indices()
     * $2 ==> tensor([[[[1, 3]]]])
     * </pre>
     */
    public static ValuesIndices maxPool2dWithIndices(Tensor input, int[] kernel, int[] stride, int[] padding,
                                                     int[] dilation) {
        return MaxPool2DWithIndices.withIndices(input, kernel, stride, padding, dilation);
    }

    /**
     * Batch normalisation over dim 1, PyTorch's {@code native_batch_norm} behind
     * {@code torch.nn.functional.batch_norm}: input [N, C, *]; {@code runningMean}, {@code runningVar},
     * {@code weight} and {@code bias} are [C] or null. Training normalises with the batch's mean and
     * biased variance and, given running statistics, moves them in place toward the batch's
     * ({@code momentum}, unbiased variance); eval uses the running ones. Its graph node is
     * {@code NativeBatchNormBackward0}; weight and bias get gradients, the running statistics none.
     *
     * <pre>
     * jshell> var rm = Tensor.zeros(1); var rv = Tensor.ones(1);
     * jshell> Fused.batchNorm(Tensor.of(1, 2, 3).reshape(3, 1), rm, rv, null, null, true, 0.1, 0)
     * $2 ==> tensor([[-1.2247],
     *         [ 0.0000],
     *         [ 1.2247]])
     * jshell> rv
     * rv ==> tensor([1.])
     * </pre>
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        return NativeBatchNorm.batchNorm(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    /**
     * One SGD update of {@code param}, PyTorch's {@code _fused_sgd_}: {@code momentumBuffer} is null when
     * {@code momentum} is 0, else a tensor like {@code param} that {@code isFirstStep} initialises.
     */
    public static void sgdStep(Tensor param, Tensor grad, Tensor momentumBuffer, double weightDecay, double momentum,
            double lr, double dampening, boolean nesterov, boolean maximize, boolean isFirstStep) {
        OptimizerStep.sgd(param, grad, momentumBuffer, weightDecay, momentum, lr, dampening, nesterov, maximize, isFirstStep);
    }

    /**
     * One Adam update of {@code param} and its moments, PyTorch's {@code _fused_adam_}: weight decay is
     * added to the gradient; {@code step} counts this update; {@code maxExpAvgSq} is AMSGrad's running
     * maximum, null without AMSGrad.
     */
    public static void adamStep(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq, long step,
            double lr, double beta1, double beta2, double weightDecay, double eps, boolean maximize) {
        OptimizerStep.adam("adamStep", param, grad, expAvg, expAvgSq, maxExpAvgSq, step, lr, beta1, beta2, weightDecay, eps,
                maximize, false);
    }

    /** As {@link #adamStep} with AdamW's decoupled weight decay, PyTorch's {@code _fused_adamw_}. */
    public static void adamwStep(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq, long step,
            double lr, double beta1, double beta2, double weightDecay, double eps, boolean maximize) {
        OptimizerStep.adam("adamwStep", param, grad, expAvg, expAvgSq, maxExpAvgSq, step, lr, beta1, beta2, weightDecay,
                eps, maximize, true);
    }
}
