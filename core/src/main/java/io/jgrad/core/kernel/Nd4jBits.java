package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.Nd4jArrays.exec;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exact element selection and ordering through the integer bits of floats, where libnd4j's own ops
 * are slow (select) or inexact at the edges (max/min with NaN and signed zeros).
 */
final class Nd4jBits {
    private Nd4jBits() {}

    /**
     * Below this many elements libnd4j's select op is used: it costs ~100 ns an element (25 ms for
     * 262,144 floats, measured) but one call; above, the integer blend of {@link #blend} (seven fast
     * calls, ~4 ms for the same array, most of it allocation) wins.
     */
    static final int BLEND_MIN = 2048;

    /** {@code cond ? x : y} element-wise, all three of one shape ({@code select} rejects broadcasting). */
    static INDArray select(INDArray cond, INDArray x, INDArray y) {
        if (x.length() < BLEND_MIN || x.dataType() == DataType.BOOL) {
            return exec("select", Nd4j.createUninitialized(x.dataType(), x.shape()), cond, x, y);
        }
        return blend(cond, x, y);
    }

    /**
     * {@code cond ? x : y} as y + m·(x - y) on the integer bits, m the condition as 0/1: exact in
     * wrapping arithmetic, so every bit pattern (NaN payloads, -0.0) comes through unchanged.
     */
    static INDArray blend(INDArray cond, INDArray x, INDArray y) {
        DataType type = x.dataType(), it = bitsType(type);
        INDArray xi = bits(x), yi = bits(y);
        INDArray r = xi.sub(yi).muli(cond.castTo(it)).addi(yi);
        return fromBits(r, type);
    }

    private static DataType bitsType(DataType type) {
        return switch (type) {
            case FLOAT, INT -> DataType.INT;
            case DOUBLE, LONG -> DataType.LONG;
            default -> throw new IllegalArgumentException("no integer bits view for " + type);
        };
    }

    /** The integer bits of {@code x} (a new array for floats, {@code x} itself for integers). */
    private static INDArray bits(INDArray x) {
        DataType it = bitsType(x.dataType());
        if (it == x.dataType()) return x;
        return exec("bitcast", new int[] {it.toInt()}, Nd4j.createUninitialized(it, x.shape()), x);
    }

    private static INDArray fromBits(INDArray b, DataType type) {
        if (b.dataType() == type) return b;
        return exec("bitcast", new int[] {type.toInt()}, Nd4j.createUninitialized(type, b.shape()), b);
    }

    /**
     * Integer keys ordered as Java's {@code Math.max}/{@code Math.min} order floats: -0.0 below 0.0,
     * NaN above +inf ({@code nanHigh}) or below -inf. libnd4j's max and min keep whichever operand
     * comes first on a tie or NaN, so comparing keys is the only exact way: the float's bits (INT for
     * FLOAT, LONG for DOUBLE), with the magnitude bits of negatives flipped so they count down, and
     * every NaN given one key beyond the infinities. (Not by writing a NaN of the wanted sign first:
     * ND4J caches op arguments with Double.equals, which makes all NaNs one, so CompareAndSet writes
     * whichever NaN it was first given.) Both NaN keys decode to NaNs.
     */
    static INDArray key(INDArray x, boolean nanHigh) {
        boolean f32 = x.dataType() == DataType.FLOAT;
        DataType kt = f32 ? DataType.INT : DataType.LONG;
        long nanKey = f32 ? 0x7FC00000L : 0x7FF8000000000000L;
        INDArray nan = Nd4j.createUninitialized(kt, x.shape()).assign(nanHigh ? nanKey : -nanKey);
        return select(x.isNaN(), nan, flipNegatives(bits(x)));
    }

    /** The floats whose keys {@code k} holds, as {@code type}. */
    static INDArray unkey(INDArray k, DataType type) {
        return fromBits(flipNegatives(k), type);
    }

    /**
     * {@code k ^ ((k >> width-1) & MAX)}: flips the magnitude bits of negatives, its own inverse. The
     * shift is arithmetic, so the mask is MAX for a negative and 0 otherwise.
     */
    private static INDArray flipNegatives(INDArray k) {
        boolean i32 = k.dataType() == DataType.INT;
        INDArray sign = exec("rshift_bits", Nd4j.createUninitialized(k.dataType(), k.shape()), k,
                i32 ? Nd4j.scalar(31) : Nd4j.scalar(63L));
        exec("bitwise_and", sign, sign, i32 ? Nd4j.scalar(Integer.MAX_VALUE) : Nd4j.scalar(Long.MAX_VALUE));
        return exec("bitwise_xor", sign, sign, k);
    }
}
