package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.Nd4jArrays.dtype;
import static io.jgrad.core.kernel.Nd4jArrays.empty;
import static io.jgrad.core.kernel.Nd4jArrays.flat;
import static io.jgrad.core.kernel.Nd4jArrays.nd;
import static io.jgrad.core.kernel.Nd4jArrays.setWhere;
import static io.jgrad.core.kernel.Nd4jBits.select;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Storage on the ND4J device: allocation, copies to and from the heap through the INDArray API,
 * single elements, and type conversion with Java's casts. New arrays are vectors of shape [n].
 */
final class Nd4jStorage {
    private Nd4jStorage() {}

    /** 2^63 as a double: the first float a Java cast to long saturates at Long.MAX_VALUE. */
    private static final double TWO_63 = 0x1p63;

    static INDArray zeros(Class<?> type, int n) {
        return Nd4j.create(dtype(type), n);
    }

    static INDArray fromHost(Object heap) {
        int n = Buffers.length(heap);
        if (n == 0) return empty(dtype(heap.getClass()));  // createFromArray(new float[0]) is rank 0, not [0]
        if (heap instanceof float[] f) return Nd4j.createFromArray(f);
        if (heap instanceof double[] d) return Nd4j.createFromArray(d);
        if (heap instanceof long[] l) return Nd4j.createFromArray(l);
        if (heap instanceof boolean[] b) return Nd4j.createFromArray(b);
        throw new IllegalArgumentException("fromHost: expected float[], double[], long[] or boolean[], got "
                + (heap == null ? "null" : heap.getClass().getSimpleName()));
    }

    static Object host(Object a) {
        INDArray x = nd(a);
        int n = (int) x.length();
        Class<?> type = Nd4jArrays.type(x);
        if (n == 0) return CpuKernels.INSTANCE.zeros(type, 0);
        INDArray v = flat(x);  // toFloatVector() and friends refuse anything but a vector
        return switch (x.dataType()) {
            case FLOAT -> v.toFloatVector();
            case DOUBLE -> v.toDoubleVector();
            case LONG -> v.toLongVector();
            default -> {
                int[] ints = v.toIntVector();  // no toBooleanVector: BOOL reads as 0/1 ints
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) out[i] = ints[i] != 0;
                yield out;
            }
        };
    }

    static double get(Object a, int i) {
        return flat(a).getDouble(i);
    }

    static void set(Object a, int i, double v) {
        INDArray x = flat(a);
        switch (x.dataType()) {
            case FLOAT -> x.putScalar(i, (float) v);
            case DOUBLE -> x.putScalar(i, v);
            // putScalar goes through double and C's cast (NaN and 2^63 become Long.MIN_VALUE); a
            // one-element view assigned a Long keeps Java's (long) cast exact.
            case LONG -> x.get(NDArrayIndex.interval(i, i + 1)).assign((long) v);
            default -> x.putScalar(i, v != 0 ? 1 : 0);
        }
    }

    static INDArray copy(Object a) {
        INDArray x = nd(a);
        return x.isEmpty() ? empty(x.dataType()) : x.dup('c');
    }

    static void fill(Object a, double v) {
        INDArray x = nd(a);
        if (x.isEmpty()) return;
        switch (x.dataType()) {
            case FLOAT -> x.assign((float) v);
            case DOUBLE -> x.assign(v);
            case LONG -> x.assign((long) v);  // a Long stays exact; a double would round beyond 2^53
            default -> x.assign(v != 0);
        }
    }

    /**
     * Java's casts: float to int64 truncates, NaN gives 0 and out-of-range values saturate (C's cast,
     * which libnd4j uses, gives Long.MIN_VALUE for all three on x86 and is undefined elsewhere); to bool
     * anything but ±0 is true, NaN included.
     */
    static INDArray convert(Object a, Class<?> type) {
        INDArray x = nd(a);
        DataType to = dtype(type);
        if (x.isEmpty()) return empty(to);
        if (x.dataType() == to) return x.dup('c');  // castTo returns the array itself for its own type
        if (to != DataType.LONG || !Nd4jArrays.isFloating(x)) return x.castTo(to);
        INDArray high = x.gte(TWO_63);
        INDArray safe = setWhere(x.dup(), Conditions.isNan(), 0);
        setWhere(safe, Conditions.lessThan(-TWO_63), -TWO_63);  // -2^63 itself is Long.MIN_VALUE exactly
        setWhere(safe, Conditions.greaterThanOrEqual(TWO_63), 0);
        INDArray out = safe.castTo(DataType.LONG);
        INDArray max = Nd4j.createUninitialized(DataType.LONG, out.shape()).assign(Long.MAX_VALUE);
        return select(high, max, out);
    }
}
