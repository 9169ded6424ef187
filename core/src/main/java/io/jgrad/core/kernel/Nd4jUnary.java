package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.Nd4jArrays.empty;
import static io.jgrad.core.kernel.Nd4jArrays.nd;
import static io.jgrad.core.kernel.Nd4jArrays.select;
import static io.jgrad.core.kernel.Nd4jArrays.setWhere;

import io.jgrad.core.kernel.Elementwise.Unary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Element-wise functions of one array on the ND4J device, to the CPU kernels' accuracy. libnd4j's
 * exp, log, sqrt, abs and neg are used as they are; its log1p, expm1 and tanh lose everything below
 * ~1e-8 (log1p(1e-10) = 1.00000008e-10, tanh(1e-300) = 0) and its sigmoid, 1/(1+e^-x), underflows to
 * 0 where the result is still a (denormal) number, so those are composed from accurate ops. Float
 * inputs of the composed functions and of exp and pow are computed in double and rounded once, as
 * the CPU kernels do, so results that land among float denormals round the same way.
 */
final class Nd4jUnary {
    private Nd4jUnary() {}

    static INDArray unary(Unary op, Object a) {
        INDArray x = nd(a);
        if (x.dataType() == DataType.LONG) return integer(op, x);
        if (!Nd4jArrays.isFloating(x)) throw new IllegalArgumentException(op + ": expected a float or int64 array, got " + x.dataType());
        if (x.isEmpty()) return empty(x.dataType());
        return switch (op) {
            case LOG -> Transforms.log(x, true);
            case SQRT -> Transforms.sqrt(x, true);  // IEEE sqrt is correctly rounded in float too
            case ABS -> Transforms.abs(x, true);
            case NEG -> x.neg();
            // relu's own op keeps -0.0 (Math.max(-0.0, 0) is 0.0); x <= 0 catches -0.0 and skips NaN.
            case RELU -> setWhere(x.dup('c'), Conditions.lessThanOrEqual(0), 0);
            case EXP -> inDouble(x, d -> Transforms.exp(d, true));
            case LOG1P -> inDouble(x, Nd4jUnary::log1p);
            case TANH -> inDouble(x, Nd4jUnary::tanh);
            case SIGMOID -> inDouble(x, Nd4jUnary::sigmoid);
        };
    }

    private static INDArray integer(Unary op, INDArray x) {
        if (op.integer == null) {
            throw new IllegalArgumentException(op + " has no int64 form; convert the array to a float type first");
        }
        if (x.isEmpty()) return empty(DataType.LONG);
        return switch (op) {
            case ABS -> Transforms.abs(x, true);  // abs(Long.MIN_VALUE) wraps to itself, as Math.abs
            case NEG -> x.neg();
            default -> setWhere(x.dup('c'), Conditions.lessThan(0), 0);
        };
    }

    /** {@code a} to a scalar power with PyTorch's cases: ±0.5 are sqrt and 1/sqrt (NaN at -inf, -0.0 kept). */
    static INDArray powScalar(Object a, double exponent) {
        INDArray x = nd(a);
        if (x.isEmpty()) return empty(x.dataType());
        if (x.dataType() == DataType.LONG) return Nd4jPow.pow(x, (long) exponent);
        if (!Nd4jArrays.isFloating(x)) throw new IllegalArgumentException("pow: expected a float or int64 array, got " + x.dataType());
        if (exponent == 0.5) return Transforms.sqrt(x, true);
        if (exponent == -0.5) return Transforms.sqrt(x, true).rdivi(Nd4jElementwise.scalarFor(x, 1));
        // libnd4j's pow is C's (pow(1, NaN) = 1, pow(-1, ±inf) = 1); a float array would also round the
        // exponent to float, off by |ln x|·2^-24·|exponent| relative.
        return inDouble(x, d -> Transforms.pow(d, exponent, true));
    }

    private static INDArray inDouble(INDArray x, java.util.function.UnaryOperator<INDArray> f) {
        if (x.dataType() == DataType.DOUBLE) return f.apply(x);
        return f.apply(x.castTo(DataType.DOUBLE)).castTo(DataType.FLOAT);
    }

    /**
     * Kahan's log1p: with u = 1 + x rounded, log(u)·x/(u - 1) cancels u's rounding error. u = 1 means
     * |x| is below half an ulp of 1, where log1p(x) = x (and keeps -0.0); +inf would give inf/inf.
     */
    private static INDArray log1p(INDArray x) {
        INDArray u = x.add(1.0);
        INDArray r = Transforms.log(u, true).muli(x.div(u.sub(1.0)));
        r = select(u.eq(1.0), x, r);
        return select(x.eq(Double.POSITIVE_INFINITY), x, r);
    }

    /**
     * tanh(x) = -sign(x)·m/(2 + m) with m = expm1(-2|x|) in [-1, 0], which neither overflows nor
     * cancels for small |x|; ±0 pass through with their sign.
     */
    private static INDArray tanh(INDArray x) {
        INDArray y = Transforms.abs(x, true).muli(-2.0);
        INDArray m = expm1(y);
        INDArray t = m.div(m.add(2.0));
        INDArray r = select(x.gt(0), t.neg(), t);
        return select(x.eq(0), x, r);
    }

    /** Kahan's expm1 for y <= 0 (or NaN): (u - 1)·y/log(u) with u = e^y; y itself where u = 1, -1 where u = 0. */
    private static INDArray expm1(INDArray y) {
        INDArray u = Transforms.exp(y, true);
        INDArray um1 = u.sub(1.0);
        INDArray m = um1.mul(y.div(Transforms.log(u, true)));
        m = select(u.eq(1.0), y, m);
        return select(u.eq(0.0), um1, m);
    }

    /** {@link Elementwise}'s two branches: 1/(1 + e^-x) for x >= 0, e^x/(1 + e^x) below, both with e^-|x|. */
    private static INDArray sigmoid(INDArray x) {
        INDArray e = Transforms.exp(Transforms.abs(x, true).negi(), false);
        INDArray d = e.add(1.0);
        return select(x.gte(0), d.rdiv(1.0), e.divi(d));
    }
}
