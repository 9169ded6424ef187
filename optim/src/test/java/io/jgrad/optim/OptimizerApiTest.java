package io.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.DType;
import io.jgrad.core.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fluent setters (any order, the concrete type back) and PyTorch's option names. */
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
        assertEquals(0.1, o.paramGroups().get(0).number("weight_decay"));
        Adam a = new Adam(params(), 1e-3).betas(0.8, 0.9).eps(1e-6);
        assertArrayEquals(new double[] {0.8, 0.9}, a.paramGroups().get(0).pair("betas"));
    }
    @Test
    void optionsUsePyTorchsNamesAndAcceptCamelCase() {
        SGD opt = new SGD(params(), 0.1).weightDecay(0.01);
        opt.addParamGroup(params(), Map.of("weight_decay", 0.0));
        opt.addParamGroup(params(), Map.of("weightDecay", 0.5));
        assertEquals(List.of(0.01, 0.0, 0.5),
                opt.paramGroups().stream().map(g -> g.options().get("weight_decay")).toList());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> saved = (List<Map<String, Object>>) opt.stateDict().get("param_groups");
        assertEquals(List.of("lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize", "params"),
                List.copyOf(saved.get(0).keySet()));
    }

    @Test
    void loadsAStateDictSavedWithCamelCaseNames() {
        Adam opt = new Adam(params(), 0.1);
        Map<String, Object> old = opt.stateDict();
        @SuppressWarnings("unchecked")
        Map<String, Object> group = ((List<Map<String, Object>>) old.get("param_groups")).get(0);
        group.remove("weight_decay");
        group.put("weightDecay", 0.25);
        opt.loadStateDict(old);
        assertEquals(0.25, opt.paramGroups().get(0).number("weight_decay"));
        assertFalse(opt.paramGroups().get(0).options().containsKey("weightDecay"));
    }

    @Test
    void refusesAnOptionGivenUnderBothNames() {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("weight_decay", 0.1);
        both.put("weightDecay", 0.2);
        SGD opt = new SGD(params(), 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> opt.addParamGroup(params(), both));
        assertEquals("SGD parameter group 1: option 'weight_decay' is given twice (also as 'weightDecay')", e.getMessage());
    }

    @Test
    void anUnknownOptionListsTheKnownOnes() {
        SGD opt = new SGD(params(), 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> opt.addParamGroup(params(), Map.of("weight_decy", 0.1)));
        assertEquals("SGD has no option 'weight_decy'; known: [lr, momentum, dampening, weight_decay, nesterov, maximize]",
                e.getMessage());
    }
}
