package io.jgrad.data;

import static io.jgrad.data.IdxFiles.idx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.DType;
import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] data, boolean gzip) throws IOException {
        return IdxFiles.write(dir.resolve(name), data, gzip);
    }

    @Test
    void readsImagesAndLabelsPlainOrGzipped() throws IOException {
        Tensor images = Idx.read(write("img.gz", idx(0x803, new int[] {2, 2, 3}, 12, 256), true));
        assertArrayEquals(new int[] {2, 2, 3}, images.shape());
        assertEquals(DType.FLOAT32, images.dtype());
        assertEquals(77, images.toDoubleArray()[11]);
        Tensor labels = Idx.read(write("lab", idx(0x801, new int[] {40}, 40, 256), false));
        assertEquals(DType.INT64, labels.dtype());
        assertEquals((39 * 7) & 0xff, labels.toLongArray()[39]);
    }

    @Test
    void explainsBadFiles() throws IOException {
        IOException e = assertThrows(IOException.class, () -> Idx.read(write("bad", idx(0x0d03, new int[] {1, 1, 1}, 1, 256), false)));
        assertTrue(e.getMessage().contains("not an unsigned-byte IDX file (magic 0x00000d03"), e.getMessage());
        e = assertThrows(IOException.class, () -> Idx.read(write("short.gz", idx(0x803, new int[] {10, 28, 28}, 100, 256), true)));
        assertTrue(e.getMessage().contains("truncated IDX file") && e.getMessage().contains("[10, 28, 28]"), e.getMessage());
        e = assertThrows(IOException.class, () -> Idx.read(write("empty", new byte[0], false)));
        assertTrue(e.getMessage().contains("empty or truncated"), e.getMessage());
    }

    @Test
    void loaderVisitsEveryExampleOncePerPass() {
        TensorDataset data = new TensorDataset(Tensor.arange(10).toFloat().unsqueeze(1), Tensor.arange(10));
        DataLoader loader = new DataLoader(data, 4).shuffle(new Generator(3));
        assertEquals(3, loader.size());
        List<Long> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Batch b : loader) {
            sizes.add(b.size());
            for (long t : b.target().toLongArray()) seen.add(t);
            assertArrayEquals(b.target().toFloat().toFloatArray(), b.input().squeeze(1).toFloatArray());
        }
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(10, seen.stream().distinct().count());
        assertTrue(!seen.equals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L)), "shuffled");
        List<Long> again = new ArrayList<>();
        for (Batch b : new DataLoader(data, 4).shuffle(new Generator(3))) for (long t : b.target().toLongArray()) again.add(t);
        assertEquals(seen, again, "the same seed gives the same order");
        DataLoader dropping = new DataLoader(data, 4).dropLast(true);
        assertEquals(2, dropping.size());
        int batches = 0;
        for (Batch b : dropping) batches++;
        assertEquals(2, batches);
    }

    @Test
    void datasetShapesMustAgree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TensorDataset(Tensor.zeros(3, 2), Tensor.zeros(4)));
        assertTrue(e.getMessage().contains("[3, 2]") && e.getMessage().contains("[4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DataLoader(new TensorDataset(Tensor.zeros(3), Tensor.zeros(3)), 0));
    }
}
