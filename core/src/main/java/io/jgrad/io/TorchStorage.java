package io.jgrad.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * PyTorch's storage classes as they appear in a checkpoint's pickle ({@code torch.FloatStorage}, ...),
 * with their element size and how an element becomes a value of one of jgrad's four dtypes. jgrad has
 * no 16-bit floats or narrow integers, so those widen losslessly: float16 and bfloat16 to float32,
 * int8/uint8/int16/int32 to int64.
 */
enum TorchStorage {
    FLOAT("FloatStorage", "float32", 4),
    DOUBLE("DoubleStorage", "float64", 8),
    LONG("LongStorage", "int64", 8),
    BOOL("BoolStorage", "bool", 1),
    HALF("HalfStorage", "float16", 2),
    BFLOAT16("BFloat16Storage", "bfloat16", 2),
    INT("IntStorage", "int32", 4),
    SHORT("ShortStorage", "int16", 2),
    CHAR("CharStorage", "int8", 1),
    BYTE("ByteStorage", "uint8", 1);

    final String className;
    final String dtype;
    final int itemSize;

    TorchStorage(String className, String dtype, int itemSize) {
        this.className = className;
        this.dtype = dtype;
        this.itemSize = itemSize;
    }

    static TorchStorage byClassName(String name) {
        for (TorchStorage s : values()) {
            if (s.className.equals(name)) return s;
        }
        return null;
    }

    /** The jgrad array for {@code n} elements: float[], double[], long[] or boolean[]. */
    Object alloc(int n) {
        return switch (this) {
            case FLOAT, HALF, BFLOAT16 -> new float[n];
            case DOUBLE -> new double[n];
            case BOOL -> new boolean[n];
            case LONG, INT, SHORT, CHAR, BYTE -> new long[n];
        };
    }

    /** Copies storage element {@code from} (an element index, not a byte offset) into {@code out[to]}. */
    void copy(ByteBuffer storage, long from, Object out, int to) {
        int at = Math.toIntExact(from * itemSize);
        switch (this) {
            case FLOAT -> ((float[]) out)[to] = storage.getFloat(at);
            case HALF -> ((float[]) out)[to] = halfToFloat(storage.getShort(at));
            case BFLOAT16 -> ((float[]) out)[to] = Float.intBitsToFloat((storage.getShort(at) & 0xffff) << 16);
            case DOUBLE -> ((double[]) out)[to] = storage.getDouble(at);
            case BOOL -> ((boolean[]) out)[to] = storage.get(at) != 0;
            case LONG -> ((long[]) out)[to] = storage.getLong(at);
            case INT -> ((long[]) out)[to] = storage.getInt(at);
            case SHORT -> ((long[]) out)[to] = storage.getShort(at);
            case CHAR -> ((long[]) out)[to] = storage.get(at);
            case BYTE -> ((long[]) out)[to] = storage.get(at) & 0xff;
        }
    }

    static ByteBuffer littleEndian(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** IEEE 754 binary16 to binary32 (Java 17 has no Float.float16ToFloat); every half is exact as a float. */
    static float halfToFloat(short bits) {
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        if (exp != 0) return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
        float magnitude = mant * 0x1p-24f;
        return sign == 0 ? magnitude : -magnitude;
    }
}
