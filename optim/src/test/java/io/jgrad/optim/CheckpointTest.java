package io.jgrad.optim;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import io.jgrad.data.Batch;
import io.jgrad.data.DataLoader;
import io.jgrad.data.TensorDataset;
import io.jgrad.io.Tensors;
import io.jgrad.nn.Dropout;
import io.jgrad.nn.Linear;
import io.jgrad.nn.ReLU;
import io.jgrad.nn.Sequential;
import io.jgrad.nn.loss.CrossEntropyLoss;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping after two epochs, saving, and resuming in fresh objects gives the bits of a straight run. */
class CheckpointTest {
    @TempDir
    Path dir;

    /** A small classifier with dropout (the global generator), a shuffled loader, Adam and StepLR. */
    private static final class Run {
        final Sequential model;
        final Adam optimizer;
        final StepLR scheduler;
        final Generator shuffle = new Generator(11);
        final DataLoader loader;

        Run() {
            Tensor.manualSeed(3);
            model = new Sequential(new Linear(6, 16), new ReLU(), new Dropout(0.2), new Linear(16, 3));
            optimizer = new Adam(model.parameters(), 0.01).amsgrad(true);
            scheduler = new StepLR(optimizer, 2, 0.5);
            Generator data = new Generator(5);
            Tensor x = Tensor.randn(data, 64, 6);
            Tensor y = Tensor.randint(data, 0, 3, 64);
            loader = new DataLoader(new TensorDataset(x, y), 10).shuffle(shuffle);
        }

        void epochs(int n) {
            CrossEntropyLoss loss = new CrossEntropyLoss();
            for (int e = 0; e < n; e++) {
                model.train();
                for (Batch b : loader) {
                    optimizer.zeroGrad();
                    loss.apply(model.apply(b.input()), b.target()).backward();
                    optimizer.step();
                }
                scheduler.step();
            }
        }

        Checkpoint checkpoint() {
            return Checkpoint.of(model, optimizer).scheduler(scheduler).generator("shuffle", shuffle);
        }
    }

    @Test
    void resumingIsBitIdenticalToNotStopping() {
        Run straight = new Run();
        straight.epochs(5);

        Run first = new Run();
        first.epochs(2);
        Path file = dir.resolve("run.safetensors");
        first.checkpoint().epoch(2).save(file);
        Generator.global().manualSeed(999);  // the resumed run must not depend on what happened since

        Run resumed = new Run();
        assertEquals(2, resumed.checkpoint().load(file));
        resumed.epochs(3);

        Map<String, Tensor> expected = straight.model.stateDict(), actual = resumed.model.stateDict();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v.toFloatArray(), actual.get(k).toFloatArray(), 0f, k));
        assertEquals(straight.scheduler.getLastLr(), resumed.scheduler.getLastLr());
    }

    @Test
    void aWeightsOnlyFileIsNotACheckpoint() {
        Run run = new Run();
        Path file = dir.resolve("weights.safetensors");
        Tensors.save(run.model.stateDict(), file);
        assertError(IllegalArgumentException.class, () -> run.checkpoint().load(file), "not a jgrad training checkpoint");
    }

    @Test
    void aCheckpointOfAnotherModelIsNamed() throws Exception {
        Run run = new Run();
        Path file = dir.resolve("run.safetensors");
        run.checkpoint().save(file);
        Sequential other = new Sequential(new Linear(6, 8), new ReLU(), new Linear(8, 3));
        Adam adam = new Adam(other.parameters(), 0.01);
        assertError(IllegalArgumentException.class, () -> Checkpoint.of(other, adam).load(file), "missing keys");
        assertEquals(List.of(file), List.of(Files.list(dir).toArray()));  // nothing left behind by the write
    }
}
