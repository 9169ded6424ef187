package io.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jgrad.core.DType;
import io.jgrad.core.Tensor;
import io.jgrad.nn.Linear;
import io.jgrad.nn.ReLU;
import io.jgrad.nn.Sequential;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PyTorch 1.13's own .pt files, written by nn/src/test/python/gen_torch_pt_fixtures.py. */
class TorchFilesTest {
    @TempDir
    Path tmp;

    static Path fixture(String name) {
        try {
            return Path.of(TorchFilesTest.class.getResource("/fixtures/pt/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mlpTrainedInPyTorchReproducesItsOutputs() throws IOException {
        Map<String, Tensor> state = TorchFiles.load(fixture("mlp.pt"));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(state.keySet()));
        Sequential model = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
        model.loadStateDict(state, true);

        JsonNode json = new ObjectMapper().readTree(fixture("mlp.json").toFile());
        Tensor inputs = Tensor.fromArray(floats(json.get("inputs")), 5, 4);
        float[] expected = floats(json.get("outputs"));
        float[] actual;
        try (var g = Tensor.noGrad()) {
            actual = model.apply(inputs).toFloatArray();
        }
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 1e-6, "output " + i);
    }

    private static float[] floats(JsonNode rows) {
        float[] out = new float[rows.size() * rows.get(0).size()];
        int i = 0;
        for (JsonNode row : rows) {
            for (JsonNode v : row) out[i++] = (float) v.asDouble();
        }
        return out;
    }

    @Test
    void dtypesViewsSharedStoragesScalarsAndEmptyTensors() throws IOException {
        Map<String, Tensor> s = TorchFiles.load(fixture("dtypes.pt"));
        assertEquals(List.of("f64", "i64", "bool", "transposed", "narrowed", "scalar", "empty", "a", "b", "u8", "i32",
                "f16"), List.copyOf(s.keySet()));
        check(s.get("f64"), DType.FLOAT64, new int[] {2, 2});
        assertArrayEquals(new double[] {0.1, -2.5, 1e300, -0.0}, s.get("f64").toDoubleArray());
        check(s.get("i64"), DType.INT64, new int[] {3});
        assertArrayEquals(new long[] {-(1L << 62), 7, 0}, s.get("i64").toLongArray());
        check(s.get("bool"), DType.BOOL, new int[] {3});
        assertArrayEquals(new boolean[] {true, false, true}, s.get("bool").toBooleanArray());
        // base = arange(12).reshape(3, 4) / 8; transposed = base.t(); narrowed = base[1:, 2:]
        check(s.get("transposed"), DType.FLOAT32, new int[] {4, 3});
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, times8(s.get("transposed")));
        check(s.get("narrowed"), DType.FLOAT32, new int[] {2, 2});
        assertArrayEquals(new float[] {6, 7, 10, 11}, times8(s.get("narrowed")));
        check(s.get("scalar"), DType.FLOAT32, new int[0]);
        assertEquals(2.5, s.get("scalar").item());
        check(s.get("empty"), DType.FLOAT32, new int[] {0, 3});
        assertArrayEquals(new float[] {1.5f, -2f, 3.25f, 4f}, s.get("a").toFloatArray());
        assertArrayEquals(new float[] {-2f, 3.25f, 4f}, s.get("b").toFloatArray());
        check(s.get("u8"), DType.INT64, new int[] {3});
        assertArrayEquals(new long[] {0, 200, 255}, s.get("u8").toLongArray());
        assertArrayEquals(new long[] {-5, Integer.MAX_VALUE}, s.get("i32").toLongArray());
        check(s.get("f16"), DType.FLOAT32, new int[] {3});
        assertArrayEquals(new float[] {0.5f, -1.25f, 65504f}, s.get("f16").toFloatArray());
    }

    @Test
    void narrowTypesWidenExactly() throws IOException {
        Map<String, Tensor> s = TorchFiles.load(fixture("narrow.pt"));
        check(s.get("bf16"), DType.FLOAT32, new int[] {3});
        assertArrayEquals(new float[] {1.5f, -3.00405527047391e38f, 7.346839692639297e-40f}, s.get("bf16").toFloatArray());
        assertArrayEquals(new float[] {0x1p-24f, -0x1p-20f, Float.POSITIVE_INFINITY, -0f}, s.get("f16").toFloatArray());
        assertArrayEquals(new long[] {-32768, 32767}, s.get("i16").toLongArray());
        assertArrayEquals(new long[] {-128, 127}, s.get("i8").toLongArray());
    }

    @Test
    void sharedStorageLoadsAsIndependentTensors() throws IOException {
        Map<String, Tensor> s = TorchFiles.load(fixture("dtypes.pt"));
        try (var g = Tensor.noGrad()) {
            s.get("a").fill(0);
        }
        assertArrayEquals(new float[] {-2f, 3.25f, 4f}, s.get("b").toFloatArray());
    }

    @Test
    void aParameterSavedDirectlyLoadsAsItsData() throws IOException {
        Tensor p = TorchFiles.load(fixture("parameter.pt")).get("p");
        assertArrayEquals(new float[] {1f, 2f}, p.toFloatArray());
        assertFalse(p.requiresGrad());
    }

    private static void check(Tensor t, DType dtype, int[] shape) {
        assertSame(dtype, t.dtype());
        assertArrayEquals(shape, t.shape());
    }

    private static float[] times8(Tensor t) {
        float[] v = t.toFloatArray();
        for (int i = 0; i < v.length; i++) v[i] *= 8;
        return v;
    }

    @Test
    void littleEndianByteorderEntryIsAccepted() throws IOException {
        assertArrayEquals(new float[] {0, 1, 2, 3}, TorchFiles.load(fixture("little_endian.pt")).get("w").toFloatArray());
    }

    @Test
    void globalsOutsideAStateDictAreRefusedByName() {
        for (String[] c : new String[][] {{"malicious.pt", "os.system"}, {"eval.pt", "builtins.eval"},
                {"popen.pt", "subprocess.Popen"}}) {
            String m = refused(fixture(c[0]));
            assertTrue(m.contains("refusing to load " + c[1]) && m.contains("not a state dict"), m);
        }
    }

    @Test
    void brokenCheckpointsNameTheFileAndTheProblem() throws IOException {
        assertMessage("no_data_pkl.pt", "expected one <archive>/data.pkl entry, found none");
        assertMessage("missing_storage.pt", "tensor 'w' is stored in", "which the archive does not have");
        assertMessage("short_storage.pt", "holds 8 bytes, but its header declares 4 float32 elements (16 bytes)");
        assertMessage("big_endian.pt", "stored big-endian", "little-endian checkpoints only");
        assertMessage("legacy.pt", "this file uses PyTorch's legacy format; re-save it with torch.save in PyTorch ≥ 1.6");
        assertMessage("non_tensor.pt", "the value of 'lr' is a float, not a tensor");
        assertMessage("complex.pt", "torch.ComplexFloatStorage are not supported");
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertTrue(refused(text).contains("not a PyTorch checkpoint (torch.save writes a zip archive"));
        Path empty = tmp.resolve("empty.pt");
        Files.write(empty, new byte[0]);
        assertTrue(refused(empty).contains("not a PyTorch checkpoint"));
    }

    private static void assertMessage(String fixture, String... parts) {
        String m = refused(fixture(fixture));
        assertTrue(m.startsWith(fixture(fixture).toString() + ": "), m);
        for (String p : parts) assertTrue(m.contains(p), m);
    }

    static String refused(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> TorchFiles.load(file)).getMessage();
    }
}
