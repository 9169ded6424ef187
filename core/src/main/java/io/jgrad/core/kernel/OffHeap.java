package io.jgrad.core.kernel;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/** Off-heap float or double buffers for OpenBLAS, and bulk copies between them and heap arrays. */
final class OffHeap {
    private OffHeap() {}

    /** {@code buf} if it holds at least {@code len} elements of {@code like}'s type, else a new buffer (freeing {@code buf}). */
    static Pointer fit(Pointer buf, Object like, long len) {
        boolean isFloat = like instanceof float[];
        if (buf != null && buf.capacity() >= len && (buf instanceof FloatPointer) == isFloat) return buf;
        if (buf != null) buf.close();
        return isFloat ? new FloatPointer(Math.max(len, 1)) : new DoublePointer(Math.max(len, 1));
    }

    /** A view of {@code buf} starting at element {@code offset}. */
    static Pointer at(Pointer buf, long offset) {
        return buf instanceof FloatPointer f ? new FloatPointer(f).position(offset)
                : new DoublePointer((DoublePointer) buf).position(offset);
    }

    /** Copies heap {@code array[off, off + len)} to {@code buf[at ..]}. */
    static void put(Pointer buf, long at, Object array, int off, int len) {
        if (array instanceof float[] f) new FloatPointer(buf).position(at).put(f, off, len);
        else new DoublePointer(buf).position(at).put((double[]) array, off, len);
    }

    /** Copies {@code buf[at, at + len)} to heap {@code array[off ..]}. */
    static void get(Pointer buf, long at, Object array, int off, int len) {
        if (array instanceof float[] f) new FloatPointer(buf).position(at).get(f, off, len);
        else new DoublePointer(buf).position(at).get((double[]) array, off, len);
    }
}
