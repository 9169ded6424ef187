package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * Pulls pairs of embeddings together (y = 1: {@code 1 - cos}) or pushes them apart (y = -1:
 * {@code max(0, cos - margin)}); inputs (N, D) with target (N), or (D) with a 0-d target. Called with
 * {@code apply(input1, input2, target)}.
 *
 * <pre>
 * jshell> new CosineEmbeddingLoss().apply(Tensor.of(new double[][] {{1, 0}, {1, 1}}), Tensor.of(new double[][] {{0, 1}, {1, 1}}), Tensor.of(1, -1))
 * $1 ==> tensor(1.)
 * </pre>
 */
public class CosineEmbeddingLoss extends TernaryLoss<CosineEmbeddingLoss> {
    private double margin;

    public CosineEmbeddingLoss() {
        super("(input1, input2, target)");
    }

    public CosineEmbeddingLoss margin(double margin) {
        this.margin = margin;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input1, Tensor input2, Tensor target) {
        return F.cosineEmbeddingLoss(input1, input2, target, margin, reduction);
    }
}
