package io.jgrad.examples;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import io.jgrad.data.Batch;
import io.jgrad.data.DataLoader;
import io.jgrad.data.FashionMnist;
import io.jgrad.nn.Linear;
import io.jgrad.nn.ReLU;
import io.jgrad.nn.Sequential;
import io.jgrad.nn.loss.CrossEntropyLoss;
import io.jgrad.optim.Adam;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Trains an MLP 784-256-10 (ReLU) on Fashion-MNIST with CrossEntropyLoss and Adam (lr 1e-3, batch 128),
 * the recipe with which PyTorch reaches 0.8715 test accuracy in 5 epochs. Prints train loss and test
 * accuracy per epoch and draws both curves into a PNG.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests exec:java
 * -Dexec.mainClass=io.jgrad.examples.TrainFashionMnist} (args: epochs, output PNG, data folder).
 */
public final class TrainFashionMnist {
    record Result(List<Double> trainLoss, List<Double> testAccuracy, double seconds, boolean subset) {}

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path png = Path.of(args.length > 1 ? args[1] : "out/fashion-mnist-training.png");
        FashionMnist data = FashionMnist.load(args.length > 2 ? Path.of(args[2]) : null);
        System.out.printf("Fashion-MNIST (%s): %,d training and %,d test images%n", data.source(), data.train().size(),
                data.test().size());
        Result r = train(data, epochs, true);
        System.out.printf("%d epochs in %.1f s; final test accuracy %.4f%n", epochs, r.seconds(),
                r.testAccuracy().get(epochs - 1));
        double[] x = new double[epochs];
        for (int i = 0; i < epochs; i++) x[i] = i + 1;
        Plots.lines(png, "Fashion-MNIST, MLP 784-256-10, Adam 1e-3", "epoch", "loss / accuracy", x,
                List.of("train loss", "test accuracy"),
                List.of(toArray(r.trainLoss()), toArray(r.testAccuracy())));
        System.out.println("curves: " + png.toAbsolutePath());
    }

    static Result train(FashionMnist data, int epochs, boolean progress) {
        Tensor.manualSeed(0);
        Generator shuffle = new Generator(1);
        Sequential model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 10));
        Adam optimizer = new Adam(model.parameters(), 1e-3);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        DataLoader loader = new DataLoader(data.train(), 128).shuffle(shuffle);
        List<Double> losses = new ArrayList<>(), accuracies = new ArrayList<>();
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            model.train();
            double sum = 0;
            int seen = 0;
            try (ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("epoch " + epoch).setInitialMax(loader.size())
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build() : null) {
                for (Batch b : loader) {
                    optimizer.zeroGrad();
                    Tensor loss = criterion.apply(model.apply(b.input().flatten(1, 2)), b.target());
                    loss.backward();
                    optimizer.step();
                    sum += loss.item() * b.size();
                    seen += b.size();
                    if (bar != null) bar.step();
                }
            }
            losses.add(sum / seen);
            accuracies.add(accuracy(model, data));
            if (progress) {
                System.out.printf("epoch %d  train loss %.4f  test accuracy %.4f%n", epoch, losses.get(epoch - 1),
                        accuracies.get(epoch - 1));
            }
        }
        return new Result(losses, accuracies, (System.nanoTime() - start) / 1e9, data.subset());
    }

    static double accuracy(Sequential model, FashionMnist data) {
        model.eval();
        try (var g = Tensor.noGrad()) {
            Tensor predicted = model.apply(data.test().inputs().flatten(1, 2)).argmax(1);
            return predicted.eq(data.test().targets()).toFloat().mean().item();
        }
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
