package io.jgrad.data;

import io.jgrad.core.Tensor;
import java.util.Arrays;

/** Examples held as two tensors whose first dims line up: {@code inputs[i]} goes with {@code targets[i]}. */
public final class TensorDataset implements Dataset {
    private final Tensor inputs, targets;

    public TensorDataset(Tensor inputs, Tensor targets) {
        if (inputs.dim() == 0 || targets.dim() == 0 || inputs.size(0) != targets.size(0)) {
            throw new IllegalArgumentException("TensorDataset: inputs " + Arrays.toString(inputs.shape()) + " and targets "
                    + Arrays.toString(targets.shape()) + " must have the same size in their first dimension");
        }
        this.inputs = inputs;
        this.targets = targets;
    }

    @Override
    public int size() {
        return inputs.size(0);
    }

    @Override
    public Batch get(long[] indices) {
        Tensor idx = Tensor.of(indices);
        return new Batch(inputs.indexSelect(0, idx), targets.indexSelect(0, idx));
    }

    public Tensor inputs() {
        return inputs;
    }

    public Tensor targets() {
        return targets;
    }

    /** Shapes and dtypes rather than values, which a dataset has too many of to print. */
    @Override
    public String toString() {
        return "TensorDataset(size=" + size() + ", inputs=" + Arrays.toString(inputs.shape()) + " " + inputs.dtype()
                + ", targets=" + Arrays.toString(targets.shape()) + " " + targets.dtype() + ")";
    }
}
