package io.jgrad.nn;

import io.jgrad.core.Tensor;

/** Element-wise logistic function 1 / (1 + e^-x). */
public class Sigmoid extends Module {
    @Override
    protected Tensor forward(Tensor x) {
        return x.sigmoid();
    }
}
