package io.jgrad.examples;

import io.jgrad.core.Device;
import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import io.jgrad.data.DataLoader;
import io.jgrad.metrics.ConfusionMatrix;
import io.jgrad.nn.BatchNorm2d;
import io.jgrad.nn.Conv2d;
import io.jgrad.nn.Flatten;
import io.jgrad.nn.Linear;
import io.jgrad.nn.MaxPool2d;
import io.jgrad.nn.ReLU;
import io.jgrad.nn.Sequential;
import io.jgrad.optim.Adam;
import io.jgrad.optim.CosineAnnealingLR;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;

/**
 * Trains PyTorch's classic small CNN on Fashion-MNIST: two blocks of a 3×3 convolution (32, then 64
 * channels, padding 1), BatchNorm, ReLU and 2×2 max-pooling take the 1×28×28 image to 64×7×7, and a
 * linear layer maps that to the 10 classes. CrossEntropyLoss, Adam (lr 1e-3, annealed to 0 over the
 * epochs by CosineAnnealingLR, stepped once an epoch), batch 128: the recipe with which PyTorch 1.13
 * (examples/bench/benchmark_pytorch.py's train_fashion_mnist with cnn and cosine) reaches 0.9190, 0.9179
 * and 0.9148 test accuracy with seeds 0, 1 and 2 in {@value #DEFAULT_EPOCHS} epochs, and jgrad 0.9166 with
 * seed 0, where the MLP of {@link TrainFashionMnist} stays near 0.87. At a constant lr 1e-3 the last epoch
 * swings: PyTorch's three seeds ended at 0.9161, 0.9090 and 0.9059 and jgrad's seed 0 at 0.8982 (0.9051 an
 * epoch earlier); the annealed rate lets the last epochs settle instead. Prints the
 * train loss, test loss and test accuracy per epoch, draws them into a PNG, and at the end prints the test
 * confusion matrix and draws it into a second PNG beside the first.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests exec:java
 * -Dexec.mainClass=io.jgrad.examples.TrainFashionMnistCnn} (args: epochs, output PNG, data folder; and
 * anywhere {@code --device nd4j}, {@code --seed N} (weights from N, batch order from N + 1) and
 * {@code --limit N} (the first N images of each set, for a quick run)).
 */
public final class TrainFashionMnistCnn {
    static final int DEFAULT_EPOCHS = 5;
    static final String CONFUSION = "fashion-mnist-cnn-confusion.png";
    static final int BATCH = 128;
    static final double LR = 1e-3;

    /** Per epoch: train loss, test loss and accuracy; the seconds of the whole run and the last confusion matrix. */
    record Result(List<Double> trainLoss, List<Double> testLoss, List<Double> testAccuracy, double seconds,
                  ConfusionMatrix confusion) {}

    public static void main(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        Device device = FashionMnistTraining.takeDevice(a);
        long seed = FashionMnistTraining.takeLong(a, "--seed", 0, Long.MIN_VALUE);
        int limit = (int) FashionMnistTraining.takeLong(a, "--limit", -1, 1);
        int epochs = FashionMnistTraining.epochCount(a, DEFAULT_EPOCHS);
        Path png = Path.of(a.size() > 1 ? a.get(1) : "out/fashion-mnist-cnn-training.png");
        FashionMnist data = FashionMnist.load(a.size() > 2 ? Path.of(a.get(2)) : null);
        if (limit > 0) data = FashionMnistTraining.firstOf(data, limit);
        System.out.printf("Fashion-MNIST (%s): %,d training and %,d test images%n", data.source(), data.train().size(),
                data.test().size());
        if (device != Device.CPU) System.out.println("device: " + device);
        System.out.println(model());
        Result r = train(data, epochs, true, seed, device);
        int ran = r.testAccuracy().size();
        System.out.printf("%d epoch(s) in %.1f s; final test accuracy %.4f%n", ran, r.seconds(),
                r.testAccuracy().get(ran - 1));
        Plots.lines(png, "Fashion-MNIST, CNN (2 conv blocks), Adam 1e-3", "epoch", "loss / accuracy",
                FashionMnistTraining.epochs(1, ran), List.of("train loss", "test loss", "test accuracy"),
                List.of(FashionMnistTraining.toArray(r.trainLoss()), FashionMnistTraining.toArray(r.testLoss()),
                        FashionMnistTraining.toArray(r.testAccuracy())));
        System.out.println("curves: " + png.toAbsolutePath());
        FashionMnistTraining.reportConfusion(r.confusion(), epochs, png.toAbsolutePath().getParent().resolve(CONFUSION));
    }

    /** 1×28×28 → 32×14×14 → 64×7×7 → 10 logits. */
    static Sequential model() {
        return new Sequential(
                new Conv2d(1, 32, 3, 1, 1), new BatchNorm2d(32), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 3, 1, 1), new BatchNorm2d(64), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(64 * 7 * 7, 10));
    }

    /** A batch of N×28×28 images as the CNN's N×1×28×28 input: one channel. */
    static Tensor input(Tensor images) {
        return images.unsqueeze(1);
    }

    /** The initial weights come from {@code seed}, the batch order from {@code seed + 1}, as in benchmark_pytorch.py. */
    static Result train(FashionMnist data, int epochs, boolean progress, long seed, Device device) {
        Tensor.manualSeed(seed);
        Generator shuffle = new Generator(seed + 1);
        Sequential model = model();
        model.to(device);
        Adam optimizer = new Adam(model.parameters(), LR);
        CosineAnnealingLR schedule = new CosineAnnealingLR(optimizer, epochs);
        DataLoader loader = new DataLoader(data.train(), BATCH).shuffle(shuffle);
        List<Double> trainLoss = new ArrayList<>(), testLoss = new ArrayList<>(), accuracy = new ArrayList<>();
        FashionMnistTraining.Evaluation test = null;
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double loss;
            try (ProgressBar bar = FashionMnistTraining.progressBar(progress, epoch, loader.size())) {
                loss = FashionMnistTraining.epoch(model, loader, optimizer, TrainFashionMnistCnn::input, device, bar, -1);
            }
            schedule.step();
            test = FashionMnistTraining.evaluate(model, data.test(), TrainFashionMnistCnn::input, device);
            trainLoss.add(loss);
            testLoss.add(test.loss());
            accuracy.add(test.accuracy());
            if (progress) {
                System.out.printf("epoch %d  train loss %.4f  test loss %.4f  test accuracy %.4f  (%.0f s so far)%n", epoch,
                        loss, test.loss(), test.accuracy(), (System.nanoTime() - start) / 1e9);
            }
        }
        return new Result(trainLoss, testLoss, accuracy, (System.nanoTime() - start) / 1e9,
                test == null ? null : test.confusion());
    }

    /** Seconds over the first {@code batches} of an epoch's {@code epochBatches}, and their mean train loss. */
    record Timing(double seconds, int batches, int epochBatches, double trainLoss) {
        /** The epoch's time at the same pace. */
        double epochSeconds() {
            return seconds / batches * epochBatches;
        }
    }

    /**
     * The benchmark's CNN row: training on the first {@code batches} batches of an epoch from seed 0 on the
     * CPU, without a test evaluation.
     */
    static Timing timeBatches(FashionMnist data, int batches) {
        Tensor.manualSeed(0);
        Sequential model = model();
        Adam optimizer = new Adam(model.parameters(), LR);
        DataLoader loader = new DataLoader(data.train(), BATCH).shuffle(new Generator(1));
        long start = System.nanoTime();
        double loss = FashionMnistTraining.epoch(model, loader, optimizer, TrainFashionMnistCnn::input, Device.CPU, null,
                batches);
        return new Timing((System.nanoTime() - start) / 1e9, Math.min(batches, loader.size()), loader.size(), loss);
    }
}
