package io.jgrad.nn;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;

/**
 * 2-D convolution over [N, C, H, W] (or unbatched [C, H, W]), PyTorch's {@code nn.Conv2d} with zero
 * padding: weight [out, in / groups, kh, kw], bias [out]. Computed as im2col and a matrix product
 * ({@link F#conv2d}).
 *
 * <pre>
 * jshell> var conv = new Conv2d(1, 32, 3, 1, 1);
 * jshell> conv
 * conv ==> Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
 * jshell> conv.apply(Tensor.randn(8, 1, 28, 28)).shape()
 * $3 ==> int[4] { 8, 32, 28, 28 }
 * </pre>
 */
public class Conv2d extends ConvNd {
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {1}, 1,
                true, Generator.global());
    }

    /** Each of kernelSize, stride, padding, dilation is one int (both dims) or (height, width). */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation,
                  int groups, boolean bias, Generator g) {
        super("Conv2d", inChannels, outChannels, expand("Conv2d", "kernel_size", kernelSize, 2),
                expand("Conv2d", "stride", stride, 2), expand("Conv2d", "padding", padding, 2),
                expand("Conv2d", "dilation", dilation, 2), groups, bias, g);
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.conv2d(x, weight, bias, stride, padding, dilation, groups);
    }
}
