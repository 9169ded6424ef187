package io.jgrad.optim;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.DType;
import io.jgrad.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** clipGradNorm's arguments and its handling of non-finite gradients, checked against PyTorch 1.13. */
class ClipInputTest {
    private static List<Tensor> withGrad(double... g) {
        Tensor p = Tensor.zeros(DType.FLOAT64, g.length).requiresGrad(true);
        p.mul(Tensor.of(DType.FLOAT64, g)).sum().backward();
        return List.of(p);
    }

    @Test
    void negativeMaxNormIsRefused() {
        List<Tensor> ps = withGrad(3, 4);
        assertError(IllegalArgumentException.class, () -> Clip.clipGradNorm(ps, -1), "maxNorm must be >= 0; got -1.0");
        assertArrayEquals(new double[] {3, 4}, ps.get(0).grad().toDoubleArray(), "gradients untouched");
    }

    @Test
    void nanGradientMakesTheNormNanAndScalesEverythingToNan() {
        // torch: clip_grad_norm_ of grad [nan, 4] to 1 returns nan and leaves grad [nan, nan]
        List<Tensor> ps = withGrad(Double.NaN, 4);
        assertEquals(Double.NaN, Clip.clipGradNorm(ps, 1));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN}, ps.get(0).grad().toDoubleArray());
    }

    @Test
    void infiniteGradientMakesTheNormInfiniteAndScalesByZero() {
        // torch: grad [inf, 4] gives norm inf and grad [nan, 0] (inf·0 is nan)
        for (double normType : new double[] {2, Double.POSITIVE_INFINITY}) {
            List<Tensor> ps = withGrad(Double.POSITIVE_INFINITY, 4);
            assertEquals(Double.POSITIVE_INFINITY, Clip.clipGradNorm(ps, 1, normType));
            assertArrayEquals(new double[] {Double.NaN, 0}, ps.get(0).grad().toDoubleArray());
        }
    }

    @Test
    void errorIfNonfiniteRefusesWithPyTorchsMessage() {
        List<Tensor> ps = withGrad(Double.NaN, 4);
        assertError(IllegalStateException.class, () -> Clip.clipGradNorm(ps, 1, 2, true),
                "The total norm of order 2.0 for gradients from `parameters` is non-finite, so it cannot be clipped. "
                        + "To disable this error and scale the gradients by the non-finite norm anyway, set "
                        + "`errorIfNonfinite=false`");
        assertEquals(5.0, Clip.clipGradNorm(withGrad(3, 4), 10, 2, true), 1e-12);
    }

    @Test
    void nullParamsAreRefused() {
        assertError(IllegalArgumentException.class, () -> Clip.clipGradNorm(null, 1), "clipGradNorm: params is null");
    }
}
