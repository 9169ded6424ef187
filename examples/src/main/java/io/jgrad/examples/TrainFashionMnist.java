package io.jgrad.examples;

import io.jgrad.core.Device;
import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import io.jgrad.data.DataLoader;
import io.jgrad.metrics.ConfusionMatrix;
import io.jgrad.nn.Linear;
import io.jgrad.nn.ReLU;
import io.jgrad.nn.Sequential;
import io.jgrad.optim.Adam;
import io.jgrad.optim.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;

/**
 * Trains an MLP 784-256-10 (ReLU) on Fashion-MNIST with CrossEntropyLoss and Adam (lr 1e-3, batch 128),
 * the recipe with which PyTorch reaches 0.8715 test accuracy in 5 epochs. Prints train loss and test
 * accuracy per epoch and draws both curves into a PNG; at the end it prints the test confusion matrix
 * and draws it into a second PNG. Beside the PNGs it saves the model of the best
 * epoch (by test accuracy; {@link PredictFashionMnist} loads it) and a checkpoint after every epoch, from
 * which {@code --resume} continues: the result is the same, bit for bit, as a run that never stopped.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests exec:java
 * -Dexec.mainClass=io.jgrad.examples.TrainFashionMnist} (args: epochs, output PNG, data folder, and
 * {@code --resume} and {@code --device nd4j} anywhere).
 */
public final class TrainFashionMnist {
    static final Path BEST_MODEL = Path.of("out", "fashion-mnist-best.safetensors");
    static final String CHECKPOINT = "fashion-mnist-checkpoint.safetensors";
    static final String CONFUSION = "fashion-mnist-confusion.png";

    /**
     * Train loss and test accuracy of the epochs this call ran, from {@code firstEpoch} on, and the
     * test confusion matrix after the last (null when none ran).
     */
    record Result(List<Double> trainLoss, List<Double> testAccuracy, double seconds, boolean subset, int firstEpoch,
                  ConfusionMatrix confusion) {}

    public static void main(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        boolean resume = a.remove("--resume");
        Device device = FashionMnistTraining.takeDevice(a);
        int epochs = FashionMnistTraining.epochCount(a, 5);
        Path png = Path.of(a.size() > 1 ? a.get(1) : "out/fashion-mnist-training.png");
        FashionMnist data = FashionMnist.load(a.size() > 2 ? Path.of(a.get(2)) : null);
        System.out.printf("Fashion-MNIST (%s): %,d training and %,d test images%n", data.source(), data.train().size(),
                data.test().size());
        Path folder = png.toAbsolutePath().getParent();
        if (device != Device.CPU) System.out.println("device: " + device);
        Result r = train(data, epochs, true, folder, resume, device);
        int ran = r.testAccuracy().size();
        if (ran == 0) {
            System.out.printf("the checkpoint already holds %d epochs; ask for more to continue%n", r.firstEpoch() - 1);
            return;
        }
        System.out.printf("epochs %d to %d in %.1f s; final test accuracy %.4f%n", r.firstEpoch(), epochs, r.seconds(),
                r.testAccuracy().get(ran - 1));
        Plots.lines(png, "Fashion-MNIST, MLP 784-256-10, Adam 1e-3", "epoch", "loss / accuracy",
                FashionMnistTraining.epochs(r.firstEpoch(), ran), List.of("train loss", "test accuracy"),
                List.of(FashionMnistTraining.toArray(r.trainLoss()), FashionMnistTraining.toArray(r.testAccuracy())));
        System.out.println("curves: " + png.toAbsolutePath());
        FashionMnistTraining.reportConfusion(r.confusion(), epochs, folder.resolve(CONFUSION));
        System.out.println("best model: " + folder.resolve(BEST_MODEL.getFileName()) + "; checkpoint: "
                + folder.resolve(CHECKPOINT));
    }

    /** The network, in the same shape every time, so saved weights load into it. */
    static Sequential model() {
        return new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
    }

    static Result train(FashionMnist data, int epochs, boolean progress) {
        return train(data, epochs, progress, null, false, Device.CPU);
    }

    /**
     * With a {@code folder}, saves the best model and a checkpoint there each epoch; {@code resume}
     * starts from it. The model is built on the CPU and moved, so every device starts from the same weights.
     */
    static Result train(FashionMnist data, int epochs, boolean progress, Path folder, boolean resume, Device device) {
        Tensor.manualSeed(0);
        Generator shuffle = new Generator(1);
        Sequential model = model();
        model.to(device);
        Adam optimizer = new Adam(model.parameters(), 1e-3);
        DataLoader loader = new DataLoader(data.train(), 128).shuffle(shuffle);
        Checkpoint checkpoint = Checkpoint.of(model, optimizer).generator("shuffle", shuffle);
        int first = 1;
        double best = Double.NEGATIVE_INFINITY;
        if (resume) {
            Path file = folder.resolve(CHECKPOINT);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--resume: no checkpoint at " + file + "; run without --resume first");
            }
            best = bestSoFar(folder.resolve(BEST_MODEL.getFileName()), data, device);  // first: building it draws from the global generator
            first = (int) checkpoint.load(file) + 1;
            if (progress) System.out.printf("resuming after epoch %d from %s%n", first - 1, file);
        }
        if (folder != null) createDirectories(folder);
        List<Double> losses = new ArrayList<>(), accuracies = new ArrayList<>();
        ConfusionMatrix confusion = null;
        long start = System.nanoTime();
        for (int epoch = first; epoch <= epochs; epoch++) {
            double trainLoss;
            try (ProgressBar bar = FashionMnistTraining.progressBar(progress, epoch, loader.size())) {
                trainLoss = FashionMnistTraining.epoch(model, loader, optimizer, TrainFashionMnist::input, device, bar, -1);
            }
            losses.add(trainLoss);
            confusion = confusion(model, data, device);
            double accuracy = confusion.accuracy();
            accuracies.add(accuracy);
            if (progress) {
                System.out.printf("epoch %d  train loss %.4f  test accuracy %.4f%n", epoch, trainLoss, accuracy);
            }
            if (folder != null) {
                if (accuracy > best) {
                    best = accuracy;
                    model.save(folder.resolve(BEST_MODEL.getFileName()));
                }
                checkpoint.epoch(epoch).save(folder.resolve(CHECKPOINT));
            }
        }
        return new Result(losses, accuracies, (System.nanoTime() - start) / 1e9, data.subset(), first, confusion);
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + folder + " for the saved model and checkpoint", e);
        }
    }

    /** The test accuracy of the best model saved so far, or -inf when there is none. */
    private static double bestSoFar(Path file, FashionMnist data, Device device) {
        if (!Files.isRegularFile(file)) return Double.NEGATIVE_INFINITY;
        Sequential saved = model();
        saved.load(file);
        saved.to(device);
        return accuracy(saved, data, device);
    }

    static double accuracy(Sequential model, FashionMnist data) {
        return accuracy(model, data, Device.CPU);
    }

    static double accuracy(Sequential model, FashionMnist data, Device device) {
        return confusion(model, data, device).accuracy();
    }

    /** Test-set counts of (true, predicted) class pairs; the prediction is the argmax of the logits. */
    static ConfusionMatrix confusion(Sequential model, FashionMnist data, Device device) {
        return FashionMnistTraining.evaluate(model, data.test(), TrainFashionMnist::input, device).confusion();
    }

    /** A batch of N×28×28 images as the MLP's N×784 input. */
    static Tensor input(Tensor images) {
        return images.flatten(1, 2);
    }
}
