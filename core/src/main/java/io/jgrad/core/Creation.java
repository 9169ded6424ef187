package io.jgrad.core;

import io.jgrad.core.kernel.Buffers;
import io.jgrad.core.kernel.Kernels;
import io.jgrad.core.kernel.Shapes;
import java.util.Arrays;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/** Tensor construction behind {@link Tensor}'s static factories. */
final class Creation {
    private Creation() {}

    /** A copy of {@code shape} once it is valid; the messages are built only on failure (factories are hot). */
    static int[] checkShape(String op, int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException(String.format("%s: sizes must be non-negative; got shape %s", op,
                        Check.shape(shape)));
            }
            n *= s;
        }
        if (n > Shapes.MAX_NUMEL) {
            throw new IllegalArgumentException(String.format("%s: shape %s has %d elements; jgrad tensors hold at most %d",
                    op, Check.shape(shape), n, Shapes.MAX_NUMEL));
        }
        return shape.clone();
    }

    /** {@link Tensor#fromArray}: a copy of a float[], double[], long[] or boolean[] that fills {@code shape}. */
    static Tensor fromArray(Object data, int[] shape) {
        Check.argument(data instanceof float[] || data instanceof double[] || data instanceof long[]
                || data instanceof boolean[], "fromArray: data must be a float[], double[], long[] or boolean[]; got %s",
                data == null ? "null" : data.getClass().getSimpleName());
        int n = Shapes.numel(checkShape("fromArray", shape));
        Check.argument(Buffers.length(data) == n, "fromArray: %d values cannot fill shape %s (%d elements)",
                Buffers.length(data), Check.shape(shape), n);
        return created(Buffers.copy(data), shape.clone());
    }

    // Tensor.of's 1-D tensors, each over a new array: float32 from floats and doubles, int64 from longs and ints.

    static Tensor vector(float[] values) {
        return created(values.clone(), new int[] {values.length});
    }

    static Tensor vector(double[] values) {
        return created(Buffers.toFloats(values), new int[] {values.length});
    }

    static Tensor vector(long[] values) {
        return created(values.clone(), new int[] {values.length});
    }

    static Tensor vector(int[] values) {
        return created(Arrays.stream(values).asLongStream().toArray(), new int[] {values.length});
    }

    static Tensor vector(boolean[] values) {
        return created(values.clone(), new int[] {values.length});
    }

    static Tensor vector(DType dtype, double[] values) {
        return created(dtype.convert(values), new int[] {values.length});
    }

    static Tensor full(String op, double value, DType type, int[] shape) {
        Object data = type.alloc(Shapes.numel(checkShape(op, shape)));
        if (value != 0) Buffers.fill(data, value);
        return created(data, shape.clone());
    }

    /** A new tensor on the default device over a heap array the caller gives up. */
    private static Tensor created(Object heap, int[] shape) {
        return new Tensor(Device.getDefault().kernels().fromHost(heap), shape);
    }

    /** Zeros of {@code type} and {@code shape} on {@code like}'s device (a gradient buffer, an output to fill). */
    static Tensor zerosOn(Tensor like, DType type, int[] shape) {
        return fullOn(like, type, shape, 0);
    }

    /** {@code value} in {@code type} and {@code shape} on {@code like}'s device (a reduced loss, say). */
    static Tensor fullOn(Tensor like, DType type, int[] shape, double value) {
        Object data = like.kernels().zeros(type.array, Shapes.numel(shape));
        if (value != 0) like.kernels().fill(data, value);
        return new Tensor(data, shape);
    }

    /** {@code values} as a 1-D tensor of {@code like}'s dtype on its device (per-channel results computed in double). */
    static Tensor vectorOn(Tensor like, double[] values) {
        Kernels k = like.kernels();
        return new Tensor(k.convert(k.fromHost(values), k.type(like.data())), new int[] {values.length});
    }

    /** {@code value} in {@code like}'s shape, dtype and device. */
    static Tensor fullLike(Tensor like, double value) {
        Check.notNull(like, value == 0 ? "zerosLike" : "onesLike", "t");
        return fullOn(like, like.dtype(), like.shape(), value);
    }

    /** Rectangular rows as a 2-D tensor of {@code dtype}, read as doubles so FLOAT64 keeps every bit. */
    static Tensor of(double[][] rows, DType dtype) {
        int n = rows.length, m = n == 0 ? 0 : rows[0].length;
        double[] data = new double[n * m];
        for (int i = 0; i < n; i++) {
            checkRow(rows[i].length, m, i);
            System.arraycopy(rows[i], 0, data, i * m, m);
        }
        return created(dtype.convert(data), new int[] {n, m});
    }

    /** As {@link #of(double[][], DType)}, read as longs so INT64 keeps values past 2^53. */
    static Tensor of(long[][] rows, DType dtype) {
        int n = rows.length, m = n == 0 ? 0 : rows[0].length;
        long[] data = new long[n * m];
        for (int i = 0; i < n; i++) {
            checkRow(rows[i].length, m, i);
            System.arraycopy(rows[i], 0, data, i * m, m);
        }
        return created(dtype.convert(data), new int[] {n, m});
    }

    private static void checkRow(int length, int expected, int row) {
        Check.argument(length == expected, "of: expected a rectangular array; row 0 has %d elements but row %d has %d",
                expected, row, length);
    }

    /** A 0-d tensor of {@code dtype}: also the operand of every op given a number ({@link Ops#scalar}). */
    static Tensor scalar(double value, DType dtype) {
        Object data = dtype.alloc(1);
        Buffers.fill(data, value);
        return created(data, new int[0]);
    }

    static Tensor arange(double start, double end, double step, DType type) {
        Check.argument(step != 0, "arange: step must be nonzero");
        Check.argument(Double.isFinite(start) && Double.isFinite(end), "arange: start and end must be finite; got %s and %s",
                start, end);
        Check.argument((end - start) * step >= 0, "arange: upper bound and larger bound inconsistent with step sign "
                + "(start %s, end %s, step %s)", start, end, step);
        double count = Math.ceil((end - start) / step);
        Check.argument(count <= Shapes.MAX_NUMEL, "arange: %.0f elements exceeds the maximum tensor size %d", count,
                Shapes.MAX_NUMEL);
        int n = (int) count;
        Object data = type.alloc(n);
        for (int i = 0; i < n; i++) Buffers.set(data, i, start + i * step);
        return created(data, new int[] {n});
    }

    static Tensor linspace(double start, double end, int steps) {
        Check.argument(steps >= 0, "linspace: number of steps must be non-negative; got %d", steps);
        float[] data = new float[steps];
        double step = steps > 1 ? (end - start) / (steps - 1) : 0;
        // From both ends toward the middle, like PyTorch, so the last value is exactly `end`.
        int half = steps / 2;
        for (int i = 0; i < steps; i++) data[i] = (float) (i < half || steps == 1 ? start + step * i : end - step * (steps - 1 - i));
        return created(data, new int[] {steps});
    }

    static Tensor eye(int n, int m) {
        float[] data = new float[Shapes.numel(checkShape("eye", new int[] {n, m}))];
        for (int i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
        return created(data, new int[] {n, m});
    }

    static Tensor random(int[] shape, DoubleSupplier next) {
        float[] data = new float[Shapes.numel(checkShape("rand", shape))];
        for (int i = 0; i < data.length; i++) data[i] = (float) next.getAsDouble();
        return created(data, shape.clone());
    }

    static Tensor randint(Generator g, long low, long high, int[] shape) {
        Check.argument(low < high, "randint: expected low < high but got low = %d, high = %d", low, high);
        long[] data = new long[Shapes.numel(checkShape("randint", shape))];
        for (int i = 0; i < data.length; i++) data[i] = g.nextLong(low, high);
        return created(data, shape.clone());
    }

    /**
     * The ND4J device's tensor over {@code array}: its own storage when it is c-order and contiguous
     * (a view included) and FLOAT, DOUBLE, LONG or BOOL; otherwise a c-order copy, other integer types
     * as LONG.
     */
    static Tensor from(INDArray array) {
        Check.argument(array != null, "from: array is null");
        int[] shape = Arrays.stream(array.shape()).mapToInt(Math::toIntExact).toArray();
        INDArray data = switch (array.dataType()) {
            case FLOAT, DOUBLE, LONG, BOOL -> contiguous(array) ? array : array.dup('c');
            case INT, SHORT, BYTE, UBYTE -> array.castTo(DataType.LONG).dup('c');
            default -> throw new IllegalArgumentException("from: unsupported ND4J data type " + array.dataType()
                    + "; cast it to FLOAT, DOUBLE, LONG or BOOL first");
        };
        return new Tensor(data, shape);
    }

    private static boolean contiguous(INDArray a) {
        return a.isEmpty() || a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a);
    }

    /**
     * On the ND4J device, the tensor's own storage viewed in its shape (writes show through both);
     * elsewhere a c-order copy.
     */
    static INDArray nd4j(Tensor t) {
        long[] shape = Arrays.stream(t.shape()).asLongStream().toArray();
        INDArray own = (INDArray) t.detach().to(Device.ND4J).data();
        return Arrays.equals(own.shape(), shape) ? own : own.reshape('c', shape);
    }
}
