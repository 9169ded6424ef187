package io.jgrad.metrics;

import static io.jgrad.core.ErrorAssert.assertError;

import io.jgrad.core.DType;
import io.jgrad.core.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per refusal: each names the argument, what it saw, what was expected and the fix. */
class MetricsInputTest {
    private static final Tensor Y = Tensor.of(new long[] {0, 1, 2});
    private static final Tensor SCORES = Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    private static final Tensor M = Tensor.of(new long[][] {{1, 0}, {0, 1}});

    @Test
    void targetMustBeOneDimensional() {
        assertError(IllegalArgumentException.class, () -> Metrics.accuracy(SCORES, Y.unsqueeze(1)),
                "accuracy: target must be class indices of shape [N], got shape [3, 1]", "Metrics.exactMatch");
    }

    @Test
    void inputMustMatchTheTarget() {
        assertError(IllegalArgumentException.class, () -> Metrics.accuracy(Tensor.of(new long[] {0, 1}), Y),
                "accuracy: input has shape [2] but target [3] expects predicted labels [3] or scores [3, C]");
        assertError(IllegalArgumentException.class, () -> ConfusionMatrix.of(SCORES.unsqueeze(0), Y), "input has shape [1, 3, 3]");
    }

    @Test
    void scoresMustBeFloatingPoint() {
        assertError(IllegalArgumentException.class, () -> Metrics.accuracy(SCORES.toLong(), Y),
                "scores [N, C] must be floating point (logits or probabilities), got int64 [3, 3]");
    }

    @Test
    void labelsMustBeWholeNumbers() {
        assertError(IllegalArgumentException.class, () -> Metrics.accuracy(Tensor.of(0.2, 0.9, 0.4), Y),
                "accuracy: input must hold labels (whole numbers), found 0.2", "scores [N, C] for the argmax");
        assertError(IllegalArgumentException.class, () -> Metrics.accuracy(SCORES, Tensor.of(0, Double.NaN, 2)),
                "target must hold labels (whole numbers), found NaN");
        assertError(IllegalArgumentException.class, () -> Metrics.accuracy(SCORES, Tensor.of(0, Double.POSITIVE_INFINITY, 2)),
                "found Infinity");
    }

    @Test
    void labelsMustBeClassIndices() {
        assertError(IllegalArgumentException.class, () -> Metrics.accuracy(Tensor.of(new long[] {0, -1, 2}), Y),
                "accuracy: input holds -1 but class indices start at 0");
        assertError(IllegalArgumentException.class, () -> Metrics.accuracy(SCORES, Tensor.of(new long[] {0, 3, 1})),
                "accuracy: target holds class 3 but classes are 0 to 2; pass numClasses > 3");
        assertError(IllegalArgumentException.class, () -> ConfusionMatrix.of(Y, Y, 2), "input holds class 2 but classes are 0 to 1");
    }

    @Test
    void numClassesMustFit() {
        assertError(IllegalArgumentException.class, () -> ConfusionMatrix.of(Y, Y, 0), "numClasses must be at least 1, got 0");
        assertError(IllegalArgumentException.class, () -> ConfusionMatrix.of(SCORES, Y, 4),
                "numClasses is 4 but the scores have 3 columns");
        assertError(IllegalArgumentException.class, () -> ConfusionMatrix.of(Tensor.zeros(0, 0), Tensor.zeros(DType.INT64, 0)),
                "numClasses must be at least 1, got scores of shape [0, 0]");
        assertError(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(Tensor.zeros(DType.INT64, 0), Tensor.zeros(DType.INT64, 0)),
                "cannot tell the number of classes from no samples; pass numClasses");
        Tensor huge = Tensor.of(new long[] {0, 100_000});
        assertError(IllegalArgumentException.class, () -> ConfusionMatrix.of(huge, huge),
                "100001 classes would need 100001² counts", "are the labels class indices");
    }

    @Test
    void nullArguments() {
        assertError(NullPointerException.class, () -> Metrics.accuracy(null, Y), "accuracy: input is null");
        assertError(NullPointerException.class, () -> ConfusionMatrix.of(SCORES, null), "ConfusionMatrix.of: target is null");
        assertError(NullPointerException.class, () -> ConfusionMatrix.of(SCORES, Y).scores().recall(null),
                "recall: average is null; use recall() for per-class values");
    }

    @Test
    void multilabelShapes() {
        assertError(IllegalArgumentException.class, () -> Metrics.exactMatch(M, M.narrow(0, 0, 1)),
                "exactMatch: input and target must be 0/1 matrices of one shape [N, L], got [2, 2] and [1, 2]");
        assertError(IllegalArgumentException.class, () -> Metrics.hammingLoss(Y, Y), "got [3] and [3]", "Metrics.accuracy");
        assertError(IllegalArgumentException.class, () -> Metrics.hammingLoss(Tensor.zeros(2, 0), Tensor.zeros(2, 0)),
                "hammingLoss: no labels (L = 0)");
    }

    @Test
    void multilabelValuesMustBeIndicators() {
        assertError(IllegalArgumentException.class, () -> Metrics.multilabelScores(M.mul(2), M),
                "multilabelScores: input must hold 0 or 1 (multi-label indicators), found 2; threshold probabilities first");
        assertError(IllegalArgumentException.class, () -> Metrics.exactMatch(M, Tensor.of(new double[][] {{0.7, 0}, {0, 1}})),
                "exactMatch: target must hold labels (whole numbers), found 0.699999988079071", "thresholded 0/1 indicators");
    }

    @Test
    void emptyMultilabel() {
        Tensor none = Tensor.zeros(0, 3);
        assertError(IllegalArgumentException.class, () -> Metrics.exactMatch(none, none), "exactMatch: no samples (N = 0)");
        assertError(IllegalArgumentException.class, () -> Metrics.hammingLoss(none, none), "hammingLoss: no samples");
        assertError(IllegalArgumentException.class, () -> Metrics.multilabelScores(none, none).precision(Average.MICRO),
                "precision(MICRO): no samples");
    }

    @Test
    void classNamesMustMatchTheClasses() {
        ConfusionMatrix cm = ConfusionMatrix.of(SCORES, Y);
        assertError(IllegalArgumentException.class, () -> cm.toString(List.of("a", "b")),
                "ConfusionMatrix.toString: got 2 class names for 3 classes");
        assertError(IllegalArgumentException.class, () -> cm.scores().toString(List.of("a")),
                "ClassScores.toString: got 1 class names for 3 classes");
    }

    @Test
    void averageNames() {
        assertError(IllegalArgumentException.class, () -> Average.of("none"),
                "average: 'none' is not one of macro, micro, weighted; per-class values come from precision()");
    }
}
