package io.jgrad.data;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad data folders, damaged IDX files and misbehaving datasets: each must fail naming what is wrong. */
class DataErrorsTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path dir;

    private static byte[] idx(int magic, int[] shape, int values) throws IOException {
        return IdxFiles.idx(magic, shape, values, 10);
    }

    private static void write(Path file, byte[] data) throws IOException {
        IdxFiles.write(file, data, true);
    }

    /** A tiny but well-formed Fashion-MNIST folder: 3 train and 2 test examples. */
    private static Path dataSet(Path folder) throws IOException {
        write(folder.resolve("train-images-idx3-ubyte.gz"), idx(0x803, new int[] {3, 28, 28}, 3 * 784));
        write(folder.resolve("train-labels-idx1-ubyte.gz"), idx(0x801, new int[] {3}, 3));
        write(folder.resolve("t10k-images-idx3-ubyte.gz"), idx(0x803, new int[] {2, 28, 28}, 2 * 784));
        write(folder.resolve("t10k-labels-idx1-ubyte.gz"), idx(0x801, new int[] {2}, 2));
        return folder;
    }

    // --- FashionMnist: a path the user gave must hold the data set ---

    @Test
    void readsAnExplicitFolder() throws IOException {
        FashionMnist data = FashionMnist.load(dataSet(dir.resolve("fm")), NO_ENV, dir.resolve("none"));
        assertEquals(3, data.train().size());
        assertEquals(2, data.test().size());
    }

    @Test
    void explicitFolderThatDoesNotExistIsAnError() throws IOException {
        Path system = dataSet(dir.resolve("system"));
        assertError(IllegalArgumentException.class, () -> FashionMnist.load(dir.resolve("nope"), NO_ENV, system),
                dir.resolve("nope") + " does not exist", "train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void explicitFileInsteadOfFolderIsAnError() throws IOException {
        Path system = dataSet(dir.resolve("system"));
        Path file = system.resolve("train-images-idx3-ubyte.gz");
        assertError(IllegalArgumentException.class, () -> FashionMnist.load(file, NO_ENV, system),
                file + " is a file, not a folder", "pass the folder that holds it");
    }

    @Test
    void explicitFolderMissingAFileIsAnError() throws IOException {
        Path system = dataSet(dir.resolve("system"));
        Path partial = dataSet(dir.resolve("partial"));
        Files.delete(partial.resolve("t10k-labels-idx1-ubyte.gz"));
        assertError(IllegalArgumentException.class, () -> FashionMnist.load(partial, NO_ENV, system),
                partial + " lacks [t10k-labels-idx1-ubyte.gz]", "the folder given to FashionMnist.load");
    }

    @Test
    void badJgradDataIsAnError() throws IOException {
        Path system = dataSet(dir.resolve("system"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertError(IllegalArgumentException.class,
                () -> FashionMnist.load(null, Map.of("JGRAD_DATA", empty.toString()), system),
                "JGRAD_DATA=" + empty, empty + " lacks [train-images-idx3-ubyte.gz", "looked in",
                empty.resolve("fashion-mnist").toString());
    }

    @Test
    void jgradDataMayPointAtItsFashionMnistSubFolder() throws IOException {
        dataSet(dir.resolve("root/fashion-mnist"));
        FashionMnist data = FashionMnist.load(null, Map.of("JGRAD_DATA", dir.resolve("root").toString()), dir.resolve("x"));
        assertEquals(dir.resolve("root/fashion-mnist").toString(), data.source());
    }

    @Test
    void withNeitherItUsesTheSystemCopy() throws IOException {
        Path system = dataSet(dir.resolve("system"));
        FashionMnist data = FashionMnist.load(null, NO_ENV, system);
        assertEquals(system.toString(), data.source());
    }

    @Test
    void withNothingAnywhereItSaysWhereItLooked() {
        // core's class path has no bundled subset (it lives in examples), so this is the last resort failing
        assertError(IllegalStateException.class, () -> FashionMnist.load(null, NO_ENV, dir.resolve("none")),
                "Fashion-MNIST not found", dir.resolve("none").toString(), "JGRAD_DATA");
    }

    @Test
    void swappedImageAndLabelFilesAreRefused() throws IOException {
        Path fm = dataSet(dir.resolve("fm"));
        Path images = fm.resolve("train-images-idx3-ubyte.gz"), labels = fm.resolve("train-labels-idx1-ubyte.gz");
        Path tmp = fm.resolve("tmp");
        Files.move(images, tmp);
        Files.move(labels, images);
        Files.move(tmp, labels);
        assertError(IllegalArgumentException.class, () -> FashionMnist.load(fm, NO_ENV, dir.resolve("none")),
                "train-images-idx3-ubyte.gz holds an IDX array of shape [3]", "[N, 28, 28]", "swapped");
    }

    @Test
    void imagesOfTheWrongSizeAreRefused() throws IOException {
        Path fm = dataSet(dir.resolve("fm"));
        write(fm.resolve("t10k-images-idx3-ubyte.gz"), idx(0x803, new int[] {2, 32, 32}, 2 * 1024));
        assertError(IllegalArgumentException.class, () -> FashionMnist.load(fm, NO_ENV, dir.resolve("none")),
                "t10k-images-idx3-ubyte.gz holds an IDX array of shape [2, 32, 32]", "should hold images of shape [N, 28, 28]");
    }

    @Test
    void labelCountMustMatchImageCount() throws IOException {
        Path fm = dataSet(dir.resolve("fm"));
        write(fm.resolve("train-labels-idx1-ubyte.gz"), idx(0x801, new int[] {5}, 5));
        assertError(IllegalArgumentException.class, () -> FashionMnist.load(fm, NO_ENV, dir.resolve("none")),
                "train-images-idx3-ubyte.gz holds 3 images", "train-labels-idx1-ubyte.gz holds 5 labels");
    }

    // --- Idx: damaged headers ---

    @Test
    void negativeDimensionIsNamed() throws IOException {
        Path f = dir.resolve("neg.gz");
        write(f, idx(0x803, new int[] {-5, 28, 28}, 0));
        assertError(IOException.class, () -> Idx.read(f), f + ": corrupt IDX header: dimension 0 has size -5");
    }

    @Test
    void hugeShapeIsNamed() throws IOException {
        Path f = dir.resolve("huge.gz");
        write(f, idx(0x804, new int[] {1 << 30, 1 << 30, 1 << 30, 1 << 30}, 0));
        assertError(IOException.class, () -> Idx.read(f), f + ": shape [1073741824, 1073741824, 1073741824, 1073741824] "
                + "is too large");
    }

    @Test
    void headerPromisingMoreThanTheFileHoldsIsTruncated() throws IOException {
        Path f = dir.resolve("big.gz");
        write(f, idx(0x801, new int[] {2_000_000_000}, 10));
        assertError(IOException.class, () -> Idx.read(f), "truncated IDX file", "2000000000 values", "ends after 10");
    }

    @Test
    void headerCutInsideTheDimensions() throws IOException {
        Path f = dir.resolve("cut.gz");
        byte[] full = idx(0x803, new int[] {3, 28, 28}, 0);
        write(f, java.util.Arrays.copyOf(full, 4 + 4 + 2));
        assertError(IOException.class, () -> Idx.read(f), f + ": truncated IDX header", "3 dimensions", "ends after 1");
    }

    @Test
    void gzipCutShortIsNamed() throws IOException {
        Path whole = dir.resolve("whole.gz");
        write(whole, idx(0x803, new int[] {50, 28, 28}, 50 * 784));
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
