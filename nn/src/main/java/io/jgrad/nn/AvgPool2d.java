package io.jgrad.nn;

import io.jgrad.core.Tensor;

/**
 * The mean of each window, PyTorch's {@code nn.AvgPool2d} (ceil_mode=False): windows
 * {@code kernelSize} apart by {@code stride} (default: the kernel), the input padded by
 * {@code padding} zeros, which count in the mean when {@code countIncludePad} (PyTorch's default).
 *
 * <pre>
 * jshell> var pool = new AvgPool2d(2);
 * jshell> pool
 * pool ==> AvgPool2d(kernel_size=2, stride=2, padding=0)
 * jshell> pool.apply(Tensor.arange(16.0, 32.0, 1.0).reshape(1, 4, 4))
 * $3 ==> tensor([[[18.5000, 20.5000],
 *          [26.5000, 28.5000]]])
 * </pre>
 */
public class AvgPool2d extends Module {
    private final int[] kernelSize, stride, padding;
    private final boolean countIncludePad;

    public AvgPool2d(int kernelSize) {
        this(new int[] {kernelSize}, new int[] {kernelSize}, new int[] {0}, true);
    }

    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, true);
    }

    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean countIncludePad) {
        Convolutions.pair("AvgPool2d", "kernel_size", kernelSize, 1);
        Convolutions.pair("AvgPool2d", "stride", stride, 1);
        Convolutions.pair("AvgPool2d", "padding", padding, 0);
        this.kernelSize = kernelSize.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.countIncludePad = countIncludePad;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.avgPool2d(x, kernelSize, stride, padding, countIncludePad);
    }

    @Override
    protected String extraRepr() {
        return Pooling.windows(kernelSize, stride, padding);
    }
}
