package io.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Tensor;
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
