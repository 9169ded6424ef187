package io.jgrad.core;

import java.util.Arrays;

/**
 * Argument validation with messages that name the op, what was seen, what was expected and the
 * likely fix. Everything is checked before native or array code runs, so bad input never reaches
 * ND4J's native asserts.
 */
final class Check {
    private Check() {}

    static void argument(boolean ok, String format, Object... args) {
        if (!ok) throw new IllegalArgumentException(String.format(format, args));
    }

    static <T> T notNull(T value, String op, String arg) {
        if (value == null) throw new NullPointerException(op + ": " + arg + " is null");
        return value;
    }

    /** Ops that index into a dimension have nothing to index in a 0-dim tensor. */
    static void hasDims(String op, Tensor t) {
        argument(t.dim() > 0, "%s: cannot be applied to a 0-dim tensor (shape []); reshape(1) it first", op);
    }

    static String shape(int[] shape) {
        return Arrays.toString(shape);
    }

    /** Wraps a possibly negative dimension into [0, rank) or explains the valid range. */
    static int dim(String op, int dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new IndexOutOfBoundsException(String.format(
                    "%s: dimension out of range (expected to be in range of [%d, %d], but got %d)", op, -r, r - 1, dim));
        }
        return dim < 0 ? dim + r : dim;
    }

    static void indexType(String op, String arg, Tensor t) {
        argument(t.dtype() == DType.INT64, "%s: %s must be an int64 tensor of indices but got %s; "
                + "convert it with %s.toLong()", op, arg, t.dtype(), arg);
    }

    /** A fill value an int64 tensor can hold; PyTorch refuses NaN, ±inf and values beyond ±2^63 alike. */
    static void fillValue(String op, DType dtype, double value) {
        argument(dtype != DType.INT64 || Double.isFinite(value) && Math.abs(value) < 0x1p63, "%s: value %s cannot be "
                + "converted to type int64 without overflow; convert the input with toFloat() first", op, value);
    }
}
