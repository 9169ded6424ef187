package io.jgrad.nn;

import io.jgrad.core.Tensor;

/**
 * PyTorch's {@code nn.GELU(approximate='tanh')}: 0.5·x·(1 + tanh(sqrt(2/pi)·(x + 0.044715·x³))).
 * The exact form x·Φ(x) (approximate 'none', PyTorch's default) needs an erf op jgrad does not have
 * yet, so it is refused rather than approximated.
 *
 * <pre>
 * jshell> new GELU("tanh").apply(Tensor.of(-1, 0, 1))
 * $1 ==> tensor([-0.1588,  0.0000,  0.8412])
 * </pre>
 */
public class GELU extends Module {
    private final String approximate;

    public GELU(String approximate) {
        Activations.checkGeluApproximate(approximate);
        this.approximate = approximate;
    }

    @Override
    protected Tensor forward(Tensor x) {
        return F.gelu(x, approximate);
    }

    @Override
    protected String extraRepr() {
        return "approximate='" + approximate + "'";
    }
}
