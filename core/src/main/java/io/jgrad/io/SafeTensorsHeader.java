package io.jgrad.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jgrad.core.DType;
import io.jgrad.core.kernel.Shapes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors header, checked completely before any tensor is allocated: every size that later
 * becomes an array length is proven to fit in the file, so a corrupt or hostile file cannot make the
 * reader allocate more than the file holds.
 */
final class SafeTensorsHeader {
    /** The Rust implementation's cap: larger headers are refused before they are read. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    static final String METADATA = "__metadata__";

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One tensor's entry; offsets are relative to the start of the data section. */
    record Entry(String name, DType dtype, int[] shape, int numel, long begin, long end) {}

    final List<Entry> entries;
    final Map<String, String> metadata;
    /** Where the data section starts in the file. */
    final long dataStart;

    private SafeTensorsHeader(List<Entry> entries, Map<String, String> metadata, long dataStart) {
        this.entries = entries;
        this.metadata = metadata;
        this.dataStart = dataStart;
    }

    static String code(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "F32";
            case FLOAT64 -> "F64";
            case INT64 -> "I64";
            case BOOL -> "BOOL";
        };
    }

    static int elementSize(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> 4;
            case FLOAT64, INT64 -> 8;
            case BOOL -> 1;
        };
    }

    static IllegalArgumentException bad(Path file, String format, Object... args) {
        return new IllegalArgumentException("safetensors file " + file + ": " + String.format(format, args));
    }

    static SafeTensorsHeader read(FileChannel ch, Path file) throws IOException {
        long size = ch.size();
        if (size < 8) throw bad(file, "truncated: %d bytes, but the header length alone takes 8", size);
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        SafeTensors.readFully(ch, len, 0, file);
        long n = len.flip().getLong();
        // Unsigned on disk: a negative long is a length above 2^63.
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw bad(file, "header too large: %s bytes (at most %d)", Long.toUnsignedString(n), MAX_HEADER_BYTES);
        }
        if (n > size - 8) throw bad(file, "truncated: the header claims %d bytes but only %d follow", n, size - 8);
        ByteBuffer header = ByteBuffer.allocate((int) n);
        SafeTensors.readFully(ch, header, 8, file);
        JsonNode root;
        try {
            root = JSON.readTree(header.array());
        } catch (IOException e) {
            throw bad(file, "the header is not JSON: %s", e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) throw bad(file, "the header is not a JSON object");
        long dataLength = size - 8 - n;
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : root.properties()) {
            if (f.getKey().equals(METADATA)) {
                metadata = metadata(f.getValue(), file);
            } else {
                entries.add(entry(f.getKey(), f.getValue(), dataLength, file));
            }
        }
        checkLayout(entries, dataLength, file);
        return new SafeTensorsHeader(entries, metadata, 8 + n);
    }

    private static Map<String, String> metadata(JsonNode node, Path file) {
        if (!node.isObject()) throw bad(file, "%s must be an object of strings; got %s", METADATA, node.getNodeType());
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            if (!f.getValue().isTextual()) {
                throw bad(file, "%s value '%s' must be a string; got %s", METADATA, f.getKey(), f.getValue().getNodeType());
            }
            out.put(f.getKey(), f.getValue().textValue());
        }
        return out;
    }

    private static Entry entry(String name, JsonNode node, long dataLength, Path file) {
        if (!node.isObject()) throw bad(file, "tensor '%s' must be an object; got %s", name, node.getNodeType());
        DType dtype = dtype(name, node.get("dtype"), file);
        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) throw bad(file, "tensor '%s' has no shape array", name);
        int[] shape = new int[shapeNode.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToInt() || d.intValue() < 0) {
                throw bad(file, "tensor '%s' has shape %s; sizes must be non-negative ints", name, shapeNode);
            }
            shape[i] = d.intValue();
            numel *= shape[i];
            if (numel > Shapes.MAX_NUMEL) {
                throw bad(file, "tensor '%s' has shape %s: more than %d elements", name, shapeNode, Shapes.MAX_NUMEL);
            }
        }
        JsonNode offsets = node.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2 || !offset(offsets.get(0))
                || !offset(offsets.get(1))) {
            throw bad(file, "tensor '%s' needs data_offsets [begin, end] of non-negative integers; got %s", name, offsets);
        }
        long begin = offsets.get(0).longValue(), end = offsets.get(1).longValue();
        if (begin > end || end > dataLength) {
            throw bad(file, "tensor '%s' has data_offsets [%d, %d] outside the %d-byte data section", name, begin, end,
                    dataLength);
        }
        long bytes = numel * elementSize(dtype);
        if (end - begin != bytes) {
            throw bad(file, "tensor '%s' is %s %s, which takes %d bytes, but its data_offsets [%d, %d] hold %d", name,
                    code(dtype), Arrays.toString(shape), bytes, begin, end, end - begin);
        }
        return new Entry(name, dtype, shape, (int) numel, begin, end);
    }

    private static boolean offset(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0;
    }

    private static DType dtype(String name, JsonNode node, Path file) {
        String code = node != null && node.isTextual() ? node.textValue() : String.valueOf(node);
        return switch (code) {
            case "F32" -> DType.FLOAT32;
            case "F64" -> DType.FLOAT64;
            case "I64" -> DType.INT64;
            case "BOOL" -> DType.BOOL;
            default -> throw bad(file, "tensor '%s' has unknown or unsupported dtype %s; jgrad reads F32, F64, I64 and "
                    + "BOOL", name, node);
        };
    }

    /** The regions, in offset order, must tile the data section: no gaps, no overlaps, nothing after. */
    private static void checkLayout(List<Entry> entries, long dataLength, Path file) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        Entry previous = null;
        for (Entry e : sorted) {
            if (e.begin() < expected) {
                throw bad(file, "tensors '%s' and '%s' have overlapping data_offsets [%d, %d] and [%d, %d]",
                        previous.name(), e.name(), previous.begin(), previous.end(), e.begin(), e.end());
            }
            if (e.begin() > expected) {
                throw bad(file, "%d unused bytes in the data section before tensor '%s' (data_offsets [%d, %d])",
                        e.begin() - expected, e.name(), e.begin(), e.end());
            }
            expected = e.end();
            previous = e;
        }
        if (expected != dataLength) {
            throw bad(file, "the data section has %d bytes but the tensors cover %d", dataLength, expected);
        }
    }
}
