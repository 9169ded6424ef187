package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.Nd4jArrays.exec;
import static io.jgrad.core.kernel.Nd4jArrays.setWhere;
import static io.jgrad.core.kernel.Nd4jBits.select;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * int64 powers as {@link Elementwise#pow(long, long)} defines them: exact, wrapping on overflow, and
 * 1, ±1 or 0 for a negative exponent. libnd4j's int64 pow goes through double (3^39 rounds,
 * MAX_VALUE^2 saturates instead of wrapping), so this squares and multiplies with int64 ops, which
 * wrap like Java's.
 */
final class Nd4jPow {
    private Nd4jPow() {}

    /**
     * {@code x^y} for int64 arrays of one shape, by binary exponentiation over the exponents' bits.
     * One host read (the largest exponent) bounds the rounds at its bit length, at most 63, instead of
     * always running 63.
     */
    static INDArray pow(INDArray x, INDArray y) {
        INDArray e = setWhere(y.dup('c'), Conditions.lessThan(0), 0);
        INDArray result = Nd4j.ones(DataType.LONG, x.shape());
        INDArray base = x.dup('c');
        INDArray one = Nd4j.scalar(1L);
        int rounds = 64 - Long.numberOfLeadingZeros(e.max().getLong(0));
        for (int r = 0; r < rounds; r++) {
            INDArray odd = exec("bitwise_and", Nd4j.createUninitialized(DataType.LONG, e.shape()), e, one);
            // result *= odd ? base : 1, as odd·(base - 1) + 1: exact in wrapping arithmetic.
            result.muli(base.sub(1L).muli(odd).addi(1L));
            if (r + 1 < rounds) {
                e.subi(odd).divi(2L);
                base.muli(base);
            }
        }
        return select(y.lt(0), negativePower(x, y), result);
    }

    /** {@code x^e} for one exponent {@code e}, the bits walked on the host. */
    static INDArray pow(INDArray x, long e) {
        if (e < 0) {
            INDArray isOne = x.eq(1L).castTo(DataType.LONG), isMinusOne = x.eq(-1L).castTo(DataType.LONG);
            return (e & 1) == 0 ? isOne.addi(isMinusOne) : isOne.subi(isMinusOne);
        }
        INDArray result = Nd4j.ones(DataType.LONG, x.shape());
        INDArray base = x.dup('c');
        for (long rest = e; rest > 0; rest >>>= 1) {
            if ((rest & 1) != 0) result.muli(base);
            if (rest > 1) base.muli(base);
        }
        return result;
    }

    /** The value for a negative exponent: 1 for base 1, ±1 for base -1 by the exponent's parity, else 0. */
    private static INDArray negativePower(INDArray x, INDArray y) {
        INDArray odd = exec("bitwise_and", Nd4j.createUninitialized(DataType.LONG, y.shape()), y, Nd4j.scalar(1L));
        INDArray minusOneSign = odd.mul(-2L).addi(1L);  // (-1)^y
        INDArray isOne = x.eq(1L).castTo(DataType.LONG), isMinusOne = x.eq(-1L).castTo(DataType.LONG);
        return isOne.addi(isMinusOne.muli(minusOneSign));
    }
}
