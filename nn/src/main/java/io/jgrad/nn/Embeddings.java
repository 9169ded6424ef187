package io.jgrad.nn;

import io.jgrad.core.DType;
import io.jgrad.core.Tensor;
import java.util.Arrays;

/** The table lookup behind {@link F#embedding} and {@link Embedding}. */
final class Embeddings {
    private Embeddings() {}

    /** Rows of {@code weight} at int64 {@code indices} of any shape; the padding row (nullable) gets no gradient. */
    static Tensor embedding(Tensor indices, Tensor weight, Integer paddingIdx) {
        if (indices == null || weight == null) {
            throw new IllegalArgumentException("embedding: " + (indices == null ? "indices" : "weight") + " is null");
        }
        if (weight.dim() != 2) {
            throw new IllegalArgumentException("embedding: weight must be 2-D (num_embeddings, embedding_dim) but has shape "
                    + Arrays.toString(weight.shape()));
        }
        if (indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException("embedding: indices must be int64 but got " + indices.dtype()
                    + " (shape " + Arrays.toString(indices.shape()) + "); convert them with .to(DType.INT64)");
        }
        int n = weight.shape()[0], dim = weight.shape()[1];
        Tensor flat = indices.flatten();
        long[] idx = flat.toLongArray();
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= n) {
                throw new IndexOutOfBoundsException("embedding: index " + idx[i] + " (at flat position " + i + " of indices "
                        + "shaped " + Arrays.toString(indices.shape()) + ") is out of range for a table of " + n
                        + " rows; valid indices are 0 to " + (n - 1));
            }
        }
        Tensor rows = weight.indexSelect(0, flat);
        if (paddingIdx != null) {
            int pad = paddingIdx < 0 ? paddingIdx + n : paddingIdx;
            rows = Tensor.where(flat.eq(pad).unsqueeze(1), rows.detach(), rows);
        }
        int[] shape = Arrays.copyOf(indices.shape(), indices.dim() + 1);
        shape[indices.dim()] = dim;
        return rows.reshape(shape);
    }
}
