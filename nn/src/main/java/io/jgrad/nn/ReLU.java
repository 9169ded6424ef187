package io.jgrad.nn;

import io.jgrad.core.Tensor;

/** Element-wise max(x, 0). */
public class ReLU extends Module {
    @Override
    protected Tensor forward(Tensor x) {
        return x.relu();
    }
}
