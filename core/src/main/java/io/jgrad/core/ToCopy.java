package io.jgrad.core;

/** A copy, possibly in another dtype (clone, to, toFloat, ...); the engine casts the gradient back. */
final class ToCopy extends Op {
    private final DType type;
    private final String name;

    ToCopy(DType type, String name) {
        this.type = type;
        this.name = name;
    }

    /** {@link Tensor#to}: {@code x} itself when it has {@code type} already, else a differentiable copy. */
    static Tensor to(Tensor x, DType type) {
        Check.notNull(type, "to", "dtype");
        return type == x.dtype() ? x : new ToCopy(type, "ToCopyBackward0").apply(x);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        return new Tensor(in[0].kernels().convert(in[0].data(), type.array), in[0].shape());
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g};
    }

    @Override
    public String name() {
        return name;
    }
}
