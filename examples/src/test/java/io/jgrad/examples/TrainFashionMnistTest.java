package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of the README's main example on the bundled subset: one epoch, and the PNG it draws. */
class TrainFashionMnistTest {
    @TempDir
    Path dir;

    @Test
    void learnsInOneEpochAndDrawsItsCurves() throws Exception {
        BundledData.fashionMnistIn(dir);
        TrainFashionMnist.Result r = TrainFashionMnist.train(FashionMnist.load(dir), 1, false);
        assertTrue(r.testAccuracy().get(0) > 0.7, "test accuracy after one epoch on the subset: " + r.testAccuracy());
        assertTrue(r.trainLoss().get(0) < 1.2, "train loss: " + r.trainLoss());
        Path png = dir.resolve("curves.png");
        TrainFashionMnist.main(new String[] {"1", png.toString(), dir.toString()});
        assertTrue(Files.size(png) > 1000);
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
