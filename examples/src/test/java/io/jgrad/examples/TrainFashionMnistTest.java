package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
