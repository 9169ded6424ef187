package io.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * ignoreIndex with class-probability targets, as PyTorch 1.13: every negative value is accepted and
 * ignored (F.cross_entropy(x, p, ignore_index=-1) equals the default), while 0 or more raises
 * "ignore_index is not supported for floating point target".
 */
class CrossEntropyProbabilityTargetTest {
    private final Tensor logits = Tensor.of(new double[][] {{2, 0, -1}, {0.5, 1, 0}});
    private final Tensor probs = Tensor.of(new double[][] {{0.7, 0.2, 0.1}, {0, 0.5, 0.5}});

    @Test
    void anyNegativeIgnoreIndexIsAccepted() {
        double expected = new CrossEntropyLoss().apply(logits, probs).item();
        for (int ignore : new int[] {-1, -5, -100, Integer.MIN_VALUE}) {
            assertEquals(expected, new CrossEntropyLoss().ignoreIndex(ignore).apply(logits, probs).item(), 0, "" + ignore);
        }
        double smoothed = new CrossEntropyLoss().labelSmoothing(0.1).apply(logits, probs).item();
        assertEquals(smoothed, new CrossEntropyLoss().ignoreIndex(-1).labelSmoothing(0.1).apply(logits, probs).item(), 0);
    }

    @Test
    void nonNegativeIgnoreIndexIsRejected() {
        for (int ignore : new int[] {0, 5}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> new CrossEntropyLoss().ignoreIndex(ignore).apply(logits, probs));
            assertTrue(e.getMessage().contains("ignoreIndex is not supported for probability targets (got " + ignore),
                    e.getMessage());
        }
    }
}
