package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main example's files on the bundled subset: a run stopped after one epoch and resumed for a
 * second ends exactly where a straight two-epoch run does, and PredictFashionMnist reads the best model.
 */
class SaveAndResumeTest {
    @TempDir
    Path dir;

    @Test
    void aResumedRunEndsWhereAStraightRunDoes() throws Exception {
        BundledData.fashionMnistIn(dir);
        FashionMnist data = FashionMnist.load(dir);
        Path straight = Files.createDirectories(dir.resolve("straight")), split = Files.createDirectories(dir.resolve("split"));
        TrainFashionMnist.Result whole = TrainFashionMnist.train(data, 2, false, straight, false, Device.CPU);
        TrainFashionMnist.train(data, 1, false, split, false, Device.CPU);
        TrainFashionMnist.Result resumed = TrainFashionMnist.train(data, 2, false, split, true, Device.CPU);
        assertEquals(2, resumed.firstEpoch());
        assertEquals(whole.trainLoss().get(1), resumed.trainLoss().get(0), 0.0);
        assertEquals(whole.testAccuracy().get(1), resumed.testAccuracy().get(0), 0.0);
        assertEquals(-1, Files.mismatch(straight.resolve(TrainFashionMnist.CHECKPOINT), split.resolve(TrainFashionMnist.CHECKPOINT)),
                "the two checkpoints differ");
    }

    @Test
    void resumingWithoutACheckpointSaysSo() throws Exception {
        BundledData.fashionMnistIn(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainFashionMnist.train(FashionMnist.load(dir), 1, false, dir, true, Device.CPU));
        assertTrue(e.getMessage().startsWith("--resume: no checkpoint at "), e.getMessage());
    }

    @Test
    void predictLoadsTheBestModelAndDrawsTheGrid() throws Exception {
        BundledData.fashionMnistIn(dir);
        TrainFashionMnist.train(FashionMnist.load(dir), 1, false, dir, false, Device.CPU);
        Path png = dir.resolve("predictions.png");
        PredictFashionMnist.main(new String[] {dir.resolve("fashion-mnist-best.safetensors").toString(), png.toString(),
            dir.toString()});
        assertTrue(Files.size(png) > 1000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PredictFashionMnist.main(new String[] {dir.resolve("none.safetensors").toString()}));
        assertTrue(e.getMessage().contains("run TrainFashionMnist first"), e.getMessage());
    }
}
