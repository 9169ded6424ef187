package io.jgrad.nn.loss;

import static io.jgrad.core.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.DType;
import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import io.jgrad.nn.Reduction;
import org.junit.jupiter.api.Test;

/** The relations between the losses that the examples teach, checked numerically. */
class LossIdentitiesTest {
    private static final Generator G = new Generator(3);

    private static Tensor logits(int n, int c) {
        return Tensor.randn(G, n, c).toDouble().mul(2.0);
    }

    private static Tensor labels(int n, int c) {
        return Tensor.randint(G, 0, c, n);
    }

    @Test
    void seedNumbers() {
        Tensor target = Tensor.of(new long[] {0});
        Tensor oneHot = target.oneHot(10).squeeze(0).toDouble();
        Tensor a1 = Tensor.of(DType.FLOAT64, 0.55, 0.02, 0.01, 0.03, 0.01, 0.05, 0.17, 0.01, 0.06, 0.09);
        Tensor a2 = Tensor.of(DType.FLOAT64, 0.55, 0.002, 0.001, 0.003, 0.001, 0.04, 0.37, 0.001, 0.012, 0.02);
        BCELoss bceSum = new BCELoss().reduction(Reduction.SUM);
        assertEquals(1.0725, bceSum.apply(a1, oneHot).item(), 5e-5);
        assertEquals(1.1410, bceSum.apply(a2, oneHot).item(), 5e-5);
        assertEquals(0.5978, new NLLLoss().apply(a1.log(), target.squeeze()).item(), 5e-5);
        assertEquals(0.5978, new NLLLoss().apply(a2.log(), target.squeeze()).item(), 5e-5);
    }

    @Test
    void crossEntropyIsNllOfLogSoftmax() {
        Tensor x = logits(8, 5), y = labels(8, 5);
        for (Reduction r : new Reduction[] {Reduction.NONE, Reduction.MEAN, Reduction.SUM}) {
            assertClose(new NLLLoss().reduction(r).apply(x.logSoftmax(1), y),
                    new CrossEntropyLoss().reduction(r).apply(x, y), "CE vs NLL " + r);
        }
    }

    @Test
    void oneHotProbabilitiesGiveTheIndexLoss() {
        Tensor x = logits(8, 5), y = labels(8, 5);
        assertClose(new CrossEntropyLoss().apply(x, y), new CrossEntropyLoss().apply(x, y.oneHot(5).toDouble()), "CE");
        assertClose(new CrossEntropyLoss().labelSmoothing(0.2).apply(x, y),
                new CrossEntropyLoss().labelSmoothing(0.2).apply(x, y.oneHot(5).toDouble()), "smoothed CE");
    }

    @Test
    void klIsCrossEntropyMinusEntropy() {
        Tensor p = logits(6, 4).softmax(1), logQ = logits(6, 4).logSoftmax(1);
        Tensor kl = new KLDivLoss().reduction(Reduction.BATCHMEAN).apply(logQ, p);
        Tensor crossEntropy = new CrossEntropyLoss().apply(logQ, p);  // logQ is already normalised
        Tensor entropy = p.mul(p.log()).sum(1).neg().mean();
        assertEquals(crossEntropy.sub(entropy).item(), kl.item(), 1e-12);
    }

    @Test
    void bceWithLogitsIsBceOfSigmoidAndStaysFinite() {
        Tensor x = logits(4, 3), t = Tensor.rand(G, 4, 3).toDouble();
        assertClose(new BCELoss().apply(x.sigmoid(), t), new BCEWithLogitsLoss().apply(x, t), "BCE");

        Tensor extreme = Tensor.of(DType.FLOAT64, 1000, -1000, 40).requiresGrad(true);
        Tensor wrong = Tensor.of(DType.FLOAT64, 0, 1, 0);
        Tensor stable = new BCEWithLogitsLoss().reduction(Reduction.SUM).apply(extreme, wrong);
        assertEquals(2040, stable.item(), 1e-9);  // the true loss: |logit| per confidently wrong element
        stable.backward();
        assertClose(Tensor.of(DType.FLOAT64, 1, -1, 1), extreme.grad(), "stable gradient");

        Tensor saturated = new BCELoss().reduction(Reduction.SUM).apply(Tensor.of(DType.FLOAT64, 1000, -1000).sigmoid(),
                Tensor.of(DType.FLOAT64, 0, 1));
        assertEquals(200, saturated.item(), 1e-9);  // each log clamped at -100
        assertTrue(Double.isFinite(saturated.item()));
    }
}
