package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;

/** Elements start, start+step, ... (length of them) along one dim: narrow and slicing. */
final class Slice extends Op {
    private final int dim, start, length, step;
    private final String name;
    private int[] inShape;

    Slice(int dim, int start, int length, int step) {
        this(dim, start, length, step, "SliceBackward0");
    }

    /** A slice under another grad_fn name: split's pieces are slices, but PyTorch names them after split. */
    Slice(int dim, int start, int length, int step, String name) {
        this.dim = dim;
        this.start = start;
        this.length = length;
        this.step = step;
        this.name = name;
    }

    /** {@link Tensor#narrow}: {@code length} elements from {@code start} (negative: from the end), all in range. */
    static Tensor narrow(Tensor x, int dim, int start, int length) {
        Check.hasDims("narrow", x);
        int d = Check.dim("narrow", dim, x.dim()), size = x.size(d);
        int s = start < 0 ? start + size : start;
        Check.argument(s >= 0 && length >= 0 && s + length <= size, "narrow: start (%d) + length (%d) exceeds "
                + "dimension size (%d) of dim %d", start, length, size, d);
        return new Slice(d, s, length, 1).apply(x);
    }

    /** {@link Tensor#slice}: Python's {@code start:end:step}, negative and out-of-range bounds clipped. */
    static Tensor slice(Tensor x, int dim, int start, int end, int step) {
        Check.hasDims("slice", x);
        int d = Check.dim("slice", dim, x.dim());
        Check.argument(step > 0, "slice: step must be positive; got %d", step);
        int n = x.size(d);
        int s = Math.min(Math.max(start < 0 ? start + n : start, 0), n);
        int e = Math.min(Math.max(end < 0 ? end + n : end, s), n);
        return new Slice(d, s, (e - s + step - 1) / step, step).apply(x);
    }

    /** {@link Tensor#select}: the slice at {@code index} (negative: from the end), that dim removed. */
    static Tensor select(Tensor x, int dim, int index) {
        Check.hasDims("select", x);
        int d = Check.dim("select", dim, x.dim()), size = x.size(d);
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(String.format("select: index %d is out of bounds for dim %d with size %d",
                    index, d, size));
        }
        return x.narrow(d, i, 1).squeeze(d);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor x = in[0];
        inShape = x.shape();
        int[] st = Shapes.strides(inShape);
        int[] outShape = inShape.clone();
        outShape[dim] = length;
        int[] outStrides = st.clone();
        outStrides[dim] *= step;
        return new Tensor(x.kernels().strided(x.data(), start * st[dim], outStrides, outShape), outShape);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor gx = Creation.zerosOn(g, g.dtype(), inShape);
        int[] st = Shapes.strides(inShape);
        int[] strides = st.clone();
        strides[dim] *= step;
        g.kernels().stridedScatter(g.data(), g.shape(), gx.data(), start * st[dim], strides);
        return new Tensor[] {gx};
    }

    @Override
    public String name() {
        return name;
    }
}
