package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;
import io.jgrad.core.kernel.Kernels;
import java.util.Arrays;
import java.util.List;

/** Joins tensors along an existing dim (dtypes promoted); each input's gradient is its slice of the output's. */
final class Cat extends Op {
    private final int dim;
    private int[] sizes;

    Cat(int dim) {
        this.dim = dim;
    }

    /** {@link Tensor#stack}: equally shaped tensors joined along a new dim {@code dim}. */
    static Tensor stack(List<Tensor> tensors, int dim) {
        Check.argument(!tensors.isEmpty(), "stack: expected a non-empty list of tensors");
        int d = Check.dim("stack", dim, tensors.get(0).dim() + 1);
        int[] first = tensors.get(0).shape();
        for (int i = 1; i < tensors.size(); i++) {
            Check.argument(Arrays.equals(tensors.get(i).shape(), first), "stack: expects each tensor to be equal size, "
                    + "but got %s at entry 0 and %s at entry %d", Check.shape(first), Check.shape(tensors.get(i).shape()), i);
        }
        return Tensor.cat(tensors.stream().map(t -> t.unsqueeze(d)).toList(), d);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Check.argument(in.length > 0, "cat: expected a non-empty list of tensors");
        DType type = in[0].dtype();
        for (Tensor t : in) type = DType.promote(type, t.dtype());
        int[] first = in[0].shape();
        Check.argument(first.length > 0, "cat: zero-dimensional tensor (at position 0) cannot be concatenated; "
                + "use stack, or unsqueeze(0) it first");
        int d = Check.dim("cat", dim, first.length);
        int[] outShape = first.clone();
        outShape[d] = 0;
        sizes = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            int[] s = in[i].shape();
            boolean same = s.length == first.length;
            for (int k = 0; same && k < s.length; k++) same = k == d || s[k] == first[k];
            Check.argument(same, "cat: sizes of tensors must match except in dimension %d; tensor 0 has shape %s but "
                    + "tensor %d has shape %s", d, Check.shape(first), i, Check.shape(s));
            sizes[i] = s[d];
            outShape[d] += s[d];
        }
        Kernels k = in[0].kernels();
        Object out = k.zeros(type.array, Shapes.numel(outShape));
        int[] st = Shapes.strides(outShape);
        for (int i = 0, at = 0; i < in.length; at += sizes[i], i++) {
            Tensor t = in[i].to(type);
            k.stridedScatter(t.data(), t.shape(), out, at * st[d], st);
        }
        return new Tensor(out, outShape);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        int d = Check.dim("cat", dim, g.dim());
        Tensor[] grads = new Tensor[sizes.length];
        for (int i = 0, at = 0; i < sizes.length; at += sizes[i], i++) {
            if (needsInputGrad(i)) grads[i] = g.narrow(d, at, sizes[i]);
        }
        return grads;
    }
}
