package io.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.DType;
import io.jgrad.core.Tensor;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
    @TempDir
    Path dir;

    static Map<String, Tensor> sample() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("w", Tensor.fromArray(new float[] {1.5f, -0f, Float.NaN, Float.MIN_VALUE, 3, 4}, 2, 3));
        m.put("d", Tensor.fromArray(new double[] {Math.PI, -1e300}, 2));
        m.put("i", Tensor.fromArray(new long[] {Long.MIN_VALUE, 7, Long.MAX_VALUE}, 3, 1));
        m.put("b", Tensor.fromArray(new boolean[] {true, false, true}, 3));
        m.put("scalar", Tensor.fromArray(new double[] {2.5}));
        m.put("empty", Tensor.fromArray(new float[0], 0, 4));
        return m;
    }

    @Test
    void everyDtypeRoundTripsBitForBitInOrder() throws IOException {
        Path f = dir.resolve("t.safetensors");
        Map<String, Tensor> in = sample();
        Tensors.save(in, Map.of("format", "pt", "note", "ünïcode"), f);
        Map<String, Tensor> out = Tensors.load(f);
        assertEquals(List.copyOf(in.keySet()), List.copyOf(out.keySet()));
        in.forEach((k, t) -> {
            Tensor u = out.get(k);
            assertEquals(t.dtype(), u.dtype(), k);
            assertArrayEquals(t.shape(), u.shape(), k);
            assertArrayEquals(bits(t), bits(u), k);
        });
        assertArrayEquals(in.get("b").toBooleanArray(), out.get("b").toBooleanArray());
        assertEquals(Map.of("format", "pt", "note", "ünïcode"), Tensors.metadata(f));
        assertTrue((Files.size(f) - 8 - dataBytes(in)) % 8 == 0, "header padded to 8 bytes");
    }

    private static long[] bits(Tensor t) {
        return switch (t.dtype()) {
            case FLOAT32 -> {
                float[] a = t.toFloatArray();
                long[] b = new long[a.length];
                for (int i = 0; i < a.length; i++) b[i] = Float.floatToRawIntBits(a[i]);
                yield b;
            }
            case FLOAT64 -> java.util.Arrays.stream(t.toDoubleArray()).mapToLong(Double::doubleToRawLongBits).toArray();
            default -> t.toLongArray();
        };
    }

    private static long dataBytes(Map<String, Tensor> m) {
        return m.values().stream().mapToLong(t -> (long) t.numel() * SafeTensorsHeader.elementSize(t.dtype())).sum();
    }

    @Test
    void largeTensorsCrossChunkBoundaries() {
        Path f = dir.resolve("big.safetensors");
        Tensor t = Tensor.randn(100_003);
        Tensors.save(Map.of("x", t), f);
        assertArrayEquals(t.toFloatArray(), Tensors.load(f).get("x").toFloatArray());
        assertEquals(Map.of(), Tensors.metadata(f));
    }

    @Test
    void readsTensorsInAnyOffsetOrderAndKeepsHeaderOrder() throws IOException {
        Path f = write("{\"b\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[4,12]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]}}", le(4).putFloat(2f).putLong(9));
        Map<String, Tensor> m = Tensors.load(f);
        assertEquals(List.of("b", "a"), List.copyOf(m.keySet()));
        assertEquals(9, m.get("b").item());
        assertEquals(0, m.get("a").dim());
        assertEquals(2f, m.get("a").item());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path f = dir.resolve("model.safetensors");
        Tensors.save(Map.of("x", Tensor.of(1, 2, 3)), f);
        byte[] before = Files.readAllBytes(f);
        IOException e = assertThrows(IOException.class,
                () -> SafeTensors.write(sample(), Map.of(), f, out -> failAfter(out, 20)));
        assertEquals("disk full", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void aFailedFirstWriteLeavesNoFile() throws IOException {
        Path f = dir.resolve("new.safetensors");
        assertThrows(IOException.class, () -> SafeTensors.write(sample(), Map.of(), f, out -> failAfter(out, 0)));
        assertEquals(List.of(), files());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static OutputStream failAfter(OutputStream out, int bytes) {
        return new FilterOutputStream(out) {
            int left = bytes;

            @Override
            public void write(int b) throws IOException {
                if (left-- <= 0) throw new IOException("disk full");
                super.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) write(b[off + i]);
            }
        };
    }

    @Test
    void badArgumentsToSaveAreNamed() {
        Path f = dir.resolve("x.safetensors");
        Map<String, Tensor> nullValue = new LinkedHashMap<>();
        nullValue.put("w", null);
        assertMessage(() -> Tensors.save(nullValue, f), "tensor 'w' is null");
        assertMessage(() -> Tensors.save(Map.of("__metadata__", Tensor.of(1)), f), "cannot be named __metadata__");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("k", null);
        assertMessage(() -> Tensors.save(Map.of(), meta, f), "non-null strings; got k=null");
        assertMessage(() -> Tensors.save(null, f), "tensors is null");
        assertTrue(Files.notExists(f));
    }

    private static void assertMessage(Runnable r, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void ioProblemsNameTheFile() throws IOException {
        Path missing = dir.resolve("missing.safetensors");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Tensors.load(missing));
        assertTrue(e.getMessage().contains(missing + ": ") && e.getMessage().contains("no such safetensors file"),
                e.getMessage());
        e = assertThrows(UncheckedIOException.class, () -> Tensors.metadata(dir));
        assertTrue(e.getMessage().contains(dir + " is a directory"), e.getMessage());
        e = assertThrows(UncheckedIOException.class, () -> Tensors.save(Map.of(), dir));
        assertTrue(e.getMessage().contains("cannot write safetensors file " + dir), e.getMessage());
        e = assertThrows(UncheckedIOException.class, () -> Tensors.save(Map.of(), dir.resolve("no/such/dir/f")));
        assertTrue(e.getMessage().contains("no/such/dir does not exist; create it first"), e.getMessage());
    }

    @Test
    void aNewFileIsReadableByOthersAsTorchSaveFilesAre() throws IOException {
        Path file = dir.resolve("perm.safetensors");
        Tensors.save(Map.of("x", Tensor.zeros(2)), file);
        if (Files.getFileStore(file).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file)));
        }
    }

    // --- hand-made files ---

    static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes + 16).order(ByteOrder.LITTLE_ENDIAN);
    }

    Path write(String header, ByteBuffer data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] d = java.util.Arrays.copyOf(data.array(), data.position());
        ByteBuffer all = ByteBuffer.allocate(8 + h.length + d.length).order(ByteOrder.LITTLE_ENDIAN);
        all.putLong(h.length).put(h).put(d);
        return raw(all.array());
    }

    Path raw(byte[] bytes) throws IOException {
        Path f = Files.createTempFile(dir, "bad", ".safetensors");
        Files.write(f, bytes);
        return f;
    }

    void assertRefused(Path f, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensors.load(f));
        assertTrue(e.getMessage().startsWith("safetensors file " + f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + ","
                + end + "]}";
    }

    @Test
    void truncatedFilesAreRefused() throws IOException {
        assertRefused(raw(new byte[5]), "truncated: 5 bytes");
        assertRefused(raw(new byte[0]), "truncated: 0 bytes");
        ByteBuffer b = le(0).putLong(100).put("{}".getBytes(StandardCharsets.UTF_8));
        assertRefused(raw(java.util.Arrays.copyOf(b.array(), 10)), "the header claims 100 bytes but only 2 follow");
        assertRefused(write("{" + entry("w", "F32", "[2]", 0, 8) + "}", le(4).putFloat(1)),
                "outside the 4-byte data section");
    }

    @Test
    void hugeHeaderLengthsAreRefusedBeforeReading() throws IOException {
        assertRefused(raw(le(0).putLong(200_000_000L).array()), "header too large: 200000000 bytes");
        assertRefused(raw(le(0).putLong(-1).array()), "header too large: 18446744073709551615 bytes");
    }

    @Test
    void headersThatAreNotAJsonObjectAreRefused() throws IOException {
        assertRefused(write("{\"w\": ", le(0)), "the header is not JSON");
        assertRefused(write("{} x", le(0)), "the header is not JSON");
        assertRefused(write("{\"a\":1,\"a\":2}", le(0)), "Duplicate field 'a'");
        assertRefused(write("[1, 2]", le(0)), "not a JSON object");
        assertRefused(write("", le(0)), "not a JSON object");
        byte[] h = {'{', '"', (byte) 0xC3, '"', ':', '1', '}'};
        assertRefused(raw(ByteBuffer.allocate(8 + h.length).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h)
                .array()), "the header is not JSON");
    }

    @Test
    void badEntriesAreRefused() throws IOException {
        ByteBuffer four = le(4).putFloat(1);
        assertRefused(write("{" + entry("w", "F16", "[2]", 0, 4) + "}", four), "tensor 'w' has unknown or unsupported "
                + "dtype \"F16\"");
        assertRefused(write("{\"w\":{\"shape\":[1],\"data_offsets\":[0,4]}}", four), "dtype null");
        assertRefused(write("{\"w\":3}", four), "tensor 'w' must be an object");
        assertRefused(write("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", four), "tensor 'w' has no shape");
        assertRefused(write("{" + entry("w", "F32", "[-1]", 0, 4) + "}", four), "sizes must be non-negative ints");
        assertRefused(write("{" + entry("w", "F32", "[1.5]", 0, 4) + "}", four), "sizes must be non-negative ints");
        assertRefused(write("{" + entry("w", "F32", "[3000000000]", 0, 4) + "}", four), "non-negative ints");
        assertRefused(write("{" + entry("w", "F32", "[65536,65536]", 0, 4) + "}", four), "more than 2147483639");
        assertRefused(write("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", four), "needs "
                + "data_offsets [begin, end] of non-negative integers; got [0]");
        assertRefused(write("{" + entry("w", "F32", "[1]", -4, 0) + "}", four), "non-negative integers");
        assertRefused(write("{" + entry("w", "F32", "[1]", 4, 0) + "}", four), "data_offsets [4, 0] outside");
        assertRefused(write("{" + entry("w", "F64", "[1]", 0, 4) + "}", four),
                "tensor 'w' is F64 [1], which takes 8 bytes, but its data_offsets [0, 4] hold 4");
    }

    @Test
    void overlapsGapsAndTrailingBytesAreRefused() throws IOException {
        ByteBuffer eight = le(8).putLong(1);
        assertRefused(write("{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("b", "F32", "[1]", 2, 6) + "}", eight),
                "tensors 'a' and 'b' have overlapping data_offsets [0, 4] and [2, 6]");
        assertRefused(write("{" + entry("a", "F32", "[1]", 4, 8) + "}", eight), "4 unused bytes in the data section "
                + "before tensor 'a'");
        assertRefused(write("{" + entry("a", "F32", "[1]", 0, 4) + "}", eight), "the data section has 8 bytes but the "
                + "tensors cover 4");
    }

    @Test
    void badMetadataIsRefused() throws IOException {
        assertRefused(write("{\"__metadata__\":[]}", le(0)), "__metadata__ must be an object of strings; got ARRAY");
        assertRefused(write("{\"__metadata__\":{\"epoch\":3}}", le(0)), "__metadata__ value 'epoch' must be a string");
    }

    @Test
    void boolBytesOtherThanOneAreTrueAsInTorch() throws IOException {
        Path f = write("{" + entry("m", "BOOL", "[3]", 0, 3) + "}", le(3).put((byte) 0).put((byte) 1).put((byte) 7));
        assertArrayEquals(new boolean[] {false, true, true}, Tensors.load(f).get("m").toBooleanArray());
        assertEquals(DType.BOOL, Tensors.load(f).get("m").dtype());
    }
}
