package io.jgrad.nn.loss;

import io.jgrad.core.Tensor;
import io.jgrad.nn.F;

/**
 * One sigmoid per class: BCEWithLogitsLoss per class, {@code weight} (one per class) applied, averaged
 * over the classes of each sample; the reduction then runs over the samples. Input (N, C) or (C) logits,
 * target of the same shape with 0/1 per class.
 *
 * <pre>
 * jshell> new MultiLabelSoftMarginLoss().apply(Tensor.of(new double[][] {{0, 0}}), Tensor.of(new double[][] {{1, 0}}))
 * $1 ==> tensor(0.6931)
 * </pre>
 */
public class MultiLabelSoftMarginLoss extends Loss<MultiLabelSoftMarginLoss> {
    private Tensor weight;

    public MultiLabelSoftMarginLoss weight(Tensor weight) {
        this.weight = weight;
        return this;
    }

    @Override
    protected Tensor forward(Tensor input, Tensor target) {
        return F.multilabelSoftMarginLoss(input, target, weight, reduction);
    }
}
