package io.jgrad.core;

import static io.jgrad.core.ErrorAssert.assertError;
import static io.jgrad.core.ErrorAssert.assertErrorOneOf;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Error messages for custom ops (Op is subclassed by users) and gradcheck.
 * The rule they follow is on {@link ErrorAssert}.
 */
class CustomOpErrorsTest {
    private static Tensor leaf(double... v) {
        return Tensor.of(DType.FLOAT32, v).requiresGrad(true);
    }

    /** PyTorch: "function MulishBackward returned an incorrect number of gradients (expected 2, got 1)". */
    @Test
    void customOpBackwardReturningTooFewGradients() {
        class Mulish extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                return x[0].mul(x[1]);
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return new Tensor[] {g};
            }
        }
        Tensor a = leaf(1, 2), b = leaf(3, 4);
        Tensor y = new Mulish().apply(a, b).sum();
        assertErrorOneOf(List.of(IllegalStateException.class, IllegalArgumentException.class), y::backward,
                "MulishBackward", "expected 2", "got 1");
    }

    @Test
    void customOpBackwardReturningNull() {
        class NoGrads extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                return x[0].mul(2.0);
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return null;
            }
        }
        Tensor y = new NoGrads().apply(leaf(1, 2)).sum();
        assertErrorOneOf(List.of(IllegalStateException.class, IllegalArgumentException.class), y::backward,
                "NoGradsBackward", "null");
    }

    /**
     * PyTorch: "Function BadShapeBackward returned an invalid gradient at index 0 - got [5] but expected
     * shape compatible with [3]". Here the [5] gradient is accepted and x.grad() becomes a tensor of
     * shape [3] holding 5 elements.
     */
    @Test
    void customOpBackwardReturningAGradientOfTheWrongShape() {
        class BadShape extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                return x[0].sum();
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return new Tensor[] {Tensor.ones(5)};
            }
        }
        Tensor x = leaf(1, 2, 3);
        Tensor y = new BadShape().apply(x);
        assertErrorOneOf(List.of(IllegalStateException.class, IllegalArgumentException.class), y::backward,
                "BadShapeBackward", "[5]", "[3]");
    }

    @Test
    void customOpForwardReturningNull() {
        class NullForward extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                return null;
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return new Tensor[] {g};
            }
        }
        assertErrorOneOf(List.of(IllegalStateException.class, NullPointerException.class),
                () -> new NullForward().apply(leaf(1, 2)), "NullForwardBackward", "null");
        assertErrorOneOf(List.of(IllegalStateException.class, NullPointerException.class),
                () -> new NullForward().apply(Tensor.of(1, 2)), "NullForwardBackward", "null");
    }

    @Test
    void customOpReadingASavedTensorItNeverSaved() {
        class ForgotSave extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                return x[0].mul(x[0]);
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return new Tensor[] {g.mul(saved(0)).mul(2.0)};
            }
        }
        Tensor y = new ForgotSave().apply(leaf(1, 2)).sum();
        assertErrorOneOf(List.of(IllegalStateException.class, IndexOutOfBoundsException.class), y::backward,
                "ForgotSaveBackward", "save");
    }

    @Test
    void gradCheckWithFloat32Input() {
        assertError(IllegalArgumentException.class, () -> GradCheck.check(in -> in[0].mul(2.0), leaf(1, 2)),
                "gradcheck: input 0 is float32", "toDouble()");
    }

    /** PyTorch: "gradcheck expects at least one input tensor to require gradient". Here it returns true, checking nothing. */
    @Test
    void gradCheckWithNoInputRequiringGrad() {
        assertError(IllegalArgumentException.class,
                () -> GradCheck.check(in -> in[0].mul(2.0), Tensor.of(DType.FLOAT64, 1, 2)),
                "gradcheck", "requiresGrad");
    }
}
