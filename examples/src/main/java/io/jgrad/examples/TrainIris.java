package io.jgrad.examples;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import java.util.List;

/**
 * A 4-16-3 network learns to tell three Iris species apart, written with nothing but Tensor ops and a
 * hand-written SGD step: what {@code nn} and {@code optim} package up. Prints the loss falling and the
 * held-out accuracy.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests exec:java}
 */
public final class TrainIris {
    /** Loss and accuracy after training, for the smoke test. */
    record Result(double firstLoss, double lastLoss, double testAccuracy) {}

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Result r = train(epochs, true);
        System.out.printf("loss %.4f -> %.4f, test accuracy %.3f%n", r.firstLoss, r.lastLoss, r.testAccuracy);
    }

    static Result train(int epochs, boolean verbose) {
        Table iris = Table.load("iris.csv");
        Generator g = new Generator(0);
        Tensor x = Table.standardize(iris.features());
        // Hold out every fifth flower: the file is sorted by species, so this stratifies the split.
        Tensor xTrain = x.indexSelect(0, keep(150, true)), yTrain = iris.labels().indexSelect(0, keep(150, true));
        Tensor xTest = x.indexSelect(0, keep(150, false)), yTest = iris.labels().indexSelect(0, keep(150, false));

        Tensor w1 = init(g, 4, 16), b1 = init(g, 16), w2 = init(g, 16, 3), b2 = init(g, 3);
        List<Tensor> params = List.of(w1, b1, w2, b2);
        double lr = 0.1, first = Double.NaN, last = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Tensor logits = xTrain.matmul(w1).add(b1).tanh().matmul(w2).add(b2);
            Tensor loss = logits.logSoftmax(1).gather(1, yTrain.unsqueeze(1)).mean().neg();
            loss.backward();
            try (var noGrad = Tensor.noGrad()) {
                for (Tensor p : params) {
                    p.addi(p.grad(), -lr);
                    p.zeroGrad();
                }
            }
            last = loss.item();
            if (epoch == 1) first = last;
            if (verbose && (epoch == 1 || epoch % 25 == 0)) System.out.printf("epoch %3d  loss %.4f%n", epoch, last);
        }
        double accuracy;
        try (var noGrad = Tensor.noGrad()) {
            Tensor predicted = xTest.matmul(w1).add(b1).tanh().matmul(w2).add(b2).argmax(1);
            accuracy = predicted.eq(yTest).toFloat().mean().item();
        }
        return new Result(first, last, accuracy);
    }

    /** Indices 0..n-1 in the training split (not a multiple of 5) or the test split. */
    private static Tensor keep(int n, boolean train) {
        return Tensor.of(java.util.stream.LongStream.range(0, n).filter(i -> (i % 5 != 0) == train).toArray());
    }

    /** PyTorch's Linear initialisation: uniform in ±1/sqrt(fan_in). */
    private static Tensor init(Generator g, int... shape) {
        double bound = 1 / Math.sqrt(shape[0]);
        return Tensor.rand(g, shape).mul(2 * bound).sub(bound).requiresGrad(true);
    }
}
