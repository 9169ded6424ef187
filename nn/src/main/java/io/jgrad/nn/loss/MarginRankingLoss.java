package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * Ranks pairs: {@code max(0, -y·(x1 - x2) + margin)}, where y = 1 wants x1 above x2 by the margin and
 * y = -1 below. Called with {@code apply(input1, input2, target)}.
 *
 * <pre>
 * jshell> new MarginRankingLoss().margin(0.5).apply(Tensor.of(1, 2), Tensor.of(2, 1), Tensor.of(1, -1))
 * $1 ==> tensor(1.5000)
 * </pre>
 */
public class MarginRankingLoss extends TernaryLoss<MarginRankingLoss> {
    private double margin;

    public MarginRankingLoss() {
        super("(input1, input2, target)");
    }

    public MarginRankingLoss margin(double margin) {
        this.margin = margin;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input1, Tensor input2, Tensor target) {
        return F.marginRankingLoss(input1, input2, target, margin, reduction);
    }
}
