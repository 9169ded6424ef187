package io.jgrad.core;

import io.jgrad.core.kernel.CpuKernels;

/**
 * Element types, named as in PyTorch. On the CPU device each is stored in a Java array: float32 in
 * {@code float[]}, float64 in {@code double[]}, int64 in {@code long[]}, bool in {@code boolean[]}; on
 * the ND4J device in an {@code INDArray} of FLOAT, DOUBLE, LONG or BOOL.
 */
public enum DType {
    BOOL("bool", boolean[].class),
    INT64("int64", long[].class),
    FLOAT32("float32", float[].class),
    FLOAT64("float64", double[].class);

    private final String name;

    DType(String name, Class<?> array) {
        this.name = name;
        this.array = array;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** PyTorch's type promotion between two tensors: bool < int64 < float32 < float64. */
    public static DType promote(DType a, DType b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The dtype of an array of {@code device}. */
    static DType of(Object array, Device device) {
        Class<?> type = device.kernels().type(array);
        for (DType t : VALUES) if (t.array == type) return t;
        throw new IllegalArgumentException("unsupported storage " + type.getSimpleName());
    }

    /** The heap array class that names this type to the kernels ({@code float[].class}, ...). */
    final Class<?> array;

    /** {@link #values()} without its copy: {@link #of} runs for every tensor made. */
    private static final DType[] VALUES = values();

    /** A new zero-filled heap array of this type. */
    Object alloc(int n) {
        return CpuKernels.INSTANCE.zeros(array, n);
    }

    /** A heap array converted to this type; always a new array. */
    Object convert(Object heap) {
        return CpuKernels.INSTANCE.convert(heap, array);
    }

    @Override
    public String toString() {
        return name;
    }
}
