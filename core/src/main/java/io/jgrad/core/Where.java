package io.jgrad.core;


/** {@code cond ? a : b} with broadcasting; each branch's gradient is the incoming one where it was chosen. */
final class Where extends Op {
    private final Tensor cond;

    Where(Tensor cond) {
        this.cond = Check.notNull(cond, "where", "condition");
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Check.argument(cond.dtype() == DType.BOOL, "where: condition must be a bool tensor but got %s; build it with a "
                + "comparison such as x.gt(0), or convert with toBool()", cond.dtype());
        Tensor c = Ops.onOneDevice("where", cond, in[0], in[1])[0];
        Tensor[] p = Ops.promote(in[0], in[1]);
        int[] shape = Ops.broadcast("where", Ops.broadcast("where", cond.shape(), p[0].shape()), p[1].shape());
        save(c);
        return new Tensor(c.kernels().where(c.data(), cond.shape(), p[0].data(), p[0].shape(),
                p[1].data(), p[1].shape(), shape), shape);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor c = saved(0), zero = Tensor.zeros(g.dtype());
        return new Tensor[] {
            needsInputGrad(0) ? Tensor.where(c, g, zero) : null,
            needsInputGrad(1) ? Tensor.where(c, zero, g) : null
        };
    }
}
