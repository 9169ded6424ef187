package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;
import java.util.function.Supplier;

/**
 * Shared argument handling for op classes: dtype promotion (of scalar operands too), broadcasting
 * checks, dimension lists, and the checked reads behind {@link Tensor#size(int)} and {@link Tensor#item()}.
 */
final class Ops {
    private Ops() {}

    /** Both operands converted to their promoted dtype, as PyTorch's type promotion does. */
    static Tensor[] promote(Tensor a, Tensor b) {
        DType t = resultType(a, b);
        return new Tensor[] {a.to(t), b.to(t)};
    }

    /**
     * PyTorch's {@code result_type}: a 0-d tensor (a scalar) decides the dtype only when its category
     * (bool, integer, floating) is higher than the other operand's, so {@code float32[n] + float64[]}
     * stays float32 while {@code int64[n] + float64[]} is float64.
     */
    static DType resultType(Tensor a, Tensor b) {
        if ((a.dim() == 0) == (b.dim() == 0)) return DType.promote(a.dtype(), b.dtype());
        DType dimensioned = a.dim() == 0 ? b.dtype() : a.dtype(), zeroDim = a.dim() == 0 ? a.dtype() : b.dtype();
        return category(zeroDim) > category(dimensioned) ? zeroDim : dimensioned;
    }

    private static int category(DType t) {
        return t == DType.BOOL ? 0 : t.isFloatingPoint() ? 2 : 1;
    }

    /**
     * The inputs on one device. Tensors with dimensions must share it, as in PyTorch; a 0-d tensor
     * moves to it, as a CPU scalar joins CUDA tensors in PyTorch. With only 0-d tensors, a device
     * other than the CPU wins. Null entries stay null.
     */
    static Tensor[] onOneDevice(String op, Tensor... in) {
        return onOneDevice(() -> op, in);
    }

    /** {@link #onOneDevice(String, Tensor...)} naming the op only in the error: every op's apply calls it. */
    static Tensor[] onOneDevice(Supplier<String> op, Tensor[] in) {
        Device device = null;
        for (Tensor t : in) {
            if (t == null || t.dim() == 0) continue;
            if (device == null) device = t.device();
            else if (t.device() != device) {
                throw new IllegalArgumentException(String.format("%s: Expected all tensors to be on the same device, but "
                        + "found at least two devices, %s and %s! Move them to one with to(Device.%s) or "
                        + "to(Device.%s)", op.get(), device, t.device(), device.name(), t.device().name()));
            }
        }
        if (device == null) {
            for (Tensor t : in) if (t != null && t.device() != Device.CPU) device = t.device();
        }
        if (device == null) return in;
        Tensor[] out = in;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == null || in[i].device() == device) continue;
            if (out == in) out = in.clone();
            out[i] = in[i].to(device);
        }
        return out;
    }

    /**
     * Whether the non-null inputs already share a device, so {@link #onOneDevice} would return them as
     * they are: the check every op's apply makes, kept small enough for the JIT to inline.
     */
    static boolean oneDevice(Tensor[] in) {
        Device device = null;
        for (Tensor t : in) {
            if (t == null) continue;
            if (device == null) device = t.device();
            else if (t.device() != device) return false;
        }
        return true;
    }

    /** {@code other} on {@code self}'s device for an in-place update of {@code self}: only a 0-d tensor moves. */
    static Tensor onDeviceOf(String op, Tensor self, Tensor other) {
        Device device = self.device();
        if (other.device() == device) return other;
        if (other.dim() > 0) onOneDevice(op, self.dim() == 0 ? self.reshape(1) : self, other);  // throws the message
        return other.to(device);
    }

    /** A 0-D tensor for a scalar operand: x's dtype, or float32 when an integer tensor meets a fraction. */
    static Tensor scalar(Tensor x, double value) {
        DType d = x.dtype();
        DType t = d.isFloatingPoint() || value == Math.rint(value) && Math.abs(value) < 0x1p53 ? d : DType.FLOAT32;
        return Creation.scalar(value, t == DType.BOOL ? DType.INT64 : t);
    }

    static int[] broadcast(String op, int[] a, int[] b) {
        int[] out = Shapes.broadcast(a, b);
        if (out == null) {  // the message only now: every binary op passes here
            throw new IllegalArgumentException(String.format("%s: shapes %s and %s are not broadcastable (sizes must "
                    + "match or be 1, aligned from the right)", op, Check.shape(a), Check.shape(b)));
        }
        return out;
    }

    /** {@code x} itself when floating point, else converted to float32 (PyTorch's default float dtype). */
    static Tensor floating(Tensor x) {
        return x.dtype().isFloatingPoint() ? x : x.to(DType.FLOAT32);
    }

    /** Marks the given (possibly negative) dims; no dims means all of them, as in PyTorch. */
    static boolean[] dimMask(String op, int[] dims, int rank) {
        boolean[] mask = new boolean[rank];
        if (dims.length == 0) {
            java.util.Arrays.fill(mask, true);
            return mask;
        }
        for (int d : dims) {
            int k = Check.dim(op, d, rank);
            if (rank == 0) continue;
            Check.argument(!mask[k], "%s: dim %d appears multiple times in the list of dims", op, k);
            mask[k] = true;
        }
        return mask;
    }

    /** The size of dim {@code dim} (negative: from the end). */
    static int size(Tensor x, int dim) {
        Check.argument(x.dim() > 0, "size: dimension specified as %d but tensor has no dimensions", dim);
        return x.shape()[Check.dim("size", dim, x.dim())];
    }

    /** The single value of a one-element tensor, as a double. */
    static double item(Tensor x) {
        Check.argument(x.numel() == 1, "item: a Tensor with %d elements cannot be converted to a scalar", x.numel());
        return x.kernels().get(x.data(), 0);
    }

    static int count(boolean[] mask, int[] shape) {
        int n = 1;
        for (int d = 0; d < mask.length; d++) if (mask[d]) n *= shape[d];
        return n;
    }
}
