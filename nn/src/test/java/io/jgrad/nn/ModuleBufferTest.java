package io.jgrad.nn;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jgrad.core.DType;
import io.jgrad.core.Device;
import io.jgrad.core.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Buffers (PyTorch's register_buffer), through BatchNorm's running statistics. */
class ModuleBufferTest {
    @TempDir
    Path dir;

    private static Sequential net() {
        return new Sequential(new Linear(3, 4), new BatchNorm1d(4), new ReLU());
    }

    private static void trainSteps(Module m, int n) {
        for (int i = 0; i < n; i++) m.apply(Tensor.randn(5, 3));
    }

    @Test
    void buffersAreInTheStateDictButNotInParameters() {
        Sequential m = net();
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked"), List.copyOf(m.stateDict().keySet()));
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias"), List.copyOf(m.namedParameters().keySet()));
        assertEquals(List.of("1.running_mean", "1.running_var", "1.num_batches_tracked"),
                List.copyOf(m.namedBuffers().keySet()));
        assertEquals(4, m.parameters().size());
    }

    @Test
    void buffersRoundTripThroughStateDictAndSaveLoad() {
        Tensor.manualSeed(5);
        Sequential a = net();
        trainSteps(a, 3);
        Sequential b = net(), c = net();
        b.loadStateDict(a.stateDict(), true);
        Path f = dir.resolve("bn.safetensors");
        a.save(f);
        c.load(f);
        a.eval();
        b.eval();
        c.eval();
        Tensor x = Tensor.randn(2, 3);
        for (Sequential copy : List.of(b, c)) {
            Map<String, Tensor> buffers = copy.namedBuffers();
            a.namedBuffers().forEach((k, v) -> assertEquals(v.toString(), buffers.get(k).toString(), k));
            assertArrayEquals(a.apply(x).toFloatArray(), copy.apply(x).toFloatArray());
        }
        assertEquals(3, c.namedBuffers().get("1.num_batches_tracked").item());
        assertEquals(DType.INT64, c.namedBuffers().get("1.num_batches_tracked").dtype());
    }

    @Test
    void toConvertsFloatingBuffersOnlyAndMovesAllKeepingTheObjects() {
        BatchNorm2d bn = new BatchNorm2d(2);
        Tensor mean = bn.runningMean, count = bn.numBatchesTracked;
        bn.toDouble();
        assertSame(mean, bn.namedBuffers().get("running_mean"));
        assertEquals(DType.FLOAT64, mean.dtype());
        assertEquals(DType.FLOAT64, bn.runningVar.dtype());
        assertEquals(DType.INT64, count.dtype());
        bn.to(Device.ND4J);
        assertEquals(Device.ND4J, mean.device());
        assertEquals(Device.ND4J, count.device());
        bn.apply(Tensor.randn(2, 2, 2, 2).toDouble().to(Device.ND4J));
        assertEquals(1, count.item());
        assertSame(count, bn.numBatchesTracked);
        bn.to(Device.CPU);
        assertEquals(Device.CPU, bn.runningVar.device());
    }

    @Test
    void loadingRefusesWrongShapesKindsAndKeys() {
        BatchNorm1d bn = new BatchNorm1d(3);
        Map<String, Tensor> state = bn.stateDict();
        state.put("running_var", Tensor.ones(4));
        assertError(IllegalArgumentException.class, () -> bn.loadStateDict(state, true),
                "size mismatch for running_var: copying a param with shape [4], the shape in current model is [3]");
        state.put("running_var", Tensor.ones(3));
        state.put("num_batches_tracked", Tensor.of(2.5));
        assertError(IllegalArgumentException.class, () -> bn.loadStateDict(state, true),
                "dtype mismatch for num_batches_tracked: copying a float32 tensor into the model's int64 entry");
        state.remove("num_batches_tracked");
        assertError(IllegalArgumentException.class, () -> bn.loadStateDict(state, true),
                "missing keys [num_batches_tracked], unexpected keys []");
        bn.loadStateDict(state, false);
    }

    @Test
    void bufferNamesAreCheckedLikeParameters() {
        assertError(IllegalArgumentException.class, () -> new Module() {
            {
                param("w", Tensor.zeros(1));
                buffer("w", Tensor.zeros(1));
            }

            @Override
            protected Tensor forward(Tensor input) {
                return input;
            }
        }, "'w' is already registered");
        assertError(IllegalArgumentException.class, () -> new Module() {
            {
                buffer("b", null);
            }

            @Override
            protected Tensor forward(Tensor input) {
                return input;
            }
        }, "buffer 'b' of", "is null; register a tensor");
    }
}
