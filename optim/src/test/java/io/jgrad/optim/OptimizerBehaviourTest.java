package io.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.DType;
import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import io.jgrad.nn.Linear;
import io.jgrad.nn.loss.BCEWithLogitsLoss;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OptimizerBehaviourTest {
    private static Tensor param(double... v) {
        return Tensor.of(DType.FLOAT64, v).requiresGrad(true);
    }

    private static Tensor quadratic(Tensor p) {
        return p.sub(3.0).pow(2).sum();
    }

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("SGD momentum", (Function<List<Tensor>, Optimizer>) ps -> new SGD(ps, 0.05).momentum(0.9)),
                Arguments.of("Adam amsgrad", (Function<List<Tensor>, Optimizer>) ps -> new Adam(ps, 0.1).amsgrad(true)),
                Arguments.of("AdamW", (Function<List<Tensor>, Optimizer>) ps -> new AdamW(ps, 0.1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void resumingFromAStateDictIsBitIdentical(String name, Function<List<Tensor>, Optimizer> make) {
        Tensor a = param(1, -2), b = param(1, -2);
        Optimizer straight = make.apply(List.of(a));
        for (int i = 0; i < 10; i++) {
            straight.zeroGrad();
            quadratic(a).backward();
            straight.step();
        }
        Optimizer first = make.apply(List.of(b));
        for (int i = 0; i < 5; i++) {
            first.zeroGrad();
            quadratic(b).backward();
            first.step();
        }
        Map<String, Object> saved = first.stateDict();
        Optimizer resumed = make.apply(List.of(b));
        resumed.loadStateDict(saved);
        for (int i = 0; i < 5; i++) {
            resumed.zeroGrad();
            quadratic(b).backward();
            resumed.step();
        }
        assertArrayEquals(a.toDoubleArray(), b.toDoubleArray(), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void trainsLogisticRegression(String name, Function<List<Tensor>, Optimizer> make) {
        Generator g = new Generator(17);
        Tensor x = Tensor.randn(g, 200, 2);
        Tensor y = x.matmul(Tensor.of(2, -1)).add(0.5).gt(0.0).toFloat().unsqueeze(1);
        Linear model = new Linear(2, 1, true, g);
        Optimizer opt = make.apply(model.parameters());
        BCEWithLogitsLoss loss = new BCEWithLogitsLoss();
        double last = Double.NaN;
        for (int i = 0; i < 300; i++) {
            last = opt.step(() -> {
                opt.zeroGrad();
                Tensor l = loss.apply(model.apply(x), y);
                l.backward();
                return l;
            }).item();
        }
        assertTrue(last < 0.15, name + " reached loss " + last);
    }

    @Test
    void skipsParametersWithoutGradient() {
        Tensor used = param(1), unused = param(5);
        Adam opt = new Adam(List.of(used, unused), 0.1);
        quadratic(used).backward();
        opt.step();
        assertEquals(5.0, unused.item());
        assertTrue(used.item() > 1);
    }

    @Test
    void zeroGradSetsToNoneOrZeroes() {
        Tensor p = param(1, 2);
        SGD opt = new SGD(List.of(p), 0.1);
        quadratic(p).backward();
        opt.zeroGrad(false);
        assertNotNull(p.grad());
        assertArrayEquals(new double[] {0, 0}, p.grad().toDoubleArray());
        opt.zeroGrad();
        assertNull(p.grad());
    }

    @Test
    void paramGroupsKeepTheirOwnOptions() {
        Tensor a = param(0), b = param(0);
        SGD opt = new SGD(List.of(a), 0.1);
        opt.addParamGroup(List.of(b), Map.of("lr", 0.01));
        quadratic(a).add(quadratic(b)).backward();
        opt.step();
        assertEquals(0.6, a.item(), 1e-12);
        assertEquals(0.06, b.item(), 1e-12);
        new StepLR(opt, 1, 0.5).step();
        assertEquals(List.of(0.05, 0.005), List.of(opt.paramGroups().get(0).lr(), opt.paramGroups().get(1).lr()));
    }

    @Test
    void schedulersResumeFromTheirStateDicts() {
        Tensor p = param(0);
        SGD a = new SGD(List.of(p), 0.1), b = new SGD(List.of(p), 0.1);
        CosineAnnealingLR sa = new CosineAnnealingLR(a, 10, 0.001);
        for (int i = 0; i < 4; i++) sa.step();
        CosineAnnealingLR sb = new CosineAnnealingLR(b, 10, 0.001);
        sb.loadStateDict(sa.stateDict());
        assertEquals(sa.getLastLr(), sb.getLastLr());
        assertEquals(4, sb.lastEpoch());

        ReduceLROnPlateau pa = new ReduceLROnPlateau(a), pb = new ReduceLROnPlateau(b);
        for (double m : new double[] {1, 0.5, 0.6, 0.7}) pa.step(m);
        pb.loadStateDict(pa.stateDict());
        assertEquals(pa.stateDict(), pb.stateDict());
    }

    private static void message(Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "expected \"" + expected + "\" in: " + e.getMessage());
    }

    @Test
    void validatesWithPyTorchsMessages() {
        List<Tensor> ps = List.of(param(1));
        message(() -> new SGD(ps, -0.1), "Invalid learning rate: -0.1");
        message(() -> new SGD(ps, 0.1).momentum(-0.5), "Invalid momentum value: -0.5");
        message(() -> new SGD(ps, 0.1).weightDecay(-1), "Invalid weight_decay value: -1.0");
        message(() -> new SGD(ps, 0.1).nesterov(true).step(), "Nesterov momentum requires a momentum and zero dampening");
        message(() -> new SGD(ps, 0.1).momentum(0.9).dampening(0.1).nesterov(true).step(), "zero dampening");
        message(() -> new Adam(ps, 0.1).betas(1.0, 0.999), "Invalid beta parameter at index 0: 1.0");
        message(() -> new Adam(ps, 0.1).betas(0.9, -0.1), "Invalid beta parameter at index 1: -0.1");
        message(() -> new Adam(ps, 0.1).eps(-1e-8), "Invalid epsilon value: -1.0E-8");
        message(() -> new AdamW(ps, 0.1).weightDecay(-0.01), "Invalid weight_decay value");
        message(() -> new Adam(ps, -1), "Invalid learning rate: -1.0");
        message(() -> new SGD(List.of(), 0.1), "empty parameter list");
        SGD opt = new SGD(ps, 0.1);
        message(() -> opt.addParamGroup(ps, Map.of()), "more than one parameter group");
        message(() -> opt.addParamGroup(List.of(param(2)), Map.of("betas", 0.5)), "has no option 'betas'");
        message(() -> new StepLR(opt, 0, 0.1), "stepSize must be positive");
        message(() -> new ReduceLROnPlateau(opt, ReduceLROnPlateau.Mode.MIN, 1.5, 1, 1e-4, 0, 0), "Factor should be < 1.0");
        message(() -> Clip.clipGradNorm(ps, 1, 0), "normType must be positive");
    }
}
