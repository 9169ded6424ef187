package io.jgrad.nn;

import static io.jgrad.nn.SafeTensorsInterop.FIXTURES;
import static io.jgrad.nn.SafeTensorsInterop.matrix;
import static io.jgrad.nn.SafeTensorsInterop.mlp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.Tensor;
import io.jgrad.io.Tensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints crossing between PyTorch 1.13 and jgrad; fixtures from nn/src/test/python/gen_safetensors_fixtures.py. */
class PyTorchSafeTensorsTest {
    @TempDir
    Path dir;

    @Test
    void aPyTorchTrainedCheckpointReproducesPyTorchsOutputs() throws IOException {
        Path file = FIXTURES.resolve("pytorch_mlp.safetensors");
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(Tensors.load(file).keySet()));
        assertEquals(Map.of("format", "pt"), Tensors.metadata(file));
        Module model = mlp().load(file);
        Tensor out = model.apply(matrix(FIXTURES.resolve("pytorch_mlp.json"), "inputs"));
        assertClose(matrix(FIXTURES.resolve("pytorch_mlp.json"), "outputs"), out);
    }

    @Test
    void aJgradCheckpointGivesPyTorchTheSameOutputs() throws IOException {
        Path file = FIXTURES.resolve("jgrad_mlp.safetensors");
        Module model = mlp().load(file);
        Tensor out = model.apply(matrix(FIXTURES.resolve("jgrad_mlp.json"), "inputs"));
        assertClose(matrix(FIXTURES.resolve("jgrad_mlp.pytorch.json"), "outputs"), out);
        assertClose(matrix(FIXTURES.resolve("jgrad_mlp.json"), "outputs"), out);
    }

    @Test
    void todaysWriterProducesTheBytesPyTorchChecked() throws IOException {
        Path file = FIXTURES.resolve("jgrad_mlp.safetensors");
        Path again = dir.resolve("again.safetensors");
        mlp().load(file).save(again);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
    }

    private static void assertClose(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        float[] e = expected.toFloatArray(), a = actual.toFloatArray();
        for (int i = 0; i < e.length; i++) assertEquals(e[i], a[i], 1e-6, "element " + i);
    }
}
