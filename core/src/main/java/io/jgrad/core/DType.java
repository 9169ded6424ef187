package io.jgrad.core;

import io.jgrad.core.kernel.Buffers;

/**
 * Element types, named as in PyTorch. Each is stored in a Java array: float32 in {@code float[]},
 * float64 in {@code double[]}, int64 in {@code long[]}, bool in {@code boolean[]}.
 */
public enum DType {
    BOOL("bool"),
    INT64("int64"),
    FLOAT32("float32"),
    FLOAT64("float64");

    private final String name;

    DType(String name) {
        this.name = name;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** PyTorch's type promotion between two tensors: bool < int64 < float32 < float64. */
    public static DType promote(DType a, DType b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    static DType of(Object array) {
        if (array instanceof float[]) return FLOAT32;
        if (array instanceof double[]) return FLOAT64;
        if (array instanceof long[]) return INT64;
        if (array instanceof boolean[]) return BOOL;
        throw new IllegalArgumentException("unsupported storage " + array.getClass().getSimpleName());
    }

    Object alloc(int n) {
        return switch (this) {
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case INT64 -> new long[n];
            case BOOL -> new boolean[n];
        };
    }

    /** {@code array} converted to this type's storage; always a new array. */
    Object convert(Object array) {
        return switch (this) {
            case FLOAT32 -> Buffers.toFloats(array);
            case FLOAT64 -> Buffers.toDoubles(array);
            case INT64 -> Buffers.toLongs(array);
            case BOOL -> Buffers.toBools(array);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
