package io.jgrad.core;

import io.jgrad.core.kernel.Window2d;
import java.util.Arrays;

/**
 * 2-D max pooling, PyTorch's {@code max_pool2d_with_indices}: the device finds each window's maximum
 * (inside positions only, the first of ties, the last NaN), forward gathers it, and backward sends
 * each output's gradient to that one position.
 */
final class MaxPool2DWithIndices extends Op {
    private final Window2d window;
    private int[] index;
    private Tensor values;

    private MaxPool2DWithIndices(Window2d window) {
        this.window = window;
    }

    /** {@link Fused#maxPool2dWithIndices}. */
    static ValuesIndices withIndices(Tensor input, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        MaxPool2DWithIndices op = apply(input, kernel, stride, padding, dilation);
        long[] index = Arrays.stream(op.index).asLongStream().toArray();
        return new ValuesIndices(op.values, new Tensor(op.values.kernels().fromHost(index), op.values.shape()));
    }

    /** {@link Fused#maxPool2d}: the values alone, without building the indices' tensor. */
    static Tensor maxPool2d(Tensor input, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        return apply(input, kernel, stride, padding, dilation).values;
    }

    private static MaxPool2DWithIndices apply(Tensor input, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        Check.notNull(input, "max_pool2d", "input");
        Check.argument(input.dim() == 4, "max_pool2d: expects input [N, C, H, W]; got %s", Check.shape(input.shape()));
        Check.argument(input.dtype().isFloatingPoint(), "max_pool2d: \"max_pool2d\" not implemented for %s; convert the "
                + "input with toFloat() or toDouble()", input.dtype());
        Window2d w = Windows.of("max_pool2d", kernel, stride, padding, dilation);
        Check.argument(2 * w.ph() <= w.kh() && 2 * w.pw() <= w.kw(), "max_pool2d: pad should be at most half of kernel "
                + "size, but got padding=(%d, %d) and kernel_size=(%d, %d)", w.ph(), w.pw(), w.kh(), w.kw());
        Windows.checkFits("max_pool2d", input, w);
        Windows.checkWindowsCoverInput("max_pool2d", input, w);
        MaxPool2DWithIndices op = new MaxPool2DWithIndices(w);
        op.values = op.apply(input);
        return op;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        int[] shape = x.shape();
        int oh = window.outH(shape[2]), ow = window.outW(shape[3]);
        index = new int[shape[0] * shape[1] * oh * ow];
        return new Tensor(x.kernels().maxPool2d(x.data(), shape, window, index), new int[] {shape[0], shape[1], oh, ow});
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        int[] shape = inputs[0].shape();
        return new Tensor[] {new Tensor(g.kernels().maxPool2dBackward(g.data(), index, shape), shape)};
    }
}
