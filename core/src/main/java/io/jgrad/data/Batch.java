package io.jgrad.data;

import io.jgrad.core.Tensor;

/** Inputs and targets for some examples, stacked along a new first dim. */
public record Batch(Tensor input, Tensor target) {
    public int size() {
        return input.size(0);
    }
}
