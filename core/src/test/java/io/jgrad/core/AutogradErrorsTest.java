package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Error messages for backward, saved tensors changed in place, requiresGrad and grad.
 * The rule they follow is on {@link ErrorAssert}.
 */
class AutogradErrorsTest {
    private static Tensor leaf(double... v) {
        return Tensor.of(DType.FLOAT32, v).requiresGrad(true);
    }

    private static Tensor longs(long... v) {
        return Tensor.of(v);
    }

    /** A custom op computing x², as a user would write one. */
    static final class Square extends Op {
        @Override
        protected Tensor forward(Tensor... x) {
            save(x[0]);
            return x[0].mul(x[0]);
        }

        @Override
        protected Tensor[] backward(Tensor g) {
            return new Tensor[] {g.mul(saved(0)).mul(2.0)};
        }
    }

    @Test
    void backwardOnNonScalar() {
        assertError(IllegalStateException.class, () -> leaf(1, 2, 3).mul(2.0).backward(),
                "grad can be implicitly created only for scalar outputs", "shape [3]", "sum()", "backward(gradient)");
    }

    @Test
    void backwardOnTensorThatDoesNotRequireGrad() {
        assertError(IllegalStateException.class, () -> Tensor.of(1, 2, 3).mul(2.0).sum().backward(),
                "element 0 of tensors does not require grad and does not have a grad_fn", "requiresGrad(true)");
    }

    @Test
    void backwardOnGraphBuiltUnderNoGrad() {
        Tensor x = leaf(1, 2, 3);
        Tensor y;
        try (var g = Tensor.noGrad()) {
            y = x.mul(2.0).sum();
        }
        assertError(IllegalStateException.class, y::backward, "does not require grad", "Tensor.noGrad()");
    }

    @Test
    void backwardWithGradientOfTheWrongShape() {
        assertError(IllegalArgumentException.class, () -> leaf(1, 2, 3).mul(2.0).backward(Tensor.ones(4)),
                "backward: gradient has shape [4] but the output has shape [3]; they must match");
    }

    @Test
    void backwardTwiceThroughSavedTensors() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = x.mul(x).sum();
        y.backward();
        assertError(IllegalStateException.class, y::backward,
                "Trying to backward through the graph a second time", "backward(gradient, true)", "MulBackward0");
    }

    @Test
    void backwardTwiceIsFineWhenNoOpSavedAnything() {
        Tensor a = leaf(1, 2), b = leaf(3, 4);
        Tensor y = a.add(b).sum();
        y.backward();
        y.backward();
        assertArrayEquals(new double[] {2, 2}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {2, 2}, b.grad().toDoubleArray());
    }

    @Test
    void retainGraphAllowsASecondBackward() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = x.mul(x).sum();
        y.backward(Tensor.onesLike(y), true);
        y.backward();
        assertArrayEquals(new double[] {4, 8, 12}, x.grad().toDoubleArray());
    }

    @Test
    void inPlaceChangeOfASavedLeafAfterForward() {
        Tensor a = leaf(1, 2, 3), b = leaf(4, 5, 6);
        Tensor y = a.mul(b).sum();
        try (var g = Tensor.noGrad()) {
            a.muli(2.0);
        }
        assertError(IllegalStateException.class, y::backward,
                "one of the variables needed for gradient computation has been modified by an inplace operation",
                "[float32 [3]]", "MulBackward0", "is at version 1; expected version 0", "clone()");
    }

    @Test
    void inPlaceChangeOfASavedInputThatDoesNotRequireGrad() {
        Tensor w = leaf(1, 2), x = Tensor.of(3, 4);
        Tensor y = w.mul(x).sum();
        x.addi(1.0);
        x.addi(1.0);
        assertError(IllegalStateException.class, y::backward,
                "modified by an inplace operation", "MulBackward0", "is at version 2; expected version 0");
    }

    @Test
    void inPlaceChangeOfASavedOutputThroughAView() {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor y = x.exp();
        Tensor loss = y.sum();
        try (var g = Tensor.noGrad()) {
            y.reshape(2, 2).muli(2.0);
        }
        assertError(IllegalStateException.class, loss::backward, "modified by an inplace operation", "ExpBackward0",
                "version 1; expected version 0");
    }

    @Test
    void inPlaceOnALeafThatRequiresGrad() {
        Tensor w = leaf(1, 2, 3);
        String[] ops = {"addi", "muli", "fill", "zeroi", "copyFrom"};
        Executable[] calls = {() -> w.addi(1.0), () -> w.muli(Tensor.ones(3)), () -> w.fill(0), w::zeroi,
                              () -> w.copyFrom(Tensor.ones(3))};
        for (int i = 0; i < ops.length; i++) {
            assertError(IllegalStateException.class, calls[i],
                    ops[i] + ": a leaf Variable that requires grad is being used in an in-place operation",
                    "Tensor.noGrad()");
        }
        assertArrayEquals(new double[] {1, 2, 3}, w.toDoubleArray(), "a refused in-place op must not change data");
    }

    @Test
    void inPlaceOnANonLeafInTheGraph() {
        Tensor h = leaf(1, 2, 3).mul(2.0);
        assertError(IllegalStateException.class, () -> h.addi(1.0),
                "addi: in-place operations are not recorded by autograd", "grad_fn=MulBackward0", "out-of-place");
    }

    @Test
    void requiresGradOnNonFloatingTensor() {
        assertError(IllegalArgumentException.class, () -> longs(1, 2).requiresGrad(true),
                "requiresGrad: only Tensors of floating point dtype can require gradients; this one is int64",
                "toFloat()");
        assertError(IllegalArgumentException.class, () -> Tensor.ones(DType.BOOL, 2).requiresGrad(true),
                "this one is bool");
    }

    @Test
    void requiresGradOnNonLeaf() {
        Tensor h = leaf(1, 2).mul(2.0);
        assertError(IllegalArgumentException.class, () -> h.requiresGrad(true),
                "requiresGrad: you can only change requires_grad flags of leaf variables", "detach()");
    }

    @Test
    void inPlaceResultTypeCannotBeCast() {
        assertError(IllegalArgumentException.class, () -> longs(1, 2).addi(Tensor.of(0.5, 0.5)),
                "addi: result type float32 can't be cast to the desired output type int64", "out-of-place add",
                "toFloat()");
        assertError(IllegalArgumentException.class, () -> longs(1, 2).divi(longs(2, 2)),
                "divi: result type float32 can't be cast to the desired output type int64");
        assertError(IllegalArgumentException.class, () -> Tensor.ones(DType.BOOL, 2).addi(longs(1, 1)),
                "addi: result type int64 can't be cast to the desired output type bool");
    }

    @Test
    void inPlaceWithLargerBroadcastShape() {
        assertError(IllegalArgumentException.class, () -> Tensor.ones(3).addi(Tensor.ones(2, 3)),
                "addi: output with shape [3] doesn't match the broadcast shape [2, 3]");
        assertError(IllegalArgumentException.class, () -> Tensor.ones(3).copyFrom(Tensor.ones(2, 3)),
                "copyFrom: source of shape [2, 3] cannot be broadcast to the destination's shape [3]");
    }

    @Test
    void setGradWithWrongShapeOrDtype() {
        Tensor w = leaf(1, 2, 3);
        assertError(IllegalArgumentException.class, () -> w.setGrad(Tensor.ones(4)),
                "setGrad: assigned grad has float32 [4] but the tensor is float32 [3]");
        assertError(IllegalArgumentException.class, () -> w.setGrad(Tensor.ones(DType.FLOAT64, 3)),
                "setGrad: assigned grad has float64 [3] but the tensor is float32 [3]");
    }

    @Test
    void whereWithNonBoolCondition() {
        assertError(IllegalArgumentException.class, () -> Tensor.where(Tensor.ones(3), Tensor.zeros(3), Tensor.ones(3)),
                "where: condition must be a bool tensor but got float32", "x.gt(0)", "toBool()");
    }

    @Test
    void maskedFillWithNonBoolMask() {
        assertError(IllegalArgumentException.class, () -> Tensor.zeros(3).maskedFill(longs(1, 0, 1), 1.0),
                "maskedFill: mask must be a bool tensor but got int64", "toBool()");
    }

    @Test
    void reusingAnOpInstance() {
        Tensor x = leaf(1, 2);
        Square op = new Square();
        op.apply(x);
        assertError(IllegalStateException.class, () -> op.apply(x),
                "SquareBackward: an Op instance is applied once; create a new one per call");
    }
}
