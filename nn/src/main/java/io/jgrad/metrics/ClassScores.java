package io.jgrad.metrics;

import java.util.List;

/**
 * Per-class precision, recall, F1 and support, and their averages, from true positive, false positive
 * and false negative counts: {@link ConfusionMatrix#scores()} for class indices,
 * {@link Metrics#multilabelScores} for multi-label matrices. sklearn's
 * {@code precision_recall_fscore_support(..., zero_division=0)}: a ratio whose denominator is 0 (a
 * class never predicted has no precision, one absent from the target no recall) is 0, as
 * torchmetrics also returns. The values are computed on each call; the arrays returned are copies.
 */
public final class ClassScores {
    private final long[] tp, fp, fn;
    private final long samples;
    private final boolean multilabel;

    ClassScores(long[] tp, long[] fp, long[] fn, long samples, boolean multilabel) {
        this.tp = tp;
        this.fp = fp;
        this.fn = fn;
        this.samples = samples;
        this.multilabel = multilabel;
    }

    public int numClasses() {
        return tp.length;
    }

    /** tp / (tp + fp) per class; 0 for a class never predicted. */
    public double[] precision() {
        double[] out = new double[tp.length];
        for (int c = 0; c < out.length; c++) out[c] = ratio(tp[c], tp[c] + fp[c]);
        return out;
    }

    /** tp / (tp + fn) per class; 0 for a class with no support. */
    public double[] recall() {
        double[] out = new double[tp.length];
        for (int c = 0; c < out.length; c++) out[c] = ratio(tp[c], tp[c] + fn[c]);
        return out;
    }

    /** 2·tp / (2·tp + fp + fn) per class, the harmonic mean of precision and recall; 0 when tp = 0. */
    public double[] f1() {
        double[] out = new double[tp.length];
        for (int c = 0; c < out.length; c++) out[c] = ratio(2 * tp[c], 2 * tp[c] + fp[c] + fn[c]);
        return out;
    }

    /** The number of true instances of each class (tp + fn). */
    public long[] support() {
        long[] out = new long[tp.length];
        for (int c = 0; c < out.length; c++) out[c] = tp[c] + fn[c];
        return out;
    }

    public double precision(Average average) {
        return average(average, "precision", precision(), sum(tp), sum(tp) + sum(fp));
    }

    public double recall(Average average) {
        return average(average, "recall", recall(), sum(tp), sum(tp) + sum(fn));
    }

    public double f1(Average average) {
        return average(average, "f1", f1(), 2 * sum(tp), 2 * sum(tp) + sum(fp) + sum(fn));
    }

    private double average(Average average, String what, double[] perClass, long microTop, long microBottom) {
        if (average == null) throw new NullPointerException(what + ": average is null; use " + what + "() for per-class values");
        Labels.requireSamples(what + "(" + average + ")", samples);
        long[] support = support();
        double sum = 0, weights = 0;
        for (int c = 0; c < perClass.length; c++) {
            double w = switch (average) {
                case MACRO -> multilabel || tp[c] + fp[c] + fn[c] > 0 ? 1 : 0;
                case WEIGHTED -> support[c];
                case MICRO -> 0;
            };
            sum += w * perClass[c];
            weights += w;
        }
        return average == Average.MICRO ? ratio(microTop, microBottom) : weights == 0 ? 0 : sum / weights;
    }

    /**
     * A table in the layout of sklearn's {@code classification_report}: precision, recall, F1 and
     * support per class, then the macro and weighted averages.
     */
    @Override
    public String toString() {
        return toString(null);
    }

    /** As {@link #toString()}, each row named by {@code names.get(c)} instead of its index. */
    public String toString(List<String> names) {
        String[] rows = ConfusionMatrix.rowNames(names, tp.length, "ClassScores.toString");
        int width = "weighted avg".length();
        for (String r : rows) width = Math.max(width, r.length());
        StringBuilder sb = new StringBuilder(String.format("%" + width + "s  %9s  %9s  %9s  %9s%n", "", "precision", "recall",
                "f1-score", "support"));
        double[] p = precision(), r = recall(), f = f1();
        long[] s = support();
        for (int c = 0; c < rows.length; c++) {
            sb.append(String.format("%" + width + "s  %9.4f  %9.4f  %9.4f  %9d%n", rows[c], p[c], r[c], f[c], s[c]));
        }
        if (samples > 0) {
            for (Average a : new Average[] {Average.MACRO, Average.WEIGHTED}) {
                sb.append(String.format("%" + width + "s  %9.4f  %9.4f  %9.4f  %9d%n", a.name().toLowerCase() + " avg",
                        precision(a), recall(a), f1(a), sum(s)));
            }
        }
        return sb.toString();
    }

    private static double ratio(long top, long bottom) {
        return bottom == 0 ? 0 : (double) top / bottom;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) s += v;
        return s;
    }
}
