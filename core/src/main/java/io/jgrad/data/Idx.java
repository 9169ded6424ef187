package io.jgrad.data;

import io.jgrad.core.Tensor;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (gzip-compressed or plain): unsigned bytes only,
 * as those data sets use. Images come back as float32 0..255 values, labels as int64.
 */
public final class Idx {
    private Idx() {}

    /** An IDX file of unsigned bytes as a tensor of its shape; labels (1-D) as int64, the rest float32. */
    public static Tensor read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            return read(raw, file.toString());
        }
    }

    public static Tensor read(InputStream raw, String name) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b0 = in.read(), b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) in = new BufferedInputStream(new GZIPInputStream(in));
        DataInputStream data = new DataInputStream(in);
        int magic;
        try {
            magic = data.readInt();
        } catch (EOFException e) {
            throw new IOException(name + ": empty or truncated IDX file (no header)");
        }
        int type = (magic >> 8) & 0xff, dims = magic & 0xff;
        if ((magic >>> 16) != 0 || type != 0x08 || dims < 1 || dims > 4) {
            throw new IOException(String.format("%s: not an unsigned-byte IDX file (magic 0x%08x; expected 0x0000080N "
                    + "with N dimensions, e.g. 0x00000803 for images, 0x00000801 for labels)", name, magic));
        }
        int[] shape = new int[dims];
        long n = 1;
        for (int d = 0; d < dims; d++) {
            try {
                shape[d] = data.readInt();
            } catch (EOFException e) {
                throw new IOException(name + ": truncated IDX header: the magic number announces " + dims
                        + " dimensions but the file ends after " + d);
            }
            if (shape[d] < 0) {
                throw new IOException(name + ": corrupt IDX header: dimension " + d + " has size " + shape[d]
                        + "; sizes cannot be negative, so the file is damaged or not an IDX file");
            }
            n = Math.min(n * shape[d], Integer.MAX_VALUE);  // saturates, so four large sizes cannot overflow a long
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IOException(name + ": shape " + Arrays.toString(shape) + " is too large ("
                    + "over 2^31 values); the header is probably damaged");
        }
        // readNBytes grows its buffer as data arrives, so a damaged header promising gigabytes on a small
        // file reports the truncation below instead of first allocating all it promised.
        byte[] bytes;
        try {
            bytes = data.readNBytes((int) n);
        } catch (EOFException e) {
            throw new IOException(name + ": truncated gzip stream inside the IDX data of shape " + Arrays.toString(shape)
                    + " (" + e.getMessage() + "); the download was probably cut short", e);
        }
        if (bytes.length < n) {
            throw new IOException(name + ": truncated IDX file: the header promises " + n + " values of shape "
                    + Arrays.toString(shape) + " but the data ends after " + bytes.length);
        }
        if (dims == 1) {
            long[] labels = new long[bytes.length];
            for (int i = 0; i < bytes.length; i++) labels[i] = bytes[i] & 0xff;
            return Tensor.fromArray(labels, shape);
        }
        float[] values = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) values[i] = bytes[i] & 0xff;
        return Tensor.fromArray(values, shape);
    }
}
