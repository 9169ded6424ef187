package io.jgrad.examples;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Device;
import io.jgrad.core.Tensor;
import io.jgrad.metrics.ConfusionMatrix;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of the README's main example on the bundled subset: one epoch, and the PNGs it draws. */
class TrainFashionMnistTest {
    @TempDir
    Path dir;

    @Test
    void learnsInOneEpochAndDrawsItsCurvesAndConfusionMatrix() throws Exception {
        BundledData.fashionMnistIn(dir);
        FashionMnist data = FashionMnist.load(dir);
        TrainFashionMnist.Result r = TrainFashionMnist.train(data, 1, false);
        assertTrue(r.testAccuracy().get(0) > 0.7, "test accuracy after one epoch on the subset: " + r.testAccuracy());
        assertTrue(r.trainLoss().get(0) < 1.2, "train loss: " + r.trainLoss());
        assertEquals(data.test().size(), r.confusion().total(), "every test image counted once");
        assertEquals(r.testAccuracy().get(0), r.confusion().accuracy(), 0.0, "the accuracy printed is the matrix's");
        Path png = dir.resolve("curves.png");
        TrainFashionMnist.main(new String[] {"1", png.toString(), dir.toString()});
        assertTrue(Files.size(png) > 1000);
        BufferedImage heatmap = ImageIO.read(dir.resolve(TrainFashionMnist.CONFUSION).toFile());
        assertEquals(800, heatmap.getWidth(), "a 64-pixel column per class");
    }

    @Test
    void confusionPlotNeedsANamePerClass() {
        var cm = ConfusionMatrix.of(Tensor.of(new long[] {0, 1}), Tensor.of(new long[] {0, 1}));
        assertError(IllegalArgumentException.class, () -> Plots.confusionMatrix(dir.resolve("c.png"), "t", cm, List.of("a")),
                "confusionMatrix: got 1 names for 2 classes");
    }

    /** The same run on the ND4J device: the same starting weights and batches, so the same accuracy within 0.5 points. */
    @Test
    void trainsTheSameOnTheNd4jDevice() throws Exception {
        BundledData.fashionMnistIn(dir);
        FashionMnist data = FashionMnist.load(dir);
        TrainFashionMnist.Result cpu = TrainFashionMnist.train(data, 1, false);
        TrainFashionMnist.Result nd4j = TrainFashionMnist.train(data, 1, false, null, false, Device.ND4J);
        assertEquals(cpu.testAccuracy().get(0), nd4j.testAccuracy().get(0), 0.005, "test accuracy, cpu against nd4j");
        assertEquals(cpu.trainLoss().get(0), nd4j.trainLoss().get(0), 1e-3, "train loss, cpu against nd4j");
    }
}
