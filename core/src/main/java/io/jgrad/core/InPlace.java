package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;
import io.jgrad.core.kernel.Elementwise;
import java.util.Arrays;

/**
 * In-place updates (what optimizers do to parameters). Each bumps the storage's version so autograd
 * can refuse to use a saved tensor that changed after the forward pass.
 */
final class InPlace {
    private InPlace() {}

    static Tensor binary(Tensor self, String op, Elementwise.Binary kind, Tensor other) {
        check(self, op);
        if (kind == Elementwise.Binary.SUB) BinaryOp.checkBoolSub(self.dtype(), other.dtype());
        DType result = DType.promote(self.dtype(), other.dtype());
        if (kind == Elementwise.Binary.DIV && !self.dtype().isFloatingPoint()) result = DType.FLOAT32;
        Check.argument(result.ordinal() <= self.dtype().ordinal() || self.dtype().isFloatingPoint(),
                "%s: result type %s can't be cast to the desired output type %s; use the out-of-place %s, or convert "
                        + "the tensor with toFloat() first", op, result, self.dtype(), op.substring(0, op.length() - 1));
        int[] shape = Ops.broadcast(op, self.shape(), other.shape());
        Check.argument(Arrays.equals(shape, self.shape()), "%s: output with shape %s doesn't match the broadcast shape %s",
                op, Check.shape(self.shape()), Check.shape(shape));
        Tensor o = Ops.onDeviceOf(op, self, other).to(self.dtype());
        self.kernels().binaryInPlace(kind, self.data(), self.shape(), o.data(), o.shape());
        self.bumpVersion();
        return self;
    }

    /** {@code self += alpha·other} in one pass when shapes match (no temporary), else through a broadcast. */
    static Tensor axpy(Tensor self, Tensor other, double alpha) {
        Check.notNull(other, "addi", "other");
        if (!Arrays.equals(self.shape(), other.shape()) || !self.dtype().isFloatingPoint()) {
            try (var g = GradMode.noGrad()) {
                return binary(self, "addi", Elementwise.Binary.ADD, alpha == 1 ? other : other.mul(alpha));
            }
        }
        check(self, "addi");
        self.kernels().axpy(self.data(), Ops.onDeviceOf("addi", self, other).to(self.dtype()).data(), alpha);
        self.bumpVersion();
        return self;
    }

    /** {@code self += value·t1·t2} (or {@code ·t1/t2} with {@code divide}) for same-shaped floating tensors. */
    static Tensor addcmul(Tensor self, String op, Tensor t1, Tensor t2, double value, boolean divide) {
        check(self, op);
        Check.argument(self.dtype().isFloatingPoint(), "%s: needs a floating point tensor; got %s", op, self.dtype());
        Check.argument(Arrays.equals(self.shape(), t1.shape()) && Arrays.equals(self.shape(), t2.shape()),
                "%s: tensor1 %s and tensor2 %s must have this tensor's shape %s", op, Check.shape(t1.shape()),
                Check.shape(t2.shape()), Check.shape(self.shape()));
        Tensor a = Ops.onDeviceOf(op, self, t1).to(self.dtype()), b = Ops.onDeviceOf(op, self, t2).to(self.dtype());
        self.kernels().addcmul(self.data(), a.data(), b.data(), value, divide);
        self.bumpVersion();
        return self;
    }

    static Tensor fill(Tensor self, String op, double value) {
        check(self, op);
        self.kernels().fill(self.data(), value);
        self.bumpVersion();
        return self;
    }

    static Tensor copy(Tensor self, Tensor src) {
        check(self, "copyFrom");
        int[] shape = Ops.broadcast("copyFrom", self.shape(), src.shape());
        Check.argument(Arrays.equals(shape, self.shape()), "copyFrom: source of shape %s cannot be broadcast to the "
                + "destination's shape %s", Check.shape(src.shape()), Check.shape(self.shape()));
        Tensor s = src.to(self.device()).to(self.dtype()).expand(self.shape());
        self.kernels().stridedScatter(s.data(), self.shape(), self.data(), 0, Shapes.strides(self.shape()));
        self.bumpVersion();
        return self;
    }

    /** Refuses a write autograd could not account for: into a leaf that requires grad, or into the graph. */
    static void check(Tensor self, String op) {
        if (!GradMode.isEnabled() || !self.requiresGrad()) return;
        if (self.isLeaf()) {
            throw new IllegalStateException(op + ": a leaf Variable that requires grad is being used in an in-place "
                    + "operation; do the update inside try (var g = Tensor.noGrad()) { ... } (as optimizers do), or use "
                    + "the out-of-place op");
        }
        throw new IllegalStateException(op + ": in-place operations are not recorded by autograd, and this tensor is part "
                + "of the graph (grad_fn=" + self.gradFn().name() + "); use the out-of-place op instead");
    }
}
