package io.jgrad.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jgrad.core.DType;
import io.jgrad.core.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header naming each tensor's
 * dtype, shape and byte range, then the little-endian data. Values move through a fixed-size buffer,
 * so reading and writing allocate nothing per element.
 */
final class SafeTensors {
    private static final int CHUNK = 1 << 16;

    private SafeTensors() {}

    static Map<String, Tensor> read(Path file) throws IOException {
        try (FileChannel ch = open(file)) {
            SafeTensorsHeader header = SafeTensorsHeader.read(ch, file);
            Map<String, Tensor> out = new LinkedHashMap<>();
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (SafeTensorsHeader.Entry e : header.entries) {
                out.put(e.name(), Tensor.fromArray(readData(ch, buf, header.dataStart + e.begin(), e, file), e.shape()));
            }
            return out;
        }
    }

    static Map<String, String> readMetadata(Path file) throws IOException {
        try (FileChannel ch = open(file)) {
            return SafeTensorsHeader.read(ch, file).metadata;
        }
    }

    private static FileChannel open(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new IOException("safetensors file " + file + " is a directory");
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such safetensors file");
        }
    }

    private static Object readData(FileChannel ch, ByteBuffer buf, long position, SafeTensorsHeader.Entry e, Path file)
            throws IOException {
        int n = e.numel();
        Object data = switch (e.dtype()) {
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case INT64 -> new long[n];
            case BOOL -> new boolean[n];
        };
        int size = SafeTensorsHeader.elementSize(e.dtype());
        int perChunk = CHUNK / size;
        for (int done = 0; done < n; ) {
            int count = Math.min(perChunk, n - done);
            buf.clear().limit(count * size);
            readFully(ch, buf, position + (long) done * size, file);
            buf.flip();
            switch (e.dtype()) {
                case FLOAT32 -> buf.asFloatBuffer().get((float[]) data, done, count);
                case FLOAT64 -> buf.asDoubleBuffer().get((double[]) data, done, count);
                case INT64 -> buf.asLongBuffer().get((long[]) data, done, count);
                case BOOL -> {
                    boolean[] b = (boolean[]) data;
                    // Any non-zero byte is true, as torch reads a bool storage.
                    for (int i = 0; i < count; i++) b[done + i] = buf.get(i) != 0;
                }
            }
            done += count;
        }
        return data;
    }

    static void readFully(FileChannel ch, ByteBuffer buf, long position, Path file) throws IOException {
        long p = position;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, p);
            if (r < 0) throw new IOException("safetensors file " + file + " ended early; was it changed while being read?");
            p += r;
        }
    }

    static void write(Map<String, Tensor> tensors, Map<String, String> metadata, Path file) throws IOException {
        write(tensors, metadata, file, UnaryOperator.identity());
    }

    /** {@code wrap} lets tests put a failing stream between the encoder and the file. */
    static void write(Map<String, Tensor> tensors, Map<String, String> metadata, Path file,
            UnaryOperator<OutputStream> wrap) throws IOException {
        byte[] header = header(tensors, metadata);
        AtomicFile.write(file, raw -> {
            OutputStream out = wrap.apply(raw);
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            buf.putLong(header.length);
            out.write(buf.array(), 0, 8);
            out.write(header);
            for (Tensor t : tensors.values()) writeData(t, buf, out);
            out.flush();
        });
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes as the Python writer does, so data stays aligned. */
    private static byte[] header(Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        if (tensors == null) throw new IllegalArgumentException("save: tensors is null");
        ObjectNode root = SafeTensorsHeader.JSON.createObjectNode();
        if (metadata != null && !metadata.isEmpty()) {
            ObjectNode m = root.putObject(SafeTensorsHeader.METADATA);
            metadata.forEach((k, v) -> {
                if (k == null || v == null) {
                    throw new IllegalArgumentException("save: metadata keys and values must be non-null strings; got "
                            + k + "=" + v);
                }
                m.put(k, v);
            });
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = e.getKey();
            Tensor t = e.getValue();
            if (name == null || name.equals(SafeTensorsHeader.METADATA)) {
                throw new IllegalArgumentException("save: a tensor cannot be named " + name);
            }
            if (t == null) throw new IllegalArgumentException("save: tensor '" + name + "' is null");
            ObjectNode entry = root.putObject(name);
            entry.put("dtype", SafeTensorsHeader.code(t.dtype()));
            Arrays.stream(t.shape()).forEach(entry.putArray("shape")::add);
            long end = offset + (long) t.numel() * SafeTensorsHeader.elementSize(t.dtype());
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json = SafeTensorsHeader.JSON.writeValueAsBytes(root);
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = Arrays.copyOf(json, padded);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    private static void writeData(Tensor t, ByteBuffer buf, OutputStream out) throws IOException {
        DType dtype = t.dtype();
        Object data = switch (dtype) {
            case FLOAT32 -> t.toFloatArray();
            case FLOAT64 -> t.toDoubleArray();
            case INT64 -> t.toLongArray();
            case BOOL -> t.toBooleanArray();
        };
        int n = t.numel();
        int size = SafeTensorsHeader.elementSize(dtype);
        int perChunk = CHUNK / size;
        for (int done = 0; done < n; ) {
            int count = Math.min(perChunk, n - done);
            buf.clear();
            switch (dtype) {
                case FLOAT32 -> buf.asFloatBuffer().put((float[]) data, done, count);
                case FLOAT64 -> buf.asDoubleBuffer().put((double[]) data, done, count);
                case INT64 -> buf.asLongBuffer().put((long[]) data, done, count);
                case BOOL -> {
                    boolean[] b = (boolean[]) data;
                    for (int i = 0; i < count; i++) buf.put(i, (byte) (b[done + i] ? 1 : 0));
                }
            }
            out.write(buf.array(), 0, count * size);
            done += count;
        }
    }
}
