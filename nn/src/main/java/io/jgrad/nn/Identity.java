package io.jgrad.nn;

import io.jgrad.core.Tensor;

/** Returns its input unchanged (a placeholder, as in PyTorch). */
public class Identity extends Module {
    @Override
    protected Tensor forward(Tensor x) {
        return x;
    }
}
