package io.jgrad.examples;

import io.jgrad.core.Device;
import io.jgrad.core.Tensor;
import io.jgrad.data.Batch;
import io.jgrad.data.DataLoader;
import io.jgrad.data.TensorDataset;
import io.jgrad.metrics.ConfusionMatrix;
import io.jgrad.nn.Module;
import io.jgrad.nn.loss.CrossEntropyLoss;
import io.jgrad.optim.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What {@link TrainFashionMnist} (an MLP) and {@link TrainFashionMnistCnn} share: an epoch of training with
 * its progress bar, the test evaluation, their command-line options and the confusion-matrix report. The
 * two differ in the network and in how a batch of N×28×28 images becomes its input ({@code toInput}).
 */
final class FashionMnistTraining {
    /**
     * Test images per forward pass: the CNN's first activations for all 10,000 at once would take over a
     * gigabyte. benchmark_pytorch.py's accuracy() evaluates in the same chunks.
     */
    static final int TEST_CHUNK = 1000;

    private FashionMnistTraining() {}

    /**
     * One epoch (or its first {@code maxBatches} batches, all when negative) of zeroGrad, loss, backward,
     * step, in training mode; the mean train loss over the images seen.
     */
    static double epoch(Module model, DataLoader loader, Optimizer optimizer, UnaryOperator<Tensor> toInput,
                        Device device, ProgressBar bar, int maxBatches) {
        model.train();
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        double sum = 0;
        int seen = 0, batches = 0;
        for (Batch b : loader) {
            if (batches++ == maxBatches) break;
            optimizer.zeroGrad();
            Tensor loss = criterion.apply(model.apply(toInput.apply(b.input().to(device))), b.target().to(device));
            loss.backward();
            optimizer.step();
            sum += loss.item() * b.size();
            seen += b.size();
            if (bar != null) bar.step();
        }
        return sum / seen;
    }

    /** An ASCII progress bar over an epoch's batches, or null when {@code show} is false. */
    static ProgressBar progressBar(boolean show, int epoch, int batches) {
        return show ? new ProgressBarBuilder().setTaskName("epoch " + epoch).setInitialMax(batches)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build() : null;
    }

    /** The mean cross-entropy over the test set and its counts of (true, predicted) class pairs. */
    record Evaluation(double loss, ConfusionMatrix confusion) {
        double accuracy() {
            return confusion.accuracy();
        }
    }

    /**
     * The model in eval mode (BatchNorm then uses its running statistics) on the test set, in chunks of
     * {@link #TEST_CHUNK}; the prediction is the argmax of the logits.
     */
    static Evaluation evaluate(Module model, TensorDataset test, UnaryOperator<Tensor> toInput, Device device) {
        model.eval();
        try (var g = Tensor.noGrad()) {
            List<Tensor> logits = new ArrayList<>();
            for (Tensor images : test.inputs().split(TEST_CHUNK, 0)) logits.add(model.apply(toInput.apply(images.to(device))));
            Tensor all = Tensor.cat(logits, 0);
            Tensor targets = test.targets().to(device);
            return new Evaluation(new CrossEntropyLoss().apply(all, targets).item(), ConfusionMatrix.of(all, targets));
        }
    }

    /** The first {@code n} images of each set (all when it has fewer), for quick runs. */
    static FashionMnist firstOf(FashionMnist data, int n) {
        return new FashionMnist(firstOf(data.train(), n), firstOf(data.test(), n), data.source() + ", first " + n,
                data.subset());
    }

    private static TensorDataset firstOf(TensorDataset set, int n) {
        int k = Math.min(n, set.size());
        return new TensorDataset(set.inputs().narrow(0, 0, k), set.targets().narrow(0, 0, k));
    }

    /** Removes {@code --device X} from the arguments; the CPU when absent. */
    static Device takeDevice(List<String> args) {
        int at = args.indexOf("--device");
        if (at < 0) return Device.CPU;
        if (at + 1 >= args.size()) throw new IllegalArgumentException("--device needs a value: cpu or nd4j");
        Device device = Device.of(args.remove(at + 1));
        args.remove(at);
        return device;
    }

    /** The first positional argument, the number of epochs (at least 1); {@code absent} when there is none. */
    static int epochCount(List<String> args, int absent) {
        if (args.isEmpty()) return absent;
        try {
            int n = Integer.parseInt(args.get(0));
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("epochs (the first argument) must be a whole number >= 1, got '" + args.get(0)
                + "'");
    }

    /** Removes {@code name N} from the arguments; {@code absent} when it is not there. */
    static long takeLong(List<String> args, String name, long absent, long min) {
        int at = args.indexOf(name);
        if (at < 0) return absent;
        String value = at + 1 < args.size() ? args.remove(at + 1) : "";
        args.remove(at);
        try {
            long n = Long.parseLong(value);
            if (n >= min) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " needs a whole number" + (min == Long.MIN_VALUE ? "" : " >= " + min)
                + ", got '" + value + "'");
    }

    /** Prints the test confusion matrix after {@code epoch} and draws it into {@code file}. */
    static void reportConfusion(ConfusionMatrix confusion, int epoch, Path file) {
        System.out.println("test confusion matrix after epoch " + epoch + " (rows: true class, columns: predicted):");
        System.out.print(confusion.toString(FashionMnist.CLASSES));
        Path heatmap = Plots.confusionMatrix(file, "Fashion-MNIST test set, epoch " + epoch, confusion,
                FashionMnist.CLASSES);
        System.out.println("confusion matrix: " + heatmap);
    }

    /** Epoch numbers {@code first, first + 1, ...}, one per value, for the x axis of the curves. */
    static double[] epochs(int first, int count) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) x[i] = first + i;
        return x;
    }

    static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
