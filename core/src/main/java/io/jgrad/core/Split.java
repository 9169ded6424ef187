package io.jgrad.core;

import java.util.ArrayList;
import java.util.List;

/**
 * split and chunk: consecutive slices along one dim, so each piece is a copy with its own grad_fn and
 * the gradients of the pieces add up in the input. The grad_fn is named as PyTorch 1.13 names it:
 * SplitBackward0 for a split size (and chunk), SplitWithSizesBackward0 for a list of sizes (and the
 * chunks of an empty dim, which PyTorch makes with split_with_sizes).
 */
final class Split {
    private Split() {}

    /** Pieces of {@code size} along {@code dim}, the last one smaller when the size does not divide. */
    static List<Tensor> split(Tensor x, int size, int dim) {
        Check.argument(x.dim() > 0, "split: expects at least a 1-dimensional tensor (shape []); reshape(1) it first");
        int d = Check.dim("split", dim, x.dim()), n = x.size(d);
        Check.argument(size >= 0, "split: split size must be non-negative but got %d", size);
        Check.argument(size > 0 || n == 0, "split: split size can only be 0 if dimension size is 0, but dim %d of shape "
                + "%s has size %d", d, Check.shape(x.shape()), n);
        int pieces = size == 0 ? 1 : Math.max((n + size - 1) / size, 1);
        int[] sizes = new int[pieces];
        for (int i = 0; i < pieces; i++) sizes[i] = Math.min(size, n - i * size);
        return pieces(x, sizes, d, "SplitBackward0");
    }

    /** Pieces of the given sizes along {@code dim}, which must add up to its size. */
    static List<Tensor> split(Tensor x, int[] sizes, int dim) {
        Check.notNull(sizes, "split", "sizes");
        Check.argument(x.dim() > 0, "split: expects at least a 1-dimensional tensor (shape []); reshape(1) it first");
        int d = Check.dim("split", dim, x.dim()), n = x.size(d);
        long total = 0;
        for (int s : sizes) {
            Check.argument(s >= 0, "split: split sizes must be non-negative but got %s", java.util.Arrays.toString(sizes));
            total += s;
        }
        Check.argument(total == n, "split: split sizes %s must sum exactly to %d (the size of dim %d of shape %s) but "
                + "sum to %d", java.util.Arrays.toString(sizes), n, d, Check.shape(x.shape()), total);
        return pieces(x, sizes, d, "SplitWithSizesBackward0");
    }

    /** {@code chunks} pieces of ceil(size / chunks) (fewer when that covers the dim sooner), as PyTorch's chunk. */
    static List<Tensor> chunk(Tensor x, int chunks, int dim) {
        Check.argument(chunks > 0, "chunk: expects chunks to be greater than 0 but got %d", chunks);
        Check.argument(x.dim() > 0, "chunk: expects at least a 1-dimensional tensor (shape []); reshape(1) it first");
        int d = Check.dim("chunk", dim, x.dim()), n = x.size(d);
        if (n == 0) return pieces(x, new int[chunks], d, "SplitWithSizesBackward0");  // PyTorch: chunks empty pieces
        return split(x, (n + chunks - 1) / chunks, d);
    }

    private static List<Tensor> pieces(Tensor x, int[] sizes, int d, String gradFn) {
        List<Tensor> out = new ArrayList<>(sizes.length);
        int start = 0;
        for (int s : sizes) {
            out.add(new Slice(d, start, s, 1, gradFn).apply(x));
            start += s;
        }
        return List.copyOf(out);
    }
}
