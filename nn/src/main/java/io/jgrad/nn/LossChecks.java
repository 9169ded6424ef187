package io.jgrad.nn;

import io.jgrad.core.Tensor;
import java.util.Arrays;

/** The argument checks every loss shares, each naming the loss ({@code op}) in its message. */
final class LossChecks {
    private LossChecks() {}

    static void floating(String op, String arg, Tensor t) {
        if (t == null) throw new NullPointerException(op + ": " + arg + " is null");
        if (!t.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": " + arg + " must be floating point (float32 or float64) but got "
                    + t.dtype() + "; convert it with toFloat()");
        }
    }

    static void floatTarget(String op, Tensor input, Tensor target) {
        if (target == null) throw new NullPointerException(op + ": target is null");
        if (!target.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": target must be floating point (probabilities or 0/1 labels) "
                    + "but got " + target.dtype() + "; convert it with target.toFloat()");
        }
    }

    static void sameShape(String op, Tensor input, Tensor target) {
        if (input == null || target == null) throw new NullPointerException(op + ": input and target must not be null");
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException(op + ": target size " + Arrays.toString(target.shape()) + " is different "
                    + "from the input size " + Arrays.toString(input.shape()) + "; they must match (this loss does not "
                    + "broadcast, which would silently compare the wrong pairs)");
        }
    }

    /** {@code t} broadcasts to {@code input}'s shape without growing it. */
    static void requireBroadcastable(String op, String arg, Tensor t, Tensor input, String hint) {
        int[] ts = t.shape(), is = input.shape();
        boolean ok = ts.length <= is.length;
        for (int i = 1; ok && i <= ts.length; i++) {
            int a = ts[ts.length - i], b = is[is.length - i];
            ok = a == b || a == 1;
        }
        if (!ok) {
            throw new IllegalArgumentException(op + ": " + arg + " of shape " + Arrays.toString(ts) + " does not "
                    + "broadcast to the input's shape " + Arrays.toString(is) + " (" + hint + ")");
        }
    }
}
