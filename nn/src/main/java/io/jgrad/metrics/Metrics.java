package io.jgrad.metrics;

import io.jgrad.core.Tensor;

/**
 * Classification metrics on prediction and target tensors, with sklearn's definitions and its
 * {@code zero_division=0} (what torchmetrics returns too). Results are Java numbers, computed from the
 * tensors' values on the host, never recorded by autograd.
 *
 * <ul>
 *   <li>Class indices: the input is predicted labels [N] or scores [N, C] (logits or probabilities,
 *       predicted class = argmax over dim 1, the first index on ties, as PyTorch), the target class
 *       indices [N]; labels may be int64, bool, or floating point holding whole numbers.
 *       {@link #accuracy}; per-class precision, recall and F1 through {@link ConfusionMatrix#scores()}.
 *   <li>Multi-label: input and target 0/1 matrices [N, L] (int64, bool or floating 0/1; threshold
 *       probabilities first, e.g. {@code probs.ge(0.5)}). {@link #exactMatch}, {@link #hammingLoss},
 *       {@link #multilabelScores}.
 *   <li>No samples (N = 0): every score here is refused with an IllegalArgumentException, since an
 *       average over nothing is undefined (sklearn answers nan or 0 with a warning, PyTorch's
 *       {@code eq(...).float().mean()} nan); a confusion matrix of nothing is all zeros.
 * </ul>
 *
 * <pre>
 * jshell> var logits = Tensor.of(new double[][] {{2, 1, 0}, {0, 3, 3}, {1, 0, 2}});
 * jshell> Metrics.accuracy(logits, Tensor.of(new long[] {0, 2, 2}))
 * $2 ==> 0.6666666666666666
 * jshell> Metrics.hammingLoss(Tensor.of(new long[][] {{1, 0}, {1, 1}}), Tensor.of(new long[][] {{1, 1}, {1, 1}}))
 * $3 ==> 0.25
 * </pre>
 * (The second row's tie between classes 1 and 2 predicts 1, so it counts as wrong.)
 */
public final class Metrics {
    private Metrics() {}

    /** The fraction of samples whose predicted class equals the target (sklearn's {@code accuracy_score}). */
    public static double accuracy(Tensor input, Tensor target) {
        Labels.Classes c = Labels.classes("accuracy", input, target, 0);
        Labels.requireSamples("accuracy", c.size());
        long right = 0;
        for (int i = 0; i < c.size(); i++) right += c.predicted()[i] == c.target()[i] ? 1 : 0;
        return (double) right / c.size();
    }

    /** Multi-label subset accuracy: the fraction of rows predicted exactly, every label right (sklearn's {@code accuracy_score}). */
    public static double exactMatch(Tensor input, Tensor target) {
        long[][] pt = Labels.indicators("exactMatch", input, target);
        int n = input.size(0), labels = input.size(1);
        Labels.requireSamples("exactMatch", n);
        long exact = 0;
        for (int i = 0; i < n; i++) {
            boolean same = true;
            for (int l = 0; l < labels && same; l++) same = pt[0][i * labels + l] == pt[1][i * labels + l];
            exact += same ? 1 : 0;
        }
        return (double) exact / n;
    }

    /** The fraction of labels predicted wrong, over all N·L of them (sklearn's {@code hamming_loss}). */
    public static double hammingLoss(Tensor input, Tensor target) {
        long[][] pt = Labels.indicators("hammingLoss", input, target);
        Labels.requireSamples("hammingLoss", input.size(0));
        long wrong = 0;
        for (int i = 0; i < pt[0].length; i++) wrong += pt[0][i] != pt[1][i] ? 1 : 0;
        return (double) wrong / pt[0].length;
    }

    /**
     * Per-label precision, recall, F1 and support of multi-label 0/1 matrices [N, L]; every label
     * counts in the macro average, as in sklearn and torchmetrics.
     */
    public static ClassScores multilabelScores(Tensor input, Tensor target) {
        long[][] pt = Labels.indicators("multilabelScores", input, target);
        int labels = input.size(1);
        long[] tp = new long[labels], fp = new long[labels], fn = new long[labels];
        for (int i = 0; i < pt[0].length; i++) {
            int l = i % labels;
            long p = pt[0][i], t = pt[1][i];
            tp[l] += p & t;
            fp[l] += p & (1 - t);
            fn[l] += (1 - p) & t;
        }
        return new ClassScores(tp, fp, fn, input.size(0), true);
    }
}
