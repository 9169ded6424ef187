package io.jgrad.core;

/**
 * sort and topk along a dim: the sorting permutation from the device's stable argsort, then the
 * values gathered through it ({@link MaxDim#take}), so the gradient scatters back to where each value came from.
 */
final class Sort {
    private Sort() {}

    static ValuesIndices sort(Tensor x, int dim, boolean descending) {
        return sorted("sort", x, dim, descending, -1);
    }

    static ValuesIndices topk(Tensor x, int k, int dim, boolean largest) {
        Check.argument(x.dtype() != DType.BOOL, "topk: bool input is not supported, as in PyTorch (\"topk_cpu\" not "
                + "implemented for 'Bool'); convert it with toLong() first, or use sort");
        Check.argument(k >= 0, "topk: k = %d is out of range; expected 0 <= k <= the size of dim %d", k, dim);
        return sorted("topk", x, dim, largest, k);
    }

    /** The whole sorted lane, or its first {@code k} elements when {@code k >= 0}. */
    private static ValuesIndices sorted(String op, Tensor x, int dim, boolean descending, int k) {
        int d = Check.dim(op, dim, x.dim());
        if (x.dim() == 0 && k == 0) k = 1;  // PyTorch's topk returns a 0-d input itself for k = 0 too
        int[] shape = x.dim() == 0 ? new int[] {1} : x.shape();
        Check.argument(k <= shape[d], "topk: k = %d is out of range: dim %d has size %d (shape %s); expected 0 <= k "
                + "<= %d", k, d, shape[d], Check.shape(x.shape()), shape[d]);
        Tensor perm = new Tensor(x.kernels().argsort(x.data(), shape, d, descending), shape);
        if (k >= 0) perm = perm.narrow(d, 0, k);
        String name = k < 0 ? "SortBackward0" : "TopkBackward0";
        Tensor values = MaxDim.take(x.dim() == 0 ? x.reshape(1) : x, d, perm, name);
        if (x.dim() == 0) return new ValuesIndices(values.reshape(), perm.reshape());
        return new ValuesIndices(values, perm);
    }
}
