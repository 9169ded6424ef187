package io.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.DType;
import io.jgrad.core.Tensor;
import io.jgrad.io.Tensors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleSaveLoadTest {
    @TempDir
    Path dir;

    private static Sequential mlp() {
        return new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
    }

    @Test
    void saveThenLoadGivesBitIdenticalOutputs() {
        Tensor.manualSeed(3);
        Sequential a = mlp();
        Tensor x = Tensor.randn(5, 4);
        Path f = dir.resolve("m.safetensors");
        assertSame(a, a.save(f));
        Sequential b = mlp();
        assertSame(b, b.load(f));
        assertArrayEquals(a.apply(x).toFloatArray(), b.apply(x).toFloatArray());
        assertEquals(Map.of("format", "pt", "jgrad.module", "io.jgrad.nn.Sequential"), Tensors.metadata(f));
    }

    @Test
    void toDoubleConvertsTheSameParameterObjectsAndTheirGradients() {
        Linear l = new Linear(3, 2);
        Tensor w = l.weight;
        l.apply(Tensor.randn(4, 3)).sum().backward();
        float[] before = w.toFloatArray();
        assertSame(l, l.toDouble());
        assertSame(w, l.weight);
        assertSame(w, l.parameters().get(0));
        assertEquals(DType.FLOAT64, w.dtype());
        assertEquals(DType.FLOAT64, w.grad().dtype());
        assertTrue(w.requiresGrad());
        for (int i = 0; i < before.length; i++) assertEquals(before[i], w.toDoubleArray()[i]);
        assertEquals(DType.FLOAT64, l.apply(Tensor.randn(2, 3).toDouble()).dtype());
        l.toFloat();
        assertEquals(DType.FLOAT32, l.bias.dtype());
        assertArrayEquals(before, w.toFloatArray());
    }

    @Test
    void toRefusesNonFloatingDtypes() {
        Linear l = new Linear(3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.to(DType.INT64));
        assertEquals("Module.to: only floating point dtypes are accepted; got int64", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> l.to((DType) null));
        assertEquals(DType.FLOAT32, l.weight.dtype());
    }

    @Test
    void aFloat64CheckpointLoadsIntoAFloat32ModelAsFloat32() {
        Tensor.manualSeed(4);
        Sequential a = mlp();
        Map<String, Tensor> expected = a.stateDict();
        Path f = dir.resolve("d.safetensors");
        a.toDouble().save(f);
        assertEquals(DType.FLOAT64, Tensors.load(f).get("0.weight").dtype());
        Module b = mlp().load(f);
        b.stateDict().forEach((k, v) -> {
            assertEquals(DType.FLOAT32, v.dtype());
            assertArrayEquals(expected.get(k).toFloatArray(), v.toFloatArray(), k);
        });
    }

    @Test
    void freezingStopsGradients() {
        Sequential m = mlp();
        Linear first = (Linear) m.children().get("0");
        assertSame(first, first.requiresGrad(false));
        m.apply(Tensor.randn(2, 4)).sum().backward();
        assertNull(first.weight.grad());
        assertFalse(first.bias.requiresGrad());
        Linear last = (Linear) m.children().get("2");
        assertEquals(List.of(3, 8), List.of(last.weight.grad().shape()[0], last.weight.grad().shape()[1]));
        m.requiresGrad(true);
        assertTrue(first.weight.requiresGrad());
    }

    @Test
    void loadErrorsNameTheKeysShapesAndFile() {
        Path f = dir.resolve("other.safetensors");
        new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 2)).save(f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mlp().load(f));
        assertEquals("loadStateDict: size mismatch for 2.weight: copying a param with shape [2, 8], the shape in "
                + "current model is [3, 8] (loading " + f + ")", e.getMessage());

        Map<String, Tensor> state = new LinkedHashMap<>(mlp().stateDict());
        state.remove("2.bias");
        state.put("extra", Tensor.of(1));
        Path g = dir.resolve("keys.safetensors");
        Tensors.save(state, g);
        e = assertThrows(IllegalArgumentException.class, () -> mlp().load(g));
        assertEquals("Error(s) in loading state_dict for Sequential: missing keys [2.bias], unexpected keys [extra]; "
                + "pass strict=false to load the keys that match (loading " + g + ")", e.getMessage());
    }

    @Test
    void loadingABadFileNamesIt() {
        Path missing = dir.resolve("none.safetensors");
        var e = assertThrows(java.io.UncheckedIOException.class, () -> mlp().load(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
