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
        if (kind == Elementwise.Binary.SUB) checkBoolSub(in[0].dtype(), in[1].dtype());
        Tensor[] p = Ops.promote(in[0], in[1]);
        Tensor a = p[0], b = p[1];
        if (kind == Elementwise.Binary.DIV) {
            a = Ops.floating(a);  // true division, like Python 3 and PyTorch
            b = b.to(a.dtype());
        }
        boolean bools = a.dtype() == DType.BOOL;
        Check.argument(!bools || kind != Elementwise.Binary.POW, "pow: not implemented for two bool tensors (PyTorch: "
                + "\"pow\" not implemented for 'Bool'); convert the base with toLong() or toFloat() first");
        if (bools) {
            a = a.to(DType.INT64);
            b = b.to(DType.INT64);
        }
        int[] shape = Ops.broadcast(opName, a.shape(), b.shape());
        saveOperands(a, b);
        Tensor out = new Tensor(a.kernels().binary(kind, a.data(), a.shape(), b.data(), b.shape(), shape), shape);
        // As in PyTorch, bool + bool and maximum are logical or, bool * bool and minimum logical and: masks stay masks.
        return bools && kind != Elementwise.Binary.SUB && kind != Elementwise.Binary.DIV ? out.to(DType.BOOL) : out;
    }

    /** PyTorch refuses to subtract with bools, since "1 - mask" is almost always meant as a logical not. */
    static void checkBoolSub(DType a, DType b) {
        Check.argument(a != DType.BOOL || b != DType.BOOL, "Subtraction, the `-` operator, with two bool tensors is not "
                + "supported. Use the `^` or `logical_xor()` operator instead.");
        Check.argument(a != DType.BOOL && b != DType.BOOL, "Subtraction, the `-` operator, with a bool tensor is not "
                + "supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
    }

    /** Saves what backward needs; most ops need both promoted operands, Add and Sub need none. */
    void saveOperands(Tensor a, Tensor b) {
        save(a, b);
    }
}
