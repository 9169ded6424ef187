package io.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.Tensor;
import io.jgrad.nn.Reduction;
import org.junit.jupiter.api.Test;

/**
 * Each loss's result prints PyTorch 1.13's grad_fn for the same call: its own node where PyTorch has
 * one kernel (BinaryCrossEntropyBackward0, NllLossBackward0, ...), the composed step where it has none.
 */
class LossGradFnTest {
    private final Tensor x = Tensor.rand(2, 3).requiresGrad(true), y = Tensor.rand(2, 3);
    private final Tensor labels = Tensor.of(new long[] {0, 2});

    private static void assertGradFn(String torch, Tensor loss) {
        assertEquals(torch, loss.gradFn().name());
    }

    @Test
    void fusedInPyTorch() {
        for (Reduction r : new Reduction[] {Reduction.MEAN, Reduction.SUM, Reduction.NONE}) {
            assertGradFn("BinaryCrossEntropyBackward0", new BCELoss().reduction(r).apply(x, y));
            assertGradFn("BinaryCrossEntropyBackward0", new BCELoss().weight(Tensor.rand(3)).reduction(r).apply(x, y));
            assertGradFn("BinaryCrossEntropyWithLogitsBackward0", new BCEWithLogitsLoss().reduction(r).apply(x, y));
            assertGradFn("BinaryCrossEntropyWithLogitsBackward0",
                    new BCEWithLogitsLoss().posWeight(Tensor.rand(3)).reduction(r).apply(x, y));
            assertGradFn("NllLossBackward0", new NLLLoss().reduction(r).apply(x.neg(), labels));
            assertGradFn("NllLossBackward0", new CrossEntropyLoss().reduction(r).apply(x, labels));
            assertGradFn("MseLossBackward0", new MSELoss().reduction(r).apply(x, y));
            assertGradFn("HuberLossBackward0", new HuberLoss().reduction(r).apply(x, y));
        }
    }

    @Test
    void composedInPyTorch() {
        assertGradFn("MeanBackward0", new L1Loss().apply(x, y));
        assertGradFn("AbsBackward0", new L1Loss().reduction(Reduction.NONE).apply(x, y));
        assertGradFn("AddBackward0", new CrossEntropyLoss().labelSmoothing(0.1).apply(x, labels));
        assertGradFn("NegBackward0", new CrossEntropyLoss().reduction(Reduction.NONE).apply(x, y));
        assertGradFn("DivBackward0", new KLDivLoss().reduction(Reduction.BATCHMEAN).apply(x.neg(), y));
        assertGradFn("SumBackward0", new KLDivLoss().reduction(Reduction.SUM).apply(x.neg(), y));
        assertGradFn("SubBackward0", new KLDivLoss().reduction(Reduction.NONE).apply(x.neg(), y));
    }

    /** PyTorch 1.13: one SmoothL1Loss kernel (beta 0 included); the others composed, so their last step shows. */
    @Test
    void issue14Losses() {
        Tensor signs = Tensor.of(1, -1), var = Tensor.rand(2, 3);
        String[][] composed = {{"NONE", "Div", "ClampMin", "Add"}, {"MEAN", "Mean", "Mean", "Mean"}, {"SUM", "Sum", "Sum", "Sum"}};
        for (String[] row : composed) {
            Reduction r = Reduction.valueOf(row[0]);
            assertGradFn("SmoothL1LossBackward0", new SmoothL1Loss().reduction(r).apply(x, y));
            assertGradFn("SmoothL1LossBackward0", new SmoothL1Loss().beta(0).reduction(r).apply(x, y));
            assertGradFn(row[1] + "Backward0", new MultiLabelSoftMarginLoss().weight(Tensor.rand(3)).reduction(r).apply(x, y));
            assertGradFn(row[2] + "Backward0", new MarginRankingLoss().reduction(r).apply(x, y, y.sign()));
            assertGradFn(row[3] + "Backward0", new CosineEmbeddingLoss().reduction(r).apply(x, y, signs));
        }
        assertGradFn("SubBackward0", new PoissonNLLLoss().reduction(Reduction.NONE).apply(x, y));
        assertGradFn("SubBackward0", new PoissonNLLLoss().logInput(false).reduction(Reduction.NONE).apply(x, y));
        assertGradFn("AddBackward0", new PoissonNLLLoss().full(true).reduction(Reduction.NONE).apply(x, y));
        assertGradFn("MeanBackward0", new PoissonNLLLoss().apply(x, y));
        assertGradFn("MulBackward0", new GaussianNLLLoss().reduction(Reduction.NONE).apply(x, y, var));
        assertGradFn("AddBackward0", new GaussianNLLLoss().full(true).reduction(Reduction.NONE).apply(x, y, var));
        assertGradFn("SumBackward0", new GaussianNLLLoss().reduction(Reduction.SUM).apply(x, y, var));
    }
}
