package io.jgrad.examples;

import static io.jgrad.core.ErrorAssert.assertError;
import static io.jgrad.data.IdxFiles.gzipped;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader on the bundled subset (copied to a folder, so the test does not depend on what is installed),
 * and on bad data folders, each of which must fail naming what is wrong.
 */
class FashionMnistTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path dir;

    @Test
    void readsAFolderOfIdxFiles() throws IOException {
        BundledData.fashionMnistIn(dir);
        FashionMnist data = FashionMnist.load(dir);
        assertFalse(data.subset());
        assertArrayEquals(new int[] {10000, 28, 28}, data.train().inputs().shape());
        assertArrayEquals(new int[] {2000}, data.test().targets().shape());
        Tensor counts = data.train().targets().oneHot(10).sum(0);
        assertArrayEquals(new long[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, counts.toLongArray());
        assertTrue(data.train().inputs().amin().item() >= 0 && data.train().inputs().amax().item() <= 1);
        assertEquals(10, FashionMnist.CLASSES.size());
    }

    @Test
    void fallsBackToTheBundledSubsetOnlyWhenNoFolderIsGiven() {
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.load(dir));  // an empty folder
        FashionMnist data = FashionMnist.load();
        assertEquals(data.subset() ? 10000 : 60000, data.train().size());  // the full set if this machine has it
        assertEquals(data.subset() ? 2000 : 10000, data.test().size());
    }

    /** A tiny but well-formed Fashion-MNIST folder: 3 train and 2 test examples. */
    private static Path dataSet(Path folder) throws IOException {
        gzipped(folder.resolve("train-images-idx3-ubyte.gz"), 0x803, new int[] {3, 28, 28}, 3 * 784);
        gzipped(folder.resolve("train-labels-idx1-ubyte.gz"), 0x801, new int[] {3}, 3);
        gzipped(folder.resolve("t10k-images-idx3-ubyte.gz"), 0x803, new int[] {2, 28, 28}, 2 * 784);
        gzipped(folder.resolve("t10k-labels-idx1-ubyte.gz"), 0x801, new int[] {2}, 2);
        return folder;
    }

    /** FashionMnist.load as on a machine with this environment and system folder, and no bundled subset. */
    private static FashionMnist load(Path explicit, Map<String, String> env, Path system) {
        return FashionMnist.load(explicit, env, system, "/no/bundled/subset/");
    }

    // --- FashionMnist: a path the user gave must hold the data set ---

    @Test
    void readsAnExplicitFolder() throws IOException {
        FashionMnist data = load(dataSet(dir.resolve("fm")), NO_ENV, dir.resolve("none"));
        assertEquals(3, data.train().size());
        assertEquals(2, data.test().size());
    }

    @Test
    void explicitFolderThatDoesNotExistIsAnError() throws IOException {
        Path system = dataSet(dir.resolve("system"));
        assertError(IllegalArgumentException.class, () -> load(dir.resolve("nope"), NO_ENV, system),
                dir.resolve("nope") + " does not exist", "train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void explicitFileInsteadOfFolderIsAnError() throws IOException {
        Path system = dataSet(dir.resolve("system"));
        Path file = system.resolve("train-images-idx3-ubyte.gz");
        assertError(IllegalArgumentException.class, () -> load(file, NO_ENV, system),
                file + " is a file, not a folder", "pass the folder that holds it");
    }

    @Test
    void explicitFolderMissingAFileIsAnError() throws IOException {
        Path system = dataSet(dir.resolve("system"));
        Path partial = dataSet(dir.resolve("partial"));
        Files.delete(partial.resolve("t10k-labels-idx1-ubyte.gz"));
        assertError(IllegalArgumentException.class, () -> load(partial, NO_ENV, system),
                partial + " lacks [t10k-labels-idx1-ubyte.gz]", "the folder given to FashionMnist.load");
    }

    @Test
    void badJgradDataIsAnError() throws IOException {
        Path system = dataSet(dir.resolve("system"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertError(IllegalArgumentException.class,
                () -> load(null, Map.of("JGRAD_DATA", empty.toString()), system),
                "JGRAD_DATA=" + empty, empty + " lacks [train-images-idx3-ubyte.gz", "looked in",
                empty.resolve("fashion-mnist").toString());
    }

    @Test
    void jgradDataMayPointAtItsFashionMnistSubFolder() throws IOException {
        dataSet(dir.resolve("root/fashion-mnist"));
        FashionMnist data = load(null, Map.of("JGRAD_DATA", dir.resolve("root").toString()), dir.resolve("x"));
        assertEquals(dir.resolve("root/fashion-mnist").toString(), data.source());
    }

    @Test
    void withNeitherItUsesTheSystemCopy() throws IOException {
        Path system = dataSet(dir.resolve("system"));
        FashionMnist data = load(null, NO_ENV, system);
        assertEquals(system.toString(), data.source());
    }

    @Test
    void withNeitherTheBundledSubsetIsTheLastResort() {
        FashionMnist data = FashionMnist.load(null, NO_ENV, dir.resolve("none"), FashionMnist.BUNDLED);
        assertTrue(data.subset());
        assertEquals(10000, data.train().size());
        assertEquals(2000, data.test().size());
    }

    @Test
    void withNothingAnywhereItSaysWhereItLooked() {
        assertError(IllegalStateException.class, () -> load(null, NO_ENV, dir.resolve("none")),
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
        assertError(IllegalArgumentException.class, () -> load(fm, NO_ENV, dir.resolve("none")),
                "train-images-idx3-ubyte.gz holds an IDX array of shape [3]", "[N, 28, 28]", "swapped");
    }

    @Test
    void imagesOfTheWrongSizeAreRefused() throws IOException {
        Path fm = dataSet(dir.resolve("fm"));
        gzipped(fm.resolve("t10k-images-idx3-ubyte.gz"), 0x803, new int[] {2, 32, 32}, 2 * 1024);
        assertError(IllegalArgumentException.class, () -> load(fm, NO_ENV, dir.resolve("none")),
                "t10k-images-idx3-ubyte.gz holds an IDX array of shape [2, 32, 32]", "should hold images of shape [N, 28, 28]");
    }

    @Test
    void labelCountMustMatchImageCount() throws IOException {
        Path fm = dataSet(dir.resolve("fm"));
        gzipped(fm.resolve("train-labels-idx1-ubyte.gz"), 0x801, new int[] {5}, 5);
        assertError(IllegalArgumentException.class, () -> load(fm, NO_ENV, dir.resolve("none")),
                "train-images-idx3-ubyte.gz holds 3 images", "train-labels-idx1-ubyte.gz holds 5 labels");
    }
}
