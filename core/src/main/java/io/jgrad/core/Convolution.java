package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise.Binary;
import io.jgrad.core.kernel.Kernels;
import io.jgrad.core.kernel.Window2d;

/**
 * 2-D convolution, PyTorch's {@code aten::convolution} behind {@code F.conv2d}: x [N, C, H, W], weight
 * [O, C/groups, kh, kw], optional bias [O]. Forward and both gradients are the device's convolution
 * kernels (shifted products or im2col per image on the CPU); the bias gradient is the output gradient's
 * per-channel sum ({@link Kernels#channelSums}, in double).
 */
final class Convolution extends Op {
    private final Window2d window;
    private final int groups;

    private Convolution(Window2d window, int groups) {
        this.window = window;
        this.groups = groups;
    }

    /** {@link Fused#conv2d}: the kernels' preconditions, checked; nn's {@code F.conv2d} explains its own in more detail. */
    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                         int groups) {
        Check.notNull(input, "conv2d", "input");
        Check.notNull(weight, "conv2d", "weight");
        Check.argument(input.dim() == 4 && weight.dim() == 4, "conv2d: expects input [N, C, H, W] and weight [O, C/groups, "
                + "kh, kw]; got %s and %s", Check.shape(input.shape()), Check.shape(weight.shape()));
        Check.argument(groups > 0 && weight.size(0) % groups == 0 && input.size(1) == weight.size(1) * groups,
                "conv2d: groups=%d does not fit input %s and weight %s; groups must divide the output channels and the "
                + "input must have groups·weight.size(1) channels", groups, Check.shape(input.shape()),
                Check.shape(weight.shape()));
        Check.argument(input.dtype().isFloatingPoint() && input.dtype() == weight.dtype()
                && (bias == null || bias.dtype() == input.dtype()), "conv2d: input, weight and bias must share one floating "
                + "dtype; got %s, %s and %s", input.dtype(), weight.dtype(), bias == null ? "no bias" : bias.dtype());
        Check.argument(bias == null || bias.dim() == 1 && bias.size(0) == weight.size(0), "conv2d: bias must be [%d]; "
                + "got %s", weight.size(0), bias == null ? "" : Check.shape(bias.shape()));
        Window2d w = Windows.of("conv2d", new int[] {weight.size(2), weight.size(3)}, stride, padding, dilation);
        Windows.checkFits("conv2d", input, w);
        Convolution op = new Convolution(w, groups);
        return bias == null ? op.apply(input, weight) : op.apply(input, weight, bias);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0], w = in[1];
        save(x, w);
        Kernels k = x.kernels();
        int[] shape = {x.size(0), w.size(0), window.outH(x.size(2)), window.outW(x.size(3))};
        Object y = k.conv2d(x.data(), x.shape(), w.data(), w.shape(), window, groups);
        if (in.length == 3) k.binaryInPlace(Binary.ADD, y, shape, in[2].data(), new int[] {1, shape[1], 1, 1});
        return new Tensor(y, shape);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = saved(0), w = saved(1);
        Kernels k = g.kernels();
        Tensor gx = needsInputGrad(0)
                ? new Tensor(k.conv2dInputGrad(g.data(), w.data(), w.shape(), x.shape(), window, groups), x.shape()) : null;
        Tensor gw = needsInputGrad(1)
                ? new Tensor(k.conv2dWeightGrad(g.data(), x.data(), x.shape(), w.shape(), window, groups), w.shape()) : null;
        if (inputs.length == 2) return new Tensor[] {gx, gw};
        int[] ncl = {g.size(0), g.size(1), g.size(2) * g.size(3)};
        return new Tensor[] {gx, gw, needsInputGrad(2) ? Creation.vectorOn(g, k.channelSums(g.data(), null, null, ncl)) : null};
    }
}
