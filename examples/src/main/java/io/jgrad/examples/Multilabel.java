package io.jgrad.examples;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import io.jgrad.data.Batch;
import io.jgrad.data.DataLoader;
import io.jgrad.data.TensorDataset;
import io.jgrad.metrics.ClassScores;
import io.jgrad.metrics.Metrics;
import io.jgrad.nn.Linear;
import io.jgrad.nn.ReLU;
import io.jgrad.nn.Sequential;
import io.jgrad.nn.loss.BCEWithLogitsLoss;
import io.jgrad.nn.loss.CrossEntropyLoss;
import io.jgrad.nn.loss.Loss;
import io.jgrad.optim.Adam;
import java.nio.file.Path;

/**
 * Sigmoid cross entropy for multi-label classification: each 56×56 canvas holds two or three
 * Fashion-MNIST items in a 2×2 grid, and the target says which of the 10 garments appear. One
 * sigmoid per label with BCEWithLogitsLoss answers ten independent yes/no questions, so its outputs
 * need not sum to 1; softmax cross entropy against the normalised label vector forces them to, which
 * splits the probability between the garments present and leaves each below a 0.5 threshold.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=io.jgrad.examples.Multilabel}
 */
public final class Multilabel {
    static final double THRESHOLD = 0.5;

    /** Per-label precision and recall at the threshold, exact-match accuracy, and mean output sum. */
    record Scores(double[] precision, double[] recall, double exactMatch, double meanOutputSum) {}

    /** Canvases from {@code images} [N, 28, 28]: flattened [count, 3136] inputs and multi-hot float targets [count, 10]. */
    static TensorDataset canvases(TensorDataset images, int count, Generator g) {
        float[] x = new float[count * 56 * 56];
        float[] y = new float[count * 10];
        float[] pixels = images.inputs().toFloatArray();
        long[] labels = images.targets().toLongArray();
        for (int c = 0; c < count; c++) {
            int items = (int) g.nextLong(2, 4);
            long[] cells = {0, 1, 2, 3};
            for (int i = 3; i > 0; i--) {  // a random choice of cells
                int j = (int) g.nextLong(0, i + 1);
                long t = cells[i];
                cells[i] = cells[j];
                cells[j] = t;
            }
            for (int k = 0; k < items; k++) {
                int img = (int) g.nextLong(0, labels.length);
                int row0 = (int) (cells[k] / 2) * 28, col0 = (int) (cells[k] % 2) * 28;
                for (int r = 0; r < 28; r++) {
                    System.arraycopy(pixels, img * 784 + r * 28, x, c * 3136 + (row0 + r) * 56 + col0, 28);
                }
                y[c * 10 + (int) labels[img]] = 1;
            }
        }
        return new TensorDataset(Tensor.fromArray(x, count, 3136), Tensor.fromArray(y, count, 10));
    }

    /** Trains an MLP 3136-256-10 with the given loss; {@code softmax} feeds CE the normalised label vector. */
    static Sequential train(TensorDataset train, boolean softmax, int epochs) {
        Tensor.manualSeed(0);
        Sequential model = new Sequential(new Linear(3136, 256), new ReLU(), new Linear(256, 10));
        Adam opt = new Adam(model.parameters(), 1e-3);
        Loss<?> loss = softmax ? new CrossEntropyLoss() : new BCEWithLogitsLoss();
        DataLoader loader = new DataLoader(train, 128).shuffle(new Generator(5));
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (Batch b : loader) {
                Tensor target = softmax ? b.target().div(b.target().sum(1, true)) : b.target();
                opt.zeroGrad();
                loss.apply(model.apply(b.input()), target).backward();
                opt.step();
            }
        }
        return model;
    }

    static Scores evaluate(Sequential model, TensorDataset test, boolean softmax) {
        try (var g = Tensor.noGrad()) {
            Tensor logits = model.apply(test.inputs());
            Tensor probs = softmax ? logits.softmax(1) : logits.sigmoid();
            Tensor predicted = probs.ge(THRESHOLD), truth = test.targets();
            ClassScores s = Metrics.multilabelScores(predicted, truth);
            return new Scores(s.precision(), s.recall(), Metrics.exactMatch(predicted, truth), probs.sum(1).mean().item());
        }
    }

    public static void main(String[] args) {
        FashionMnist data = FashionMnist.load(args.length > 0 ? Path.of(args[0]) : null);
        Generator g = new Generator(3);
        TensorDataset train = canvases(data.train(), 6000, g), test = canvases(data.test(), 1000, g);
        System.out.printf("%,d training and %,d test canvases of 2-3 garments from %s%n", 6000, 1000, data.source());
        for (boolean softmax : new boolean[] {false, true}) {
            Scores s = evaluate(train(train, softmax, 5), test, softmax);
            System.out.printf("%n%s: outputs sum to %.2f on average; exact-match accuracy %.3f at threshold %.1f%n",
                    softmax ? "softmax + CrossEntropyLoss (normalised targets)" : "sigmoid + BCEWithLogitsLoss",
                    s.meanOutputSum(), s.exactMatch(), THRESHOLD);
            System.out.println("  label          precision  recall");
            for (int c = 0; c < 10; c++) {
                System.out.printf("  %-13s  %9.3f  %6.3f%n", FashionMnist.CLASSES.get(c), s.precision()[c], s.recall()[c]);
            }
        }
    }
}
