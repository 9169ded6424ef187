package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;

/** Reorders dimensions (permute, transpose, t) into a contiguous copy; backward applies the inverse order. */
final class Permute extends Op {
    private final int[] perm;
    private final String name;

    Permute(int[] perm, String name) {
        this.perm = perm;
        this.name = name;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        return permute(in[0], perm);
    }

    static Tensor permute(Tensor x, int[] perm) {
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
        return new Tensor[] {permute(g, inverse)};
    }

    @Override
    public String name() {
        return name;
    }
}
