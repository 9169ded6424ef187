package io.jgrad.nn;

import io.jgrad.core.Tensor;

/**
 * PyTorch's {@code nn.GELU}: with approximate 'none' (the default) the exact x·Φ(x) =
 * x·0.5·(1 + erf(x/sqrt(2))); with 'tanh' 0.5·x·(1 + tanh(sqrt(2/pi)·(x + 0.044715·x³))). Any other
 * string is refused, as in PyTorch.
 *
 * <pre>
 * jshell> new GELU().apply(Tensor.of(-1, 0, 1))
 * $1 ==> tensor([-0.1587,  0.0000,  0.8413])
 * jshell> new GELU("tanh").apply(Tensor.of(-1, 0, 1))
 * $2 ==> tensor([-0.1588,  0.0000,  0.8412])
 * jshell> new GELU()
 * $3 ==> GELU(approximate='none')
 * </pre>
 */
public class GELU extends Module {
    private final String approximate;

    /** The exact form, approximate 'none', PyTorch's default. */
    public GELU() {
        this("none");
    }

    /** {@code approximate}: 'none' (exact) or 'tanh'. */
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
