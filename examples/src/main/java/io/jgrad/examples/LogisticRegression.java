package io.jgrad.examples;

import io.jgrad.core.Tensor;
import io.jgrad.metrics.Metrics;
import io.jgrad.nn.Linear;
import io.jgrad.nn.loss.BCEWithLogitsLoss;
import io.jgrad.nn.loss.CrossEntropyLoss;
import io.jgrad.nn.loss.Loss;
import io.jgrad.optim.SGD;
import java.util.List;
import java.util.Map;

/**
 * Logistic regression is a neural network with no hidden layer: {@code Linear(d, 1)} and
 * BCEWithLogitsLoss, trained by gradient descent on the Wisconsin breast-cancer data (30 features,
 * malignant or benign), with an L2 penalty on the weights only (a second parameter group gives the bias
 * none), which makes the optimum unique; the test checks it against Newton's method. The multinomial
 * version, {@code Linear(d, C)} and CrossEntropyLoss, classifies the three Iris species.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=io.jgrad.examples.LogisticRegression}
 */
public final class LogisticRegression {
    static final double L2 = 0.01;

    /** The fitted model, its standardised inputs and targets. */
    record Fit(Linear model, Tensor x, Tensor y, double loss, double accuracy) {}

    /** Gradient descent on mean BCE + (L2 / 2)·|w|², full batch. */
    static Fit binary(int steps) {
        Table data = Table.load("breast_cancer.csv");
        Tensor x = Table.standardize(data.features()), y = data.labels().toFloat().unsqueeze(1);
        Tensor.manualSeed(0);
        Linear model = new Linear(x.size(1), 1);
        SGD opt = new SGD(List.of(model.weight), 0.5).weightDecay(L2);
        opt.addParamGroup(List.of(model.bias), Map.of("weight_decay", 0.0));
        BCEWithLogitsLoss criterion = new BCEWithLogitsLoss();
        double loss = descend(model, opt, criterion, x, y, steps);
        double accuracy;
        try (var g = Tensor.noGrad()) {
            accuracy = Metrics.accuracy(model.apply(x).squeeze(1).gt(0.0), y.squeeze(1));  // logit > 0: malignant
        }
        return new Fit(model, x, y, loss, accuracy);
    }

    /** Softmax regression on Iris: {@code Linear(4, 3)} and CrossEntropyLoss. */
    static Fit multinomial(int steps) {
        Table data = Table.load("iris.csv");
        Tensor x = Table.standardize(data.features()), y = data.labels();
        Tensor.manualSeed(0);
        Linear model = new Linear(4, 3);
        SGD opt = new SGD(model.parameters(), 0.5);
        CrossEntropyLoss criterion = new CrossEntropyLoss();
        double loss = descend(model, opt, criterion, x, y, steps);
        double accuracy;
        try (var g = Tensor.noGrad()) {
            accuracy = Metrics.accuracy(model.apply(x), y);
        }
        return new Fit(model, x, y, loss, accuracy);
    }

    /** Full-batch gradient descent; returns the loss at the last step. */
    private static double descend(Linear model, SGD opt, Loss<?> criterion, Tensor x, Tensor y, int steps) {
        double loss = Double.NaN;
        for (int i = 0; i < steps; i++) {
            opt.zeroGrad();
            Tensor l = criterion.apply(model.apply(x), y);
            l.backward();
            opt.step();
            loss = l.item();
        }
        return loss;
    }

    public static void main(String[] args) {
        Fit b = binary(3000);
        System.out.printf("breast cancer, Linear(30, 1) + BCEWithLogitsLoss, L2 %.2f on the weights:%n", L2);
        System.out.printf("  loss %.5f, training accuracy %.4f, bias %.4f%n", b.loss(), b.accuracy(), b.model().bias.item());
        System.out.println("  weights (standardised features): " + b.model().weight);
        Fit m = multinomial(1000);
        System.out.printf("Iris, Linear(4, 3) + CrossEntropyLoss: loss %.5f, training accuracy %.4f%n", m.loss(), m.accuracy());
    }
}
