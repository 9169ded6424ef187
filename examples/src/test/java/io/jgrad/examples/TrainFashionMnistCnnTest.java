package io.jgrad.examples;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Device;
import io.jgrad.core.Tensor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of the CNN example on the first images of the bundled subset (the convolutions make a full
 * epoch too slow for a unit test): one short epoch, and the PNGs it draws.
 */
class TrainFashionMnistCnnTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void learnsInAShortEpoch() throws Exception {
        FashionMnist data = FashionMnistTraining.firstOf(FashionMnist.load(BundledData.fashionMnistIn(dir)), 1024);
        Tensor.manualSeed(0);  // the weights train() starts from
        double before = FashionMnistTraining.evaluate(TrainFashionMnistCnn.model(), data.test(),
                TrainFashionMnistCnn::input, Device.CPU).loss();
        TrainFashionMnistCnn.Result r = TrainFashionMnistCnn.train(data, 1, false, 0, Device.CPU);
        double after = r.testLoss().get(0);
        // Only 8 updates of BatchNorm's running statistics (momentum 0.1) so far: the eval-mode loss falls less than the train loss.
        assertTrue(after < before - 0.25, "test loss before " + before + ", after 8 batches " + after);
        assertTrue(r.trainLoss().get(0) < Math.log(10), "mean train loss below a uniform guess's: " + r.trainLoss());
        assertTrue(r.testAccuracy().get(0) > 0.5, "test accuracy after 8 batches (chance is 0.1): " + r.testAccuracy());
        assertEquals(1024, r.confusion().total(), "every test image counted once");
        assertEquals(r.testAccuracy().get(0), r.confusion().accuracy(), 0.0, "the accuracy printed is the matrix's");
    }

    @Test
    void drawsItsCurvesAndConfusionMatrix() throws Exception {
        BundledData.fashionMnistIn(dir);
        Path png = dir.resolve("out").resolve("curves.png");
        TrainFashionMnistCnn.main(new String[] {"1", png.toString(), dir.toString(), "--limit", "256", "--seed", "3"});
        assertPng(png, 640);
        assertPng(png.resolveSibling(TrainFashionMnistCnn.CONFUSION), 800);
    }

    @Test
    void rejectsBadOptions() {
        assertError(IllegalArgumentException.class, () -> TrainFashionMnistCnn.main(new String[] {"--limit", "0"}),
                "--limit needs a whole number >= 1, got '0'");
        assertError(IllegalArgumentException.class, () -> TrainFashionMnistCnn.main(new String[] {"--seed"}),
                "--seed needs a whole number");
        assertError(IllegalArgumentException.class, () -> TrainFashionMnistCnn.main(new String[] {"0"}),
                "epochs (the first argument) must be a whole number >= 1, got '0'");
        assertError(IllegalArgumentException.class, () -> TrainFashionMnistCnn.main(new String[] {"five"}),
                "got 'five'");
        assertError(IllegalArgumentException.class, () -> TrainFashionMnist.main(new String[] {"2.5"}),
                "epochs (the first argument) must be a whole number >= 1, got '2.5'");
    }

    private static void assertPng(Path file, int width) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_SIGNATURE, java.util.Arrays.copyOf(bytes, 8), file + " starts with the PNG signature");
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth(), file + " width");
    }
}
