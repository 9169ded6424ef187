package io.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.DType;
import io.jgrad.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fluent setters: any order, the concrete type back. */
class OptimizerApiTest {
    private static List<Tensor> params() {
        Tensor p = Tensor.of(DType.FLOAT64, 1.0, 2.0).requiresGrad(true);
        p.mul(p).sum().backward();
        return List.of(p);
    }

    @Test
    void nesterovMayBeSetBeforeMomentum() {
        List<Tensor> ps = params();
        SGD opt = new SGD(ps, 0.1).nesterov(true).momentum(0.9);
        opt.step();
        // First step: buf = g, g + momentum·buf = 1.9·g, g = 2p.
        assertArrayEquals(new double[] {1 - 0.1 * 1.9 * 2, 2 - 0.1 * 1.9 * 4}, ps.get(0).toDoubleArray(), 1e-12);
    }

    @Test
    void nesterovWithoutMomentumFailsAtTheFirstStepAndLeavesTheParameters() {
        List<Tensor> ps = params();
        SGD opt = new SGD(ps, 0.1).nesterov(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, opt::step);
        assertEquals("Nesterov momentum requires a momentum and zero dampening (got momentum 0.0, dampening 0.0)",
                e.getMessage());
        assertArrayEquals(new double[] {1, 2}, ps.get(0).toDoubleArray());
    }

    @Test
    void rangeChecksStayImmediate() {
        SGD opt = new SGD(params(), 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> opt.momentum(-1));
        assertTrue(e.getMessage().startsWith("Invalid momentum value"), e.getMessage());
    }

    @Test
    void adamWSettersReturnAdamW() {
        AdamW o = new AdamW(params(), 1e-3).betas(0.9, 0.99).eps(1e-6).weightDecay(0.1).amsgrad(true).maximize(false);
        assertEquals(0.1, o.paramGroups().get(0).number("weightDecay"));
        Adam a = new Adam(params(), 1e-3).betas(0.8, 0.9).eps(1e-6);
        assertArrayEquals(new double[] {0.8, 0.9}, a.paramGroups().get(0).pair("betas"));
    }
}
