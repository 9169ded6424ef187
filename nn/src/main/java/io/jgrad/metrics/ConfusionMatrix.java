package io.jgrad.metrics;

import io.jgrad.core.Device;
import io.jgrad.core.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs, as sklearn's {@code confusion_matrix}: row {@code i}
 * is true class {@code i}, column {@code j} predicted class {@code j}, so the diagonal holds the
 * correct predictions, row sums the support and column sums how often each class was predicted.
 * The matrix of no samples is all zeros (as {@code torch.bincount} of nothing); the scores of no
 * samples are refused (see {@link Metrics}).
 *
 * <pre>
 * jshell> var cm = ConfusionMatrix.of(Tensor.of(new long[] {0, 2, 1, 2}), Tensor.of(new long[] {0, 1, 1, 2}), 3);
 * jshell> cm.counts()
 * $2 ==> tensor([[1, 0, 0],
 *         [0, 1, 1],
 *         [0, 0, 1]])
 * jshell> cm.accuracy()
 * $3 ==> 0.75
 * </pre>
 */
public final class ConfusionMatrix {
    /** Past this a C×C matrix would not fit a Java array; a label that large is almost surely not a class index. */
    private static final int MAX_CLASSES = 46_340;

    private final long[] counts;
    private final int numClasses;
    private final Device device;

    private ConfusionMatrix(Labels.Classes classes, Device device) {
        this.numClasses = classes.numClasses();
        if (numClasses == 0) {
            throw new IllegalArgumentException("ConfusionMatrix.of: cannot tell the number of classes from no samples; "
                    + "pass numClasses");
        }
        if (numClasses > MAX_CLASSES) {
            throw new IllegalArgumentException("ConfusionMatrix: " + numClasses + " classes would need " + numClasses
                    + "² counts (at most " + MAX_CLASSES + " classes); are the labels class indices 0 to C - 1?");
        }
        this.counts = new long[numClasses * numClasses];
        this.device = device;
        for (int i = 0; i < classes.size(); i++) counts[(int) (classes.target()[i] * numClasses + classes.predicted()[i])]++;
    }

    /**
     * From scores [N, C] (logits or probabilities; the prediction is their argmax over dim 1, the
     * first index on ties, as PyTorch), or predicted labels [N] with C = the largest label + 1, and the
     * target class indices [N]. Labels may be int64, bool or whole-valued floating point.
     */
    public static ConfusionMatrix of(Tensor input, Tensor target) {
        Labels.Classes classes = Labels.classes("ConfusionMatrix.of", input, target, 0);
        return new ConfusionMatrix(classes, target.device());
    }

    /** As {@link #of(Tensor, Tensor)} with {@code numClasses} classes, so classes that never occur still get a row. */
    public static ConfusionMatrix of(Tensor input, Tensor target, int numClasses) {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("ConfusionMatrix.of: numClasses must be at least 1, got " + numClasses);
        }
        Labels.Classes classes = Labels.classes("ConfusionMatrix.of", input, target, numClasses);
        return new ConfusionMatrix(classes, target.device());
    }

    /** The counts, int64 [C, C] on the target's device: rows true classes, columns predicted ones. */
    public Tensor counts() {
        return Tensor.fromArray(counts.clone(), numClasses, numClasses).to(device);
    }

    public int numClasses() {
        return numClasses;
    }

    /** The number of samples counted. */
    public long total() {
        long n = 0;
        for (long v : counts) n += v;
        return n;
    }

    /** The trace over the total: the fraction of samples predicted right. Refuses a matrix of no samples. */
    public double accuracy() {
        long n = total(), right = 0;
        Labels.requireSamples("accuracy", n);
        for (int c = 0; c < numClasses; c++) right += counts[c * numClasses + c];
        return (double) right / n;
    }

    /** Per-class precision, recall, F1 and support, with their averages. */
    public ClassScores scores() {
        long[] tp = new long[numClasses], fp = new long[numClasses], fn = new long[numClasses];
        for (int t = 0; t < numClasses; t++) {
            for (int p = 0; p < numClasses; p++) {
                long v = counts[t * numClasses + p];
                if (t == p) {
                    tp[t] += v;
                } else {
                    fn[t] += v;
                    fp[p] += v;
                }
            }
        }
        return new ClassScores(tp, fp, fn, total(), false);
    }

    /** The counts as a table: a row per true class, a column per predicted class (headed by its index). */
    @Override
    public String toString() {
        return toString(null);
    }

    /**
     * As {@link #toString()}, each row labelled {@code "index name"}; the columns keep the indices so
     * the table stays as narrow as the counts.
     */
    public String toString(List<String> names) {
        String[] rows = rowNames(names, numClasses, "ConfusionMatrix.toString");
        if (names != null) for (int c = 0; c < numClasses; c++) rows[c] = c + " " + rows[c];
        int width = "true \\ predicted".length(), cell = String.valueOf(numClasses - 1).length();
        for (String r : rows) width = Math.max(width, r.length());
        for (long v : counts) cell = Math.max(cell, String.valueOf(v).length());
        StringBuilder sb = new StringBuilder(String.format("%-" + width + "s", "true \\ predicted"));
        for (int c = 0; c < numClasses; c++) sb.append(String.format("  %" + cell + "d", c));
        sb.append(System.lineSeparator());
        for (int t = 0; t < numClasses; t++) {
            sb.append(String.format("%-" + width + "s", rows[t]));
            for (int p = 0; p < numClasses; p++) sb.append(String.format("  %" + cell + "d", counts[t * numClasses + p]));
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** Row labels: the names given, one per class, or the class indices. */
    static String[] rowNames(List<String> names, int numClasses, String fn) {
        if (names != null && names.size() != numClasses) {
            throw new IllegalArgumentException(fn + ": got " + names.size() + " class names for " + numClasses
                    + " classes; pass one name per class, in class-index order");
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) out.add(names == null ? String.valueOf(c) : String.valueOf(names.get(c)));
        return out.toArray(String[]::new);
    }
}
