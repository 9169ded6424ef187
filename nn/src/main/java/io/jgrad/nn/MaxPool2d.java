package io.jgrad.nn;

import io.jgrad.core.Tensor;

/**
 * The largest element of each window, PyTorch's {@code nn.MaxPool2d} (ceil_mode=False): windows
 * {@code kernelSize} apart by {@code stride} (default: the kernel), the input padded by
 * {@code padding} with -inf. Ties go to the first element of the window, NaN propagates, and the
 * gradient reaches the chosen element only. Each option is one int or (height, width).
 *
 * <pre>
 * jshell> var pool = new MaxPool2d(2);
 * jshell> pool
 * pool ==> MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)
 * jshell> pool.apply(Tensor.arange(16.0, 32.0, 1.0).reshape(1, 4, 4))
 * $3 ==> tensor([[[21., 23.],
 *          [29., 31.]]])
 * </pre>
 */
public class MaxPool2d extends Module {
    private final int[] kernelSize, stride, padding, dilation;

    public MaxPool2d(int kernelSize) {
        this(new int[] {kernelSize}, new int[] {kernelSize}, new int[] {0}, new int[] {1});
    }

    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {1});
    }

    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation) {
        Convolutions.pair("MaxPool2d", "kernel_size", kernelSize, 1);
        Convolutions.pair("MaxPool2d", "stride", stride, 1);
        Convolutions.pair("MaxPool2d", "padding", padding, 0);
        Convolutions.pair("MaxPool2d", "dilation", dilation, 1);
        this.kernelSize = kernelSize.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.maxPool2d(x, kernelSize, stride, padding, dilation);
    }

    @Override
    protected String extraRepr() {
        return Pooling.windows(kernelSize, stride, padding) + ", dilation=" + Pooling.repr(dilation) + ", ceil_mode=False";
    }
}
