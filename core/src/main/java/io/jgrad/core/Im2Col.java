package io.jgrad.core;

import io.jgrad.core.kernel.Unfold;
import io.jgrad.core.kernel.Window2d;

/**
 * The sliding blocks of a batch of images, PyTorch's {@code im2col} behind {@code F.unfold}: input
 * [N, C, H, W] becomes [N, C·kh·kw, L], one column per block position (L of them, row-major), its
 * rows ordered channel, kernel row, kernel column; or the same numbers in another order
 * ({@link Fused.BlockLayout}), so that pooling is a reduction over the last dim with no transposing
 * copy. Forward and backward are the device's strided kernels ({@link Unfold}).
 */
final class Im2Col extends Op {
    private final Window2d window;
    private final double padValue;
    private final Fused.BlockLayout layout;
    private int[] inShape;

    private Im2Col(Window2d window, double padValue, Fused.BlockLayout layout) {
        this.window = window;
        this.padValue = padValue;
        this.layout = layout;
    }

    /** {@link Fused#im2col}: checks the arguments as PyTorch's {@code F.unfold} does. */
    static Tensor im2col(Tensor input, int[] kernel, int[] dilation, int[] padding, int[] stride, double padValue,
                         Fused.BlockLayout layout) {
        Check.notNull(input, "im2col", "input");
        Check.notNull(layout, "im2col", "layout");
        Window2d w = Windows.of("im2col", kernel, stride, padding, dilation);
        Check.argument(input.dim() == 4, "im2col: expected a 4-D input [N, C, H, W] but got shape %s; add a batch dim "
                + "with unsqueeze(0)", Check.shape(input.shape()));
        Windows.checkFits("im2col", input, w);
        return new Im2Col(w, padValue, layout).apply(input);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        inShape = x.shape();
        int n = inShape[0], c = inShape[1], l = window.outH(inShape[2]) * window.outW(inShape[3]);
        int k = window.kh() * window.kw();
        Object cols = Unfold.blocks(x.kernels(), x.data(), inShape, window, padValue, layout.order);
        return new Tensor(cols, switch (layout) {
            case COLUMNS -> new int[] {n, c * k, l};
            case ROWS -> new int[] {n, l, c * k};
            case WINDOWS -> new int[] {n, c, l, k};
        });
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {new Tensor(Unfold.addBack(g.kernels(), g.data(), inShape, window, layout.order), inShape.clone())};
    }
}
