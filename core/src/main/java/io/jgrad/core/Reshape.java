package io.jgrad.core;

/**
 * A new shape over the same storage (view, reshape, flatten, squeeze, unsqueeze): storage is always
 * contiguous, so reshaping never copies, and in-place changes show through, as for PyTorch views.
 */
final class Reshape extends Op {
    private final int[] shape;
    private final String name;
    private int[] inShape;

    Reshape(int[] shape, String name) {
        this.shape = shape;
        this.name = name;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        inShape = in[0].shape();
        return in[0].share(shape);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.reshape(inShape)};
    }

    @Override
    public String name() {
        return name;
    }
}
