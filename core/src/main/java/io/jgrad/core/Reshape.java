package io.jgrad.core;

import io.jgrad.core.kernel.Shapes;
import java.util.Arrays;

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

    /** {@link Tensor#reshape}: one size may be -1, inferred from the others. */
    static Tensor reshape(Tensor x, int[] shape) {
        return new Reshape(inferShape(x, "reshape", shape), "ReshapeAliasBackward0").apply(x);
    }

    /** {@link Tensor#view}: as {@link #reshape}, with PyTorch's {@code view} grad_fn and messages. */
    static Tensor view(Tensor x, int[] shape) {
        return new Reshape(inferShape(x, "view", shape), "ViewBackward0").apply(x);
    }

    /** Dims {@code startDim..endDim} merged into one; a 0-d tensor becomes 1-D. */
    static Tensor flatten(Tensor x, int startDim, int endDim) {
        int rank = x.dim(), s = Check.dim("flatten", startDim, rank), e = Check.dim("flatten", endDim, rank);
        if (rank == 0) return x.reshape(1);
        Check.argument(s <= e, "flatten: start_dim %d cannot come after end_dim %d", s, e);
        int[] shape = x.shape(), out = new int[rank - (e - s)];
        int merged = 1;
        for (int d = s; d <= e; d++) merged *= shape[d];
        for (int d = 0, j = 0; d < rank; d++) {
            if (d < s || d > e) out[j++] = shape[d];
            else if (d == s) out[j++] = merged;
        }
        return new Reshape(out, "ReshapeAliasBackward0").apply(x);
    }

    /** Every dim of size 1 removed. */
    static Tensor squeeze(Tensor x) {
        return new Reshape(Arrays.stream(x.shape()).filter(s -> s != 1).toArray(), "SqueezeBackward0").apply(x);
    }

    /** {@code dim} removed if its size is 1, else the same shape, as PyTorch does. */
    static Tensor squeeze(Tensor x, int dim) {
        int rank = x.dim(), d = Check.dim("squeeze", dim, rank);
        int[] shape = x.shape();
        if (rank == 0 || shape[d] != 1) return new Reshape(shape, "SqueezeBackward1").apply(x);
        int[] out = new int[rank - 1];
        for (int i = 0, j = 0; i < rank; i++) if (i != d) out[j++] = shape[i];
        return new Reshape(out, "SqueezeBackward1").apply(x);
    }

    /** A dim of size 1 inserted at {@code dim}, in [-dim()-1, dim()]. */
    static Tensor unsqueeze(Tensor x, int dim) {
        int rank = x.dim(), d = Check.dim("unsqueeze", dim, rank + 1);
        int[] shape = x.shape(), out = new int[rank + 1];
        for (int i = 0, j = 0; i < out.length; i++) out[i] = i == d ? 1 : shape[j++];
        return new Reshape(out, "UnsqueezeBackward0").apply(x);
    }

    /** {@code requested} with its one -1 replaced by the size that keeps x's element count. */
    private static int[] inferShape(Tensor x, String op, int[] requested) {
        int[] out = requested.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                Check.argument(infer < 0, "%s: only one dimension can be inferred (-1); got %s", op, Arrays.toString(out));
                infer = i;
            } else {
                Check.argument(out[i] >= 0, "%s: invalid shape dimension %d in %s", op, out[i], Arrays.toString(out));
                known *= out[i];
            }
        }
        int n = x.numel();
        if (infer >= 0 && known > 0 && n % known == 0) out[infer] = (int) (n / known);
        Check.argument(Shapes.numel(out) == n && (infer < 0 || known > 0), "%s: shape '%s' is invalid for input of size "
                + "%d (shape %s)", op, Arrays.toString(requested), n, Check.shape(x.shape()));
        return out;
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
