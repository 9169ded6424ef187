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
 * ops by name, broadcasting and in-place conditional sets. Bit-level helpers are in {@link Nd4jBits}.
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
}
