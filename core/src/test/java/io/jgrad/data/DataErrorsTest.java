package io.jgrad.data;

import static io.jgrad.core.ErrorAssert.assertError;
import static io.jgrad.data.IdxFiles.gzipped;
import static io.jgrad.data.IdxFiles.idx;
import static io.jgrad.data.IdxFiles.write;

import io.jgrad.core.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged IDX files and misbehaving datasets: each must fail naming what is wrong. */
class DataErrorsTest {
    @TempDir
    Path dir;

    // --- Idx: damaged headers ---

    @Test
    void negativeDimensionIsNamed() throws IOException {
        Path f = dir.resolve("neg.gz");
        gzipped(f, 0x803, new int[] {-5, 28, 28}, 0);
        assertError(IOException.class, () -> Idx.read(f), f + ": corrupt IDX header: dimension 0 has size -5");
    }

    @Test
    void hugeShapeIsNamed() throws IOException {
        Path f = dir.resolve("huge.gz");
        gzipped(f, 0x804, new int[] {1 << 30, 1 << 30, 1 << 30, 1 << 30}, 0);
        assertError(IOException.class, () -> Idx.read(f), f + ": shape [1073741824, 1073741824, 1073741824, 1073741824] "
                + "is too large");
    }

    @Test
    void headerPromisingMoreThanTheFileHoldsIsTruncated() throws IOException {
        Path f = dir.resolve("big.gz");
        gzipped(f, 0x801, new int[] {2_000_000_000}, 10);
        assertError(IOException.class, () -> Idx.read(f), "truncated IDX file", "2000000000 values", "ends after 10");
    }

    @Test
    void headerCutInsideTheDimensions() throws IOException {
        Path f = dir.resolve("cut.gz");
        byte[] full = idx(0x803, new int[] {3, 28, 28}, 0, 256);
        write(f, java.util.Arrays.copyOf(full, 4 + 4 + 2), true);
        assertError(IOException.class, () -> Idx.read(f), f + ": truncated IDX header", "3 dimensions", "ends after 1");
    }

    @Test
    void gzipCutShortIsNamed() throws IOException {
        Path whole = dir.resolve("whole.gz");
        gzipped(whole, 0x803, new int[] {50, 28, 28}, 50 * 784);
        byte[] gz = Files.readAllBytes(whole);
        Path f = Files.write(dir.resolve("cut.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
        assertError(IOException.class, () -> Idx.read(f), f + ": truncated gzip stream", "[50, 28, 28]");
    }

    // --- DataLoader over a misbehaving Dataset ---

    private static final class NullDataset implements Dataset {
        @Override
        public int size() {
            return 5;
        }

        @Override
        public Batch get(long[] indices) {
            return null;
        }
    }

    private static final class NegativeDataset implements Dataset {
        @Override
        public int size() {
            return -1;
        }

        @Override
        public Batch get(long[] indices) {
            return new Batch(Tensor.zeros(indices.length), Tensor.zeros(indices.length));
        }
    }

    @Test
    void getReturningNullNamesTheDatasetAndIndices() {
        DataLoader loader = new DataLoader(new NullDataset(), 2);
        assertError(IllegalStateException.class, () -> loader.iterator().next(),
                NullDataset.class.getName() + ".get returned null for indices [0, 1]");
    }

    @Test
    void negativeSizeNamesTheDataset() {
        DataLoader loader = new DataLoader(new NegativeDataset(), 2);
        assertError(IllegalStateException.class, loader::iterator, NegativeDataset.class.getName() + ".size() returned -1");
        assertError(IllegalStateException.class, loader::size, NegativeDataset.class.getName() + ".size() returned -1");
    }

    @Test
    void nullDatasetIsRefused() {
        assertError(IllegalArgumentException.class, () -> new DataLoader(null, 2), "DataLoader: dataset is null");
    }
}
