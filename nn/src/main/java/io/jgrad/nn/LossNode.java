package io.jgrad.nn;

import io.jgrad.core.Op;
import io.jgrad.core.Tensor;

/**
 * The graph node of a loss that jgrad composes from smaller ops where PyTorch has one kernel: the
 * result passes through unchanged, so its grad_fn prints as PyTorch's ({@code MseLossBackward0})
 * rather than as the last internal step ({@code MeanBackward0}), which stays reachable behind it.
 */
final class LossNode extends Op {
    private final String name;

    private LossNode(String name) {
        this.name = name;
    }

    /** {@code loss} under a node named {@code name}, unless it has no graph or already is that node. */
    static Tensor named(String name, Tensor loss) {
        if (loss.gradFn() == null || loss.gradFn().name().equals(name)) return loss;
        return new LossNode(name).apply(loss);
    }

    @Override
    protected Tensor forward(Tensor... in) {
        return in[0];
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g};
    }

    @Override
    public String name() {
        return name;
    }
}
