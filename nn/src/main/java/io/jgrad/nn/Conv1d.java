package io.jgrad.nn;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;

/**
 * 1-D convolution over [N, C, L] (or unbatched [C, L]), PyTorch's {@code nn.Conv1d} with zero
 * padding: weight [out, in / groups, k], bias [out] ({@link F#conv1d}).
 *
 * <pre>
 * jshell> var conv = new Conv1d(4, 8, 3, 2, 1);
 * jshell> conv
 * conv ==> Conv1d(4, 8, kernel_size=(3,), stride=(2,), padding=(1,))
 * jshell> conv.apply(Tensor.randn(2, 4, 10)).shape()
 * $3 ==> int[3] { 2, 8, 5 }
 * </pre>
 */
public class Conv1d extends ConvNd {
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride, padding, 1, 1, true, Generator.global());
    }

    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation, int groups,
                  boolean bias, Generator g) {
        super("Conv1d", inChannels, outChannels, new int[] {kernelSize}, new int[] {stride}, new int[] {padding},
                new int[] {dilation}, groups, bias, g);
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.conv1d(x, weight, bias, stride[0], padding[0], dilation[0], groups);
    }
}
