package io.jgrad.nn;

import io.jgrad.core.Tensor;

/**
 * Average pooling to a fixed output size, PyTorch's {@code nn.AdaptiveAvgPool2d}: output cell i
 * along a dim of size n (to size m) averages the input's [floor(i·n/m), ceil((i+1)·n/m)).
 * {@code outputSize} is one int (square) or (height, width).
 *
 * <pre>
 * jshell> var pool = new AdaptiveAvgPool2d(1);
 * jshell> pool
 * pool ==> AdaptiveAvgPool2d(output_size=1)
 * jshell> pool.apply(Tensor.arange(16.0, 32.0, 1.0).reshape(1, 4, 4))
 * $3 ==> tensor([[[23.5000]]])
 * </pre>
 */
public class AdaptiveAvgPool2d extends Module {
    private final int[] outputSize;

    public AdaptiveAvgPool2d(int... outputSize) {
        Convolutions.pair("AdaptiveAvgPool2d", "output_size", outputSize, 1);
        this.outputSize = outputSize.clone();
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.adaptiveAvgPool2d(x, outputSize);
    }

    @Override
    protected String extraRepr() {
        return "output_size=" + Pooling.repr(outputSize);
    }
}
