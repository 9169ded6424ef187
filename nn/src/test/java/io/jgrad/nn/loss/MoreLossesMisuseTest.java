package io.jgrad.nn.loss;

import static io.jgrad.core.ErrorAssert.assertError;

import io.jgrad.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The misuse messages of SmoothL1Loss, MultiLabelSoftMarginLoss, MarginRankingLoss, CosineEmbeddingLoss,
 * PoissonNLLLoss and GaussianNLLLoss: PyTorch's wording where it has one, plus the shapes seen and the fix.
 */
class MoreLossesMisuseTest {
    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    private final Tensor x = Tensor.randn(3, 4), y = Tensor.randn(3, 4);

    @Test
    void smoothL1() {
        assertError(IAE, () -> new SmoothL1Loss().beta(-1).apply(x, y),
                "smoothL1Loss does not support negative values for beta", "-1.0");
        assertError(IAE, () -> new SmoothL1Loss().apply(x, Tensor.randn(3, 1)), "smoothL1Loss: target size [3, 1]",
                "input size [3, 4]");
    }

    @Test
    void multilabelSoftMargin() {
        assertError(IAE, () -> new MultiLabelSoftMarginLoss().apply(Tensor.of(0.5).squeeze(), Tensor.of(1.0).squeeze()),
                "multilabelSoftMarginLoss: input must have a class dimension", "0-d", "binaryCrossEntropyWithLogits");
        assertError(IAE, () -> new MultiLabelSoftMarginLoss().apply(x, y.gt(0.0).toLong()),
                "target must be floating point", "target.toFloat()");
        assertError(IAE, () -> new MultiLabelSoftMarginLoss().weight(Tensor.ones(3)).apply(x, y),
                "weight of shape [3] does not broadcast to the input's shape [3, 4]");
    }

    @Test
    void marginRanking() {
        assertError(IAE, () -> new MarginRankingLoss().apply(Tensor.randn(3), Tensor.randn(3, 1), Tensor.ones(3)),
                "marginRankingLoss: All input tensors should have same dimension but got sizes: input1: [3], "
                        + "input2: [3, 1], target: [3]");
        assertError(IAE, () -> new MarginRankingLoss().apply(x, y), "MarginRankingLoss takes (input1, input2, target)",
                "apply(input1, input2, target)");
    }

    @Test
    void cosineEmbedding() {
        assertError(IAE, () -> new CosineEmbeddingLoss().apply(x, y, Tensor.ones(3, 1)),
                "0D or 1D target tensor expected, multi-target not supported", "[3, 1]");
        assertError(IAE, () -> new CosineEmbeddingLoss().apply(x, Tensor.randn(3, 5), Tensor.ones(3)),
                "1D target tensor of shape [3] expects 2D input tensors [3, D], but found inputs with sizes [3, 4] and [3, 5]");
        assertError(IAE, () -> new CosineEmbeddingLoss().apply(x, y, Tensor.ones(2)), "expects 2D input tensors [2, D]");
        assertError(IAE, () -> new CosineEmbeddingLoss().apply(Tensor.randn(4), Tensor.randn(4, 1), Tensor.of(1.0).squeeze()),
                "0D target tensor expects 1D input tensors [D], but found inputs with sizes [4] and [4, 1]");
    }

    @Test
    void poissonNll() {
        assertError(IAE, () -> new PoissonNLLLoss().apply(x, Tensor.rand(4)), "poissonNllLoss: target size [4]");
        assertError(IAE, () -> new PoissonNLLLoss().apply(x.toLong(), y), "poissonNllLoss: input must be floating point");
    }

    @Test
    void gaussianNll() {
        Tensor var = Tensor.rand(3, 4);
        assertError(IAE, () -> new GaussianNLLLoss().apply(x, y, Tensor.ones(3, 2)),
                "gaussianNllLoss: var is of incorrect size: [3, 2] for input [3, 4]", "one per sample");
        assertError(IAE, () -> new GaussianNLLLoss().apply(x, y, Tensor.ones(4)), "var is of incorrect size: [4]");
        assertError(IAE, () -> new GaussianNLLLoss().apply(x, y, var.sub(0.5).minimum(Tensor.zeros(3, 4).sub(0.1))),
                "gaussianNllLoss: var has negative entry/entries (12 below 0)", "softplus");
        assertError(IAE, () -> new GaussianNLLLoss().apply(x, Tensor.randn(2, 4), var),
                "target of shape [2, 4] does not broadcast to the input's shape [3, 4]");
        assertError(IAE, () -> new GaussianNLLLoss().apply(x, y), "GaussianNLLLoss takes (input, target, var)");
    }
}
