package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.Nd4jArrays.empty;
import static io.jgrad.core.kernel.Nd4jArrays.nd;
import static io.jgrad.core.kernel.Nd4jArrays.setWhere;
import static io.jgrad.core.kernel.Nd4jBits.select;

import io.jgrad.core.kernel.Elementwise.Unary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Erf;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Element-wise functions of one array on the ND4J device, to the CPU kernels' accuracy. libnd4j's
 * exp, log, sqrt, abs and neg are used as they are; its log1p and expm1 lose everything below ~1e-8
 * (log1p(1e-10) = 1.00000008e-10), its tanh is off by ~3e-16/|x| relative (tanh(1e-300) = 0) and its
 * sigmoid, 1/(1+e^-x), underflows to 0 where the result is still a (denormal) number, so those are
 * composed from accurate ops. libnd4j's erf agrees with the CPU's fdlibm erf to 1 ulp (measured:
 * 2.2e-16 relative at most over 2 million inputs in [-7, 7] and down to 1e-320, ±0, ±inf and NaN
 * exact; denormal results at most 1 ulp apart), so it is used as it is. Float inputs of the composed
 * functions and of exp, erf and pow are computed in double and rounded once, as the CPU kernels do,
 * so results that land among float denormals round the same way.
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
            case ERF -> inDouble(x, d -> Nd4j.getExecutioner().exec(new Erf(d, d.ulike())));
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
     * Kahan's log1p, x·(log(u)/(u - 1)) with u = 1 + x rounded, the ratio cancelling u's rounding
     * error. Where the ratio is NaN (0/0 at u = 1, where log1p(x) = x; inf/inf at x = +inf) it is
     * set to 1; x < -1 is made NaN first so that its log's NaN is not mistaken for those.
     */
    private static INDArray log1p(INDArray x) {
        INDArray xc = setWhere(x.dup('c'), Conditions.lessThan(-1), Double.NaN);
        INDArray u = xc.add(1.0);
        INDArray ratio = Transforms.log(u, true).divi(u.subi(1.0));
        return setWhere(ratio, Conditions.isNan(), 1).muli(xc);
    }

    /** Below this |x| libnd4j's tanh (error ~3e-16/|x| relative, measured) gives way to the series. */
    private static final double TANH_SERIES = 0.05;

    /** tanh's Taylor coefficients of x^3 .. x^13; the next term is below 1e-21 relative at |x| = 0.05. */
    private static final double[] TANH_COEFFICIENTS = {-1.0 / 3, 2.0 / 15, -17.0 / 315, 62.0 / 2835, -1382.0 / 155925,
        21844.0 / 6081075};

    /**
     * libnd4j's tanh where it is accurate, else x·(1 + x²·(c3 + x²·(c5 + ...))), which keeps ±0
     * (libnd4j's turns -0.0 into 0.0 and tanh(1e-300) into 0).
     */
    private static INDArray tanh(INDArray x) {
        INDArray x2 = x.mul(x);
        INDArray series = x2.mul(TANH_COEFFICIENTS[TANH_COEFFICIENTS.length - 1]);
        for (int i = TANH_COEFFICIENTS.length - 2; i >= 0; i--) series.addi(TANH_COEFFICIENTS[i]).muli(x2);
        series.addi(1.0).muli(x);
        return select(x2.lt(TANH_SERIES * TANH_SERIES), series, Transforms.tanh(x, true));
    }

    /**
     * e^x/(1 + e^x), one formula for both signs (libnd4j's 1/(1 + e^-x) gives 0 where the answer
     * is a denormal, x < -709); x above 40, where the result is 1.0 either way, is clamped so e^x
     * cannot overflow. Within 2 ulps of the CPU's two-branch form.
     */
    private static INDArray sigmoid(INDArray x) {
        INDArray e = Transforms.exp(setWhere(x.dup('c'), Conditions.greaterThan(40), 40), false);
        return e.divi(e.add(1.0));
    }
}
