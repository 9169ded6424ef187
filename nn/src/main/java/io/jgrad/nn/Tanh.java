package io.jgrad.nn;

import io.jgrad.core.Tensor;

/** Element-wise hyperbolic tangent. */
public class Tanh extends Module {
    @Override
    protected Tensor forward(Tensor x) {
        return x.tanh();
    }
}
