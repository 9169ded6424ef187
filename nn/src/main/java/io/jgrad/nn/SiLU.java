package io.jgrad.nn;

import io.jgrad.core.Tensor;

/**
 * x·sigmoid(x), PyTorch's {@code nn.SiLU} (swish).
 *
 * <pre>
 * jshell> new SiLU().apply(Tensor.of(-1, 0, 2))
 * $1 ==> tensor([-0.2689,  0.0000,  1.7616])
 * </pre>
 */
public class SiLU extends Module {
    @Override
    protected Tensor forward(Tensor x) {
        return F.silu(x);
    }
}
