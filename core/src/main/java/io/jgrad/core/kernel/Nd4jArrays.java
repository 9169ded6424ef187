package io.jgrad.core.kernel;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Condition;

/**
 * What the ND4J kernels share: the type mapping, shaped views of flat storage, empty arrays, custom
 * ops by name, masked selects, and an exact total-order key for floating-point max/min.
 *
 * <p>An ND4J-device array may have any shape with the right element count; every kernel reshapes it
 * (a view, never a copy, since storage is c-order and contiguous) to the shape it is told. Arrays of
 * no elements never reach a native op: ND4J's empty arrays reject most of them.
 */
final class Nd4jArrays {
    private Nd4jArrays() {}

    static DataType dtype(Class<?> type) {
        if (type == float[].class) return DataType.FLOAT;
        if (type == double[].class) return DataType.DOUBLE;
        if (type == long[].class) return DataType.LONG;
        if (type == boolean[].class) return DataType.BOOL;
        throw new IllegalArgumentException("no ND4J data type for " + type.getSimpleName()
                + "; expected float[], double[], long[] or boolean[]");
    }

    static Class<?> type(INDArray a) {
        return switch (a.dataType()) {
            case FLOAT -> float[].class;
            case DOUBLE -> double[].class;
            case LONG -> long[].class;
            case BOOL -> boolean[].class;
            default -> throw new IllegalArgumentException("ND4J device arrays are FLOAT, DOUBLE, LONG or BOOL, not "
                    + a.dataType());
        };
    }

    static INDArray nd(Object a) {
        if (a instanceof INDArray x) return x;
        throw new IllegalArgumentException("expected an ND4J array (INDArray) on the ND4J device, got "
                + (a == null ? "null" : a.getClass().getSimpleName()));
    }

    static boolean isFloating(INDArray a) {
        return a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE;
    }

    static long[] longs(int[] shape) {
        return Arrays.stream(shape).asLongStream().toArray();
    }

    /** {@code a} seen with {@code shape}; a view, since storage is contiguous. */
    static INDArray view(Object a, int[] shape) {
        INDArray x = nd(a);
        int n = Shapes.numel(shape);
        if (x.length() != n) {
            throw new IllegalArgumentException("array of " + x.length() + " elements seen as shape "
                    + Arrays.toString(shape) + " (" + n + " elements)");
        }
        return Arrays.equals(x.shape(), longs(shape)) ? x : x.reshape('c', longs(shape));
    }

    /**
     * {@code a} seen with {@code shape} padded with leading 1s to {@code rank}: libnd4j's broadcasting
     * custom ops infer the wrong output shape from operands of different ranks ([1,1] + [3] as [3]).
     */
    static INDArray view(Object a, int[] shape, int rank) {
        if (shape.length >= rank) return view(a, shape);
        int[] padded = new int[rank];
        Arrays.fill(padded, 1);
        System.arraycopy(shape, 0, padded, rank - shape.length, shape.length);
        return view(a, padded);
    }

    /** {@code a} as a vector of its elements. */
    static INDArray flat(Object a) {
        INDArray x = nd(a);
        return x.rank() == 1 ? x : x.reshape('c', new long[] {x.length()});
    }

    /** An array of no elements, shape [0]: the one empty form this device hands out. */
    static INDArray empty(DataType type) {
        return Nd4j.create(type, 0);
    }

    static INDArray alloc(DataType type, int[] shape) {
        return Nd4j.createUninitialized(type, longs(shape));
    }

    /** Runs the libnd4j custom op {@code name} writing {@code out}; returns {@code out}. */
    static INDArray exec(String name, INDArray out, INDArray... in) {
        Nd4j.exec(DynamicCustomOp.builder(name).addInputs(in).addOutputs(out).build());
        return out;
    }

    static INDArray exec(String name, int[] iArgs, INDArray out, INDArray... in) {
        DynamicCustomOp.DynamicCustomOpsBuilder b = DynamicCustomOp.builder(name).addInputs(in).addOutputs(out);
        if (iArgs.length > 0) b.addIntegerArguments(iArgs);
        Nd4j.exec(b.build());
        return out;
    }

    /** {@code cond ? x : y} element-wise, all three of one shape ({@code select} rejects broadcasting). */
    static INDArray select(INDArray cond, INDArray x, INDArray y) {
        return exec("select", Nd4j.createUninitialized(x.dataType(), x.shape()), cond, x, y);
    }

    /** {@code a} materialised at {@code shape} (a new array) when its shape differs, else {@code a}. */
    static INDArray broadcastTo(INDArray a, int[] shape) {
        long[] s = longs(shape);
        if (Arrays.equals(a.shape(), s)) return a;
        // INDArray.assign broadcasts wrongly (fills a prefix only), so the broadcast_to op materialises it.
        return exec("broadcast_to", Nd4j.createUninitialized(a.dataType(), s), a, Nd4j.createFromArray(s));
    }

    /** Sets the elements of {@code a} matching {@code c} to {@code v}, in place. */
    static INDArray setWhere(INDArray a, Condition c, double v) {
        Nd4j.getExecutioner().exec(new CompareAndSet(a, v, c));
        return a;
    }

    /** A 0-d array of {@code type} holding {@code v}, for broadcasting a scalar into a custom op. */
    static INDArray scalar(DataType type, double v) {
        return Nd4j.scalar(type, v);
    }

    /**
     * Integer keys ordered as Java's {@code Math.max}/{@code Math.min} order floats: -0.0 below 0.0,
     * NaN above +inf ({@code nanHigh}) or below -inf. libnd4j's max and min keep whichever operand
     * comes first on a tie or NaN, so comparing keys is the only exact way: the float's bits (INT for
     * FLOAT, LONG for DOUBLE), with the magnitude bits of negatives flipped so they count down, and
     * every NaN given one key beyond the infinities. (Not by writing a NaN of the wanted sign first:
     * ND4J caches op arguments with Double.equals, which makes all NaNs one, so CompareAndSet writes
     * whichever NaN it was first given.) Both NaN keys are exact in double and decode to NaNs.
     */
    static INDArray key(INDArray x, boolean nanHigh) {
        boolean f32 = x.dataType() == DataType.FLOAT;
        DataType kt = f32 ? DataType.INT : DataType.LONG;
        INDArray bits = exec("bitcast", new int[] {kt.toInt()}, Nd4j.createUninitialized(kt, x.shape()), x);
        long nanKey = f32 ? 0x7FC00000L : 0x7FF8000000000000L;
        INDArray nan = Nd4j.createUninitialized(kt, x.shape()).assign(nanHigh ? nanKey : -nanKey);
        return select(x.isNaN(), nan, flipNegatives(bits));
    }

    /** The floats whose keys {@code k} holds, as {@code type}. */
    static INDArray unkey(INDArray k, DataType type) {
        INDArray bits = flipNegatives(k);
        return exec("bitcast", new int[] {type.toInt()}, Nd4j.createUninitialized(type, k.shape()), bits);
    }

    /** {@code k < 0 ? MAX - k : k}, its own inverse: MAX - k flips every bit but the sign of a negative. */
    private static INDArray flipNegatives(INDArray k) {
        Number max = k.dataType() == DataType.INT ? (Number) Integer.MAX_VALUE : (Number) Long.MAX_VALUE;
        return select(k.lt(0), k.rsub(max), k);
    }
}
