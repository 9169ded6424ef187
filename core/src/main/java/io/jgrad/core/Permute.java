package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;
import java.util.Arrays;

/** Reorders dimensions (permute, transpose, t) into a contiguous copy; backward applies the inverse order. */
final class Permute extends Op {
    private final int[] perm;
    private final String name;

    Permute(int[] perm, String name) {
        this.perm = perm;
        this.name = name;
    }

    /** {@link Tensor#permute}: output dim i is input dim {@code dims[i]}; each dim exactly once. */
    static Tensor permute(Tensor x, int[] dims) {
        int rank = x.dim();
        Check.argument(dims.length == rank, "permute: number of dims don't match; the tensor has %d dims but %d were "
                + "given (%s)", rank, dims.length, Arrays.toString(dims));
        int[] perm = new int[dims.length];
        boolean[] seen = new boolean[dims.length];
        for (int i = 0; i < dims.length; i++) {
            perm[i] = Check.dim("permute", dims[i], rank);
            Check.argument(!seen[perm[i]], "permute: dim %d appears more than once in %s", perm[i], Arrays.toString(dims));
            seen[perm[i]] = true;
        }
        return new Permute(perm, "PermuteBackward0").apply(x);
    }

    /** {@link Tensor#transpose}: two dims swapped. */
    static Tensor transpose(Tensor x, int dim0, int dim1) {
        int rank = x.dim(), a = Check.dim("transpose", dim0, rank), b = Check.dim("transpose", dim1, rank);
        int[] perm = new int[rank];
        for (int i = 0; i < perm.length; i++) perm[i] = i == a ? b : i == b ? a : i;
        return new Permute(perm, "TransposeBackward0").apply(x);
    }

    /** {@link Tensor#t}: a matrix transposed; a 0-D or 1-D tensor as it is (a new node, as PyTorch's). */
    static Tensor t(Tensor x) {
        Check.argument(x.dim() <= 2, "t: expects a tensor with <= 2 dimensions, but got %d; use transpose(d0, d1)", x.dim());
        return x.dim() < 2 ? new Reshape(x.shape(), "TBackward0").apply(x) : new Permute(new int[] {1, 0}, "TBackward0").apply(x);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        return permuted(in[0], perm);
    }

    /** A contiguous copy of {@code x} with its dims in the order {@code perm}. */
    private static Tensor permuted(Tensor x, int[] perm) {
        int[] shape = x.shape(), st = Shapes.strides(shape);
        int[] outShape = new int[perm.length], outStrides = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            outShape[i] = shape[perm[i]];
            outStrides[i] = st[perm[i]];
        }
        return new Tensor(x.kernels().strided(x.data(), 0, outStrides, outShape), outShape);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) inverse[perm[i]] = i;
        return new Tensor[] {permuted(g, inverse)};
    }

    @Override
    public String name() {
        return name;
    }
}
