package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Tensor;
import io.jgrad.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader on the bundled subset (copied to a folder, so the test does not depend on what is installed). */
class FashionMnistTest {
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
}
