package io.jgrad.core;

import io.jgrad.core.kernel.Elementwise;

/** Forward of the broadcasting arithmetic ops: promote, check shapes, run the kernel. */
abstract class BinaryOp extends Op {
    private final Elementwise.Binary kind;
    private final String opName;

    BinaryOp(Elementwise.Binary kind, String opName) {
        this.kind = kind;
        this.opName = opName;
    }

    @Override
    protected Tensor forward(Tensor... in) {
        Tensor[] p = Ops.promote(in[0], in[1]);
        Tensor a = p[0], b = p[1];
        if (kind == Elementwise.Binary.DIV) {
            a = Ops.floating(a);  // true division, like Python 3 and PyTorch
            b = b.to(a.dtype());
        }
        if (a.dtype() == DType.BOOL) {
            a = a.to(DType.INT64);
            b = b.to(DType.INT64);
        }
        int[] shape = Ops.broadcast(opName, a.shape(), b.shape());
        if (kind == Elementwise.Binary.POW && a.dtype() == DType.INT64) {
            for (long e : b.longData()) {
                Check.argument(e >= 0, "pow: integers to negative integer powers are not allowed (exponent %d); convert "
                        + "the base with toFloat() first", e);
            }
        }
        saveOperands(a, b);
        return new Tensor(Elementwise.binary(kind, a.data(), a.shape(), b.data(), b.shape(), shape), shape);
    }

    /** Saves what backward needs; most ops need both promoted operands, Add and Sub need none. */
    void saveOperands(Tensor a, Tensor b) {
        save(a, b);
    }
}
