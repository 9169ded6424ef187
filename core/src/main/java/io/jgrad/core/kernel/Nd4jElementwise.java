package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.Nd4jArrays.alloc;
import static io.jgrad.core.kernel.Nd4jArrays.broadcastTo;
import static io.jgrad.core.kernel.Nd4jArrays.empty;
import static io.jgrad.core.kernel.Nd4jArrays.exec;
import static io.jgrad.core.kernel.Nd4jArrays.flat;
import static io.jgrad.core.kernel.Nd4jArrays.nd;
import static io.jgrad.core.kernel.Nd4jArrays.setWhere;
import static io.jgrad.core.kernel.Nd4jArrays.view;
import static io.jgrad.core.kernel.Nd4jBits.key;
import static io.jgrad.core.kernel.Nd4jBits.select;
import static io.jgrad.core.kernel.Nd4jBits.unkey;

import io.jgrad.core.kernel.Elementwise.Binary;
import io.jgrad.core.kernel.Elementwise.Compare;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Broadcasting element-wise kernels on the ND4J device: libnd4j's broadcastable custom ops (numpy
 * rules, the same as PyTorch's), with {@code maximum}/{@code minimum} and the integer power rebuilt
 * where libnd4j's semantics differ from {@link Elementwise}'s. Results have the output shape.
 */
final class Nd4jElementwise {
    private Nd4jElementwise() {}

    static INDArray binary(Binary op, Object a, int[] aShape, Object b, int[] bShape, int[] outShape) {
        INDArray x = nd(a), y = nd(b);
        checkBinary(op, x, y);
        if (Shapes.numel(outShape) == 0) return empty(x.dataType());
        INDArray out = alloc(x.dataType(), outShape);
        apply(op, operand(x, aShape, bShape, outShape), view(y, bShape, outShape.length), out, outShape);
        return out;
    }

    static void binaryInPlace(Binary op, Object a, int[] aShape, Object b, int[] bShape) {
        INDArray x = nd(a), y = nd(b);
        checkBinary(op, x, y);
        if (Shapes.numel(aShape) == 0) return;
        INDArray xv = view(x, aShape);
        apply(op, xv, view(y, bShape, aShape.length), xv, aShape);
    }

    /**
     * The first operand at the output's rank. libnd4j infers the output shape from the operands, so
     * an output wider than their broadcast (which the CPU kernels accept) needs it expanded first.
     */
    private static INDArray operand(INDArray x, int[] aShape, int[] bShape, int[] outShape) {
        int[] both = Shapes.broadcast(aShape, bShape);
        INDArray xv = view(x, aShape, outShape.length);
        return both != null && java.util.Arrays.equals(both, outShape) ? xv : broadcastTo(xv, outShape);
    }

    private static void checkBinary(Binary op, INDArray x, INDArray y) {
        if (x.dataType() != y.dataType()) {
            throw new IllegalArgumentException(op + ": operands of one type expected (the caller promotes), got "
                    + x.dataType() + " and " + y.dataType());
        }
        if (x.dataType() == DataType.BOOL) {
            throw new IllegalArgumentException(op + ": no arithmetic on bool arrays; promote to int64 or a float type");
        }
        // libnd4j's int64 divide by zero raises SIGFPE and kills the JVM; PyTorch's true division of
        // integers gives floats, so the caller converts first (the CPU kernel has no integer DIV either).
        if (op == Binary.DIV && x.dataType() == DataType.LONG) {
            throw new IllegalArgumentException("DIV: no int64 division kernel; convert to a float type first");
        }
    }

    /** {@code out = op(x, y)}; {@code out} may be {@code x} (in place), so x is read before out is written. */
    private static void apply(Binary op, INDArray x, INDArray y, INDArray out, int[] outShape) {
        boolean floating = Nd4jArrays.isFloating(x);
        switch (op) {
            case ADD -> exec("add", out, x, y);
            case SUB -> exec("subtract", out, x, y);
            case MUL -> exec("multiply", out, x, y);
            case DIV -> exec("divide", out, x, y);
            // libnd4j's float pow is C's: pow(1, NaN) = 1 and pow(-1, ±inf) = 1, as Elementwise.pow.
            case POW -> {
                if (floating) exec("Pow", out, x, y);
                else out.assign(Nd4jPow.pow(broadcastTo(x, outShape), broadcastTo(y, outShape)));
            }
            case MAX, MIN -> {
                String name = op == Binary.MAX ? "maximum" : "minimum";
                if (!floating) {
                    exec(name, out, x, y);  // exact on int64
                } else {
                    INDArray k = alloc(x.dataType() == DataType.FLOAT ? DataType.INT : DataType.LONG, outShape);
                    exec(name, k, key(x, op == Binary.MAX), key(y, op == Binary.MAX));
                    out.assign(unkey(k, x.dataType()));
                }
            }
        }
    }

    static INDArray compare(Compare op, Object a, int[] aShape, Object b, int[] bShape, int[] outShape) {
        INDArray x = nd(a), y = nd(b);
        if (x.dataType() != y.dataType()) {
            throw new IllegalArgumentException(op + ": operands of one type expected, got " + x.dataType() + " and "
                    + y.dataType());
        }
        if (Shapes.numel(outShape) == 0) return empty(DataType.BOOL);
        String name = switch (op) {
            case EQ -> "equals";
            case NE -> "not_equals";
            case GT -> "greater";
            case GE -> "greater_equal";
            case LT -> "less";
            case LE -> "less_equal";
        };
        // Plain IEEE comparisons (NaN unequal to all), unlike the eps-tolerant Conditions.equals.
        return exec(name, alloc(DataType.BOOL, outShape), operand(x, aShape, bShape, outShape),
                view(y, bShape, outShape.length));
    }

    static INDArray where(Object cond, int[] cShape, Object a, int[] aShape, Object b, int[] bShape, int[] outShape) {
        INDArray c = nd(cond), x = nd(a);
        if (c.dataType() != DataType.BOOL) throw new IllegalArgumentException("where: condition must be bool, got " + c.dataType());
        if (Shapes.numel(outShape) == 0) return empty(x.dataType());
        // select takes no broadcasting (and where_np returned wrong values here), so operands are expanded first.
        int rank = outShape.length;
        return select(broadcastTo(view(c, cShape, rank), outShape), broadcastTo(view(x, aShape, rank), outShape),
                broadcastTo(view(b, bShape, rank), outShape));
    }

    /**
     * {@code a += alpha·b} as the CPU rounds it: the product rounded to the array type, then the sum.
     * BLAS axpy (and a fused op) may round once with an FMA, which differs in the last bit and, when the
     * sum nearly cancels, far more in relative terms.
     */
    static void axpy(Object a, Object b, double alpha) {
        INDArray x = flat(a), y = flat(b);
        if (x.isEmpty()) return;
        x.addi(y.mul(scalarFor(x, alpha)));
    }

    /** {@code a += (value·b)·c} or {@code (value·b)/c}, rounded step by step as the CPU does. */
    static void addcmul(Object a, Object b, Object c, double value, boolean divide) {
        INDArray x = flat(a), y = flat(b), z = flat(c);
        if (x.isEmpty()) return;
        INDArray t = y.mul(scalarFor(x, value));
        x.addi(divide ? t.divi(z) : t.muli(z));
    }

    /** A Java-rounded scalar of {@code x}'s type, so no op can apply it at higher precision. */
    static Number scalarFor(INDArray x, double v) {
        return x.dataType() == DataType.FLOAT ? (Number) (float) v : (Number) v;
    }

    /**
     * {@code grad} where {@code out} is not ±0, else +0: a select, not a product with a mask, so an inf
     * or NaN gradient at a dead unit stays 0 and a NaN output passes its gradient.
     */
    static INDArray reluBackward(Object grad, Object out) {
        INDArray g = flat(grad), y = flat(out);
        if (g.isEmpty()) return empty(g.dataType());
        return select(y.eq(0), Nd4j.zeros(g.dataType(), g.length()), g);
    }

    /**
     * {@code Math.min(hi, Math.max(lo, x))}: NaN stays NaN (a comparison with NaN is false, so
     * CompareAndSet leaves it), and at a zero bound the comparison includes the zero of the other sign
     * where Java's max/min would pick the bound ({@code max(0.0, -0.0)} is 0.0). int64 uses exact
     * integer maximum/minimum against 0-d int64 bounds.
     */
    static INDArray clamp(Object a, double lo, double hi) {
        INDArray x = nd(a);
        if (x.isEmpty()) return empty(x.dataType());
        if (x.dataType() == DataType.LONG) {
            long min = (long) Math.max(lo, Long.MIN_VALUE), max = (long) Math.min(hi, Long.MAX_VALUE);
            INDArray r = exec("maximum", Nd4j.createUninitialized(DataType.LONG, x.shape()), x, Nd4j.scalar(min));
            return exec("minimum", r, r, Nd4j.scalar(max));
        }
        if (!Nd4jArrays.isFloating(x)) throw new IllegalArgumentException("clamp: expected a float or int64 array, got " + x.dataType());
        INDArray r = x.dup('c');
        if (Double.isNaN(lo) || Double.isNaN(hi)) return r.assign(Double.NaN);  // Math.max(NaN, x) is NaN
        boolean loPositiveZero = Double.doubleToRawLongBits(lo) == 0;
        boolean hiNegativeZero = Double.doubleToRawLongBits(hi) == Long.MIN_VALUE;
        if (lo != Double.NEGATIVE_INFINITY) {
            setWhere(r, loPositiveZero ? Conditions.lessThanOrEqual(lo) : Conditions.lessThan(lo), lo);
        }
        if (hi != Double.POSITIVE_INFINITY) {
            setWhere(r, hiNegativeZero ? Conditions.greaterThanOrEqual(hi) : Conditions.greaterThan(hi), hi);
        }
        return r;
    }
}
