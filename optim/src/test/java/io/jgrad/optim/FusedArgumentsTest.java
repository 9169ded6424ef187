package io.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.DType;
import io.jgrad.core.Fused;
import io.jgrad.core.Tensor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The public fused optimizer steps: their argument checks, and the version bumps autograd relies on. */
class FusedArgumentsTest {
    private final Tensor p = Tensor.ones(2, 3), g = Tensor.ones(2, 3), m = Tensor.zeros(2, 3), v = Tensor.zeros(2, 3);

    private static <T extends Throwable> void message(Class<T> type, Executable call, String expected) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(expected), () -> "expected \"" + expected + "\" in: " + e.getMessage());
    }

    private static void message(Executable call, String expected) {
        message(IllegalArgumentException.class, call, expected);
    }

    private void adam(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq, long step) {
        Fused.adamStep(param, grad, expAvg, expAvgSq, maxExpAvgSq, step, 1e-3, 0.9, 0.999, 0, 1e-8, false);
    }

    @Test
    void gradAndStateMustMatchTheParameter() {
        message(() -> Fused.sgdStep(p, Tensor.ones(3, 2), null, 0, 0, 0.1, 0, false, false, false),
                "sgdStep: grad has shape [3, 2] and dtype float32 but param has shape [2, 3] and dtype float32; grad "
                        + "must match its parameter");
        message(() -> Fused.sgdStep(p, g, Tensor.zeros(DType.FLOAT64, 2, 3), 0, 0.9, 0.1, 0, false, false, true),
                "sgdStep: momentumBuffer has shape [2, 3] and dtype float64 but param has shape [2, 3] and dtype float32");
        message(() -> adam(p, g, Tensor.zeros(DType.FLOAT64, 2, 3), v, null, 1),
                "adamStep: expAvg has shape [2, 3] and dtype float64 but param has shape [2, 3] and dtype float32; "
                        + "expAvg must match its parameter (state tensors start as Tensor.zerosLike(param))");
        message(() -> adam(p, g, m, Tensor.zeros(6), null, 1),
                "adamStep: expAvgSq has shape [6] and dtype float32 but param has shape [2, 3]");
        message(() -> Fused.adamwStep(p, g, m, v, Tensor.zeros(3), 1, 1e-3, 0.9, 0.999, 0.01, 1e-8, false),
                "adamwStep: maxExpAvgSq has shape [3] and dtype float32 but param has shape [2, 3]");
    }

    @Test
    void parameterMustBeFloatingPoint() {
        Tensor ints = Tensor.of(new long[] {1, 2});
        message(() -> Fused.sgdStep(ints, ints, null, 0, 0, 0.1, 0, false, false, false),
                "sgdStep: param must be float32 or float64, got int64; only floating-point parameters can be optimized "
                        + "(convert with toFloat())");
        message(() -> adam(ints, ints, ints, ints, null, 1), "adamStep: param must be float32 or float64, got int64");
    }

    @Test
    void requiredTensorsMustNotBeNull() {
        message(NullPointerException.class, () -> adam(null, g, m, v, null, 1), "adamStep: param is null");
        message(NullPointerException.class, () -> adam(p, null, m, v, null, 1), "adamStep: grad is null");
        message(NullPointerException.class, () -> adam(p, g, m, null, null, 1), "adamStep: expAvgSq is null");
    }

    @Test
    void momentumBufferIsPassedExactlyWhenThereIsMomentum() {
        message(() -> Fused.sgdStep(p, g, null, 0, 0.9, 0.1, 0, false, false, true),
                "sgdStep: momentum 0.9 needs a momentumBuffer; pass Tensor.zerosLike(param) with isFirstStep true");
        message(() -> Fused.sgdStep(p, g, m, 0, 0, 0.1, 0, false, false, false),
                "sgdStep: momentum is 0, so there is no momentum buffer to update; pass null for momentumBuffer");
    }

    @Test
    void adamStepCountsFromOne() {
        message(() -> adam(p, g, m, v, null, 0),
                "adamStep: step must be at least 1 (the number of updates, this one included), got 0");
    }

    @Test
    void refusedWhereAutogradWouldRecord() {
        Tensor leaf = Tensor.ones(2, 3).requiresGrad(true);
        message(IllegalStateException.class, () -> Fused.sgdStep(leaf, g, null, 0, 0, 0.1, 0, false, false, false),
                "sgdStep: a leaf Variable that requires grad is being used in an in-place operation; do the update "
                        + "inside try (var g = Tensor.noGrad())");
        Tensor inGraph = leaf.mul(2.0);
        message(IllegalStateException.class, () -> adam(p, g, inGraph, v, null, 1),
                "adamStep: in-place operations are not recorded by autograd, and this tensor is part of the graph");
        try (var off = Tensor.noGrad()) {
            Fused.sgdStep(leaf, g, null, 0, 0, 0.5, 0, false, false, false);
        }
        assertEquals(0.5, leaf.toDoubleArray()[0]);
    }

    static Stream<Arguments> writtenTensors() {
        return Stream.of(
                Arguments.of("sgdStep param", (Consumer<Tensor>) t ->
                        Fused.sgdStep(t, Tensor.onesLike(t), null, 0, 0, 0.1, 0, false, false, false)),
                Arguments.of("sgdStep momentumBuffer", (Consumer<Tensor>) t ->
                        Fused.sgdStep(Tensor.onesLike(t), Tensor.onesLike(t), t, 0, 0.9, 0.1, 0, false, false, false)),
                Arguments.of("adamStep param", (Consumer<Tensor>) t -> Fused.adamStep(t, Tensor.onesLike(t),
                        Tensor.zerosLike(t), Tensor.zerosLike(t), null, 1, 0.1, 0.9, 0.999, 0, 1e-8, false)),
                Arguments.of("adamStep expAvg", (Consumer<Tensor>) t -> Fused.adamStep(Tensor.onesLike(t),
                        Tensor.onesLike(t), t, Tensor.zerosLike(t), null, 1, 0.1, 0.9, 0.999, 0, 1e-8, false)),
                Arguments.of("adamwStep expAvgSq", (Consumer<Tensor>) t -> Fused.adamwStep(Tensor.onesLike(t),
                        Tensor.onesLike(t), Tensor.zerosLike(t), t, null, 1, 0.1, 0.9, 0.999, 0.01, 1e-8, false)),
                Arguments.of("adamwStep maxExpAvgSq", (Consumer<Tensor>) t -> Fused.adamwStep(Tensor.onesLike(t),
                        Tensor.onesLike(t), Tensor.zerosLike(t), Tensor.zerosLike(t), t, 1, 0.1, 0.9, 0.999, 0.01, 1e-8,
                        false)));
    }

    /** A forward pass saves the tensor; after the fused step writes it, backward must refuse the stale value. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("writtenTensors")
    void writesBumpTheVersionAutogradChecks(String name, Consumer<Tensor> step) {
        Tensor w = Tensor.ones(2, 3).requiresGrad(true);
        Tensor loss = w.mul(w).sum();
        try (var off = Tensor.noGrad()) {
            step.accept(w);
        }
        message(IllegalStateException.class, loss::backward, "has been modified by an inplace operation");
    }
}
