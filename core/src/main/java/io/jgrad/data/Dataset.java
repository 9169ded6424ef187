package io.jgrad.data;

/**
 * Indexed examples, PyTorch's map-style {@code Dataset}. Batches are fetched by index arrays so an
 * in-memory dataset can gather a whole batch in one copy rather than one object per example.
 */
public interface Dataset {
    int size();

    /** The examples at {@code indices}, stacked. */
    Batch get(long[] indices);
}
