package io.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Tensor;
import io.jgrad.nn.Linear;
import io.jgrad.nn.Reduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** Each misuse gets a message that names the argument, what was seen and the fix; each warning logs once. */
class LossMisuseTest {
    private final Tensor logits = Tensor.randn(4, 5);
    @RegisterExtension
    final WarningLog log = new WarningLog();

    private static String message(Class<? extends Throwable> type, Executable call, String... fragments) {
        Throwable e = assertThrows(type, call);
        for (String f : fragments) assertTrue(e.getMessage().contains(f), () -> "missing \"" + f + "\" in: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void floatTargetForClassIndices() {
        message(IllegalArgumentException.class, () -> new CrossEntropyLoss().apply(logits, Tensor.of(0, 1, 2, 3)),
                "target must be int64 class indices", "got float32", "target.toLong()", "probabilities of the input's shape");
        message(IllegalArgumentException.class, () -> new NLLLoss().apply(logits.logSoftmax(1), Tensor.of(0, 1, 2, 3)),
                "nllLoss: target must be int64", "target.toLong()");
    }

    @Test
    void integerTargetForBinaryLosses() {
        message(IllegalArgumentException.class, () -> new BCEWithLogitsLoss().apply(logits, logits.gt(0.0).toLong()),
                "target must be floating point", "target.toFloat()");
    }

    @Test
    void classIndexOutOfRange() {
        message(IndexOutOfBoundsException.class, () -> new CrossEntropyLoss().apply(logits, Tensor.of(new long[] {0, 5, 1, 2})),
                "target 5 at position 1", "5 classes", "0-based", "ignoreIndex");
        message(IndexOutOfBoundsException.class, () -> new NLLLoss().apply(logits, Tensor.of(new long[] {0, -1, 1, 2})),
                "target -1 at position 1");
    }

    @Test
    void batchSizeMismatch() {
        message(IllegalArgumentException.class, () -> new CrossEntropyLoss().apply(logits, Tensor.of(new long[] {0, 1, 2})),
                "target has shape [3]", "expects [4]", "batch size 4", "target batch size 3");
    }

    @Test
    void columnTargetSuggestsSqueeze() {
        message(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().apply(logits, Tensor.of(new long[] {0, 1, 2, 3}).unsqueeze(1)),
                "target has shape [4, 1] but input [4, 5] expects [4]", "target.squeeze(1)");
    }

    @Test
    void weightOfTheWrongLength() {
        message(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().weight(Tensor.ones(4)).apply(logits, Tensor.of(new long[] {0, 1, 2, 3})),
                "weight tensor should be defined either for all 5 classes", "[4]");
    }

    @Test
    void posWeightNotBroadcastable() {
        message(IllegalArgumentException.class,
                () -> new BCEWithLogitsLoss().posWeight(Tensor.ones(4)).apply(logits, Tensor.rand(4, 5)),
                "posWeight of shape [4] does not broadcast to the input's shape [4, 5]");
    }

    @Test
    void probabilitiesOutsideZeroOne() {
        message(IllegalArgumentException.class, () -> new BCELoss().apply(logits, Tensor.rand(4, 5)),
                "all elements of input should be between 0 and 1", "binaryCrossEntropyWithLogits");
    }

    @Test
    void shapeMismatchIsNotBroadcast() {
        message(IllegalArgumentException.class, () -> new MSELoss().apply(Tensor.zeros(4, 1), Tensor.zeros(4)),
                "target size [4] is different from the input size [4, 1]");
        message(IllegalArgumentException.class, () -> new BCELoss().apply(Tensor.rand(2, 3), Tensor.rand(3)),
                "target size [3] is different from the input size [2, 3]");
    }

    @Test
    void labelSmoothingOutOfRange() {
        Tensor y = Tensor.of(new long[] {0, 1, 2, 3});
        message(IllegalArgumentException.class, () -> new CrossEntropyLoss().labelSmoothing(-0.1).apply(logits, y),
                "labelSmoothing must be between 0.0 and 1.0; got -0.1");
        message(IllegalArgumentException.class, () -> new CrossEntropyLoss().labelSmoothing(1.5).apply(logits, y),
                "got 1.5");
    }

    @Test
    void ignoreIndexWithProbabilityTargets() {
        message(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().ignoreIndex(1).apply(logits, logits.softmax(1)),
                "ignoreIndex is not supported for probability targets");
    }

    @Test
    void batchmeanOnlyForKl() {
        message(IllegalArgumentException.class,
                () -> new MSELoss().reduction(Reduction.BATCHMEAN).apply(logits, logits), "BATCHMEAN is only for KLDivLoss");
    }

    @Test
    void lossesTakeTwoArguments() {
        message(IllegalArgumentException.class, () -> new MSELoss().apply(logits), "takes (input, target)");
    }

    @Test
    void warnsOncePerCallSiteAboutDoubleSoftmax() {
        Tensor y = Tensor.of(new long[] {0, 1, 2, 3});
        for (int i = 0; i < 3; i++) new CrossEntropyLoss().apply(logits.requiresGrad(true).softmax(1), y);
        assertEquals(1, log.messages().size(), log.messages().toString());
        assertTrue(log.messages().get(0).contains("CrossEntropyLoss got the output of Softmax"), log.messages().get(0));
        new CrossEntropyLoss().apply(logits.logSoftmax(1), y);  // another call site
        assertEquals(2, log.messages().size());
    }

    // Without a grad_fn (no-grad, evaluation) CrossEntropyLoss looks at the values instead.

    @Test
    void warnsAboutSoftmaxOutputUnderNoGrad() {
        Tensor y = Tensor.of(new long[] {0, 1, 2, 3});
        try (var g = Tensor.noGrad()) {
            new CrossEntropyLoss().apply(logits.softmax(1), y);
        }
        assertEquals(1, log.messages().size(), log.messages().toString());
        assertTrue(log.messages().get(0).contains("look like probabilities"), log.messages().get(0));
        assertTrue(log.messages().get(0).contains("detected from the values"), log.messages().get(0));
    }

    @Test
    void warnsAboutLogSoftmaxOutputUnderNoGrad() {
        try (var g = Tensor.noGrad()) {
            new CrossEntropyLoss().apply(logits.logSoftmax(1), Tensor.of(new long[] {0, 1, 2, 3}));
        }
        assertEquals(1, log.messages().size(), log.messages().toString());
        assertTrue(log.messages().get(0).contains("look like log-probabilities"), log.messages().get(0));
    }

    @Test
    void checksTheClassDimOfImageShapedInput() {
        Tensor x = Tensor.randn(2, 3, 4), y = Tensor.zeros(2, 4).toLong();
        try (var g = Tensor.noGrad()) {
            new CrossEntropyLoss().apply(x.softmax(2), y);  // normalised along the wrong dim: not a distribution over classes
            assertTrue(log.messages().isEmpty(), log.messages().toString());
            new CrossEntropyLoss().apply(x.softmax(1), y);
        }
        assertEquals(1, log.messages().size(), log.messages().toString());
    }

    @Test
    void ordinaryLogitsUnderNoGradDoNotWarn() {
        Tensor y = Tensor.of(new long[] {0, 1, 2, 3});
        try (var g = Tensor.noGrad()) {
            new CrossEntropyLoss().apply(logits, y);
            new CrossEntropyLoss().apply(logits.abs(), y);               // >= 0 but rows do not sum to 1
            new CrossEntropyLoss().apply(logits.abs().neg(), y);         // <= 0 but exp does not sum to 1
            new CrossEntropyLoss().apply(Tensor.ones(4, 1), Tensor.zeros(4).toLong());  // one class: softmax is 1 anyway
            new CrossEntropyLoss().apply(Tensor.of(0.5, Double.NaN, 0.5), Tensor.of(new long[] {0}).squeeze());
        }
        assertTrue(log.messages().isEmpty(), log.messages().toString());
    }

    @Test
    void trainingPathDoesNotCheckTheValues() {
        // A Linear layer whose output happens to look like probabilities: with a grad_fn (AddBackward0) only
        // the graph is consulted, so no pass over the values and no warning; the same values without one warn.
        Linear layer = new Linear(5, 2);
        try (var g = Tensor.noGrad()) {
            layer.weight.zeroi();
            layer.bias.copyFrom(Tensor.of(0.25, 0.75));
        }
        Tensor y = Tensor.of(new long[] {0, 1, 1, 0});
        new CrossEntropyLoss().apply(layer.apply(logits), y).backward();
        new CrossEntropyLoss().apply(new Linear(5, 3).apply(logits), y);
        assertTrue(log.messages().isEmpty(), log.messages().toString());
        try (var g = Tensor.noGrad()) {
            new CrossEntropyLoss().apply(layer.apply(logits), y);
        }
        assertEquals(1, log.messages().size(), log.messages().toString());
    }

    @Test
    void warnsAboutPositiveLogProbabilities() {
        new NLLLoss().apply(logits.abs(), Tensor.of(new long[] {0, 1, 2, 3}));
        new KLDivLoss().reduction(Reduction.BATCHMEAN).apply(logits.abs(), logits.softmax(1));
        assertEquals(2, log.messages().size(), log.messages().toString());
        assertTrue(log.messages().get(0).contains("cannot be log-probabilities"));
    }

    @Test
    void warnsAboutSigmoidIntoBce() {
        Tensor x = Tensor.randn(3).requiresGrad(true);
        new BCELoss().apply(x.sigmoid(), Tensor.of(1, 0, 1));
        assertEquals(1, log.messages().size());
        assertTrue(log.messages().get(0).contains("BCEWithLogitsLoss"));
    }

    @Test
    void warnsThatKlMeanIsNotTheTrueKl() {
        new KLDivLoss().reduction(Reduction.MEAN).apply(logits.logSoftmax(1), logits.softmax(1));
        assertTrue(log.messages().get(0).contains("BATCHMEAN"), log.messages().toString());
    }
}
