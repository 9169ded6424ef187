package io.jgrad.metrics;

/**
 * How per-class precision, recall and F1 become one number, as sklearn's and torchmetrics'
 * {@code average=}: {@code "macro"}, {@code "micro"}, {@code "weighted"}.
 */
public enum Average {
    /**
     * The unweighted mean over classes. For class indices, only the classes present in the target or
     * the prediction count (sklearn's default labels; torchmetrics drops classes with tp + fp + fn = 0);
     * for multi-label matrices every label counts.
     */
    MACRO,
    /** From the counts summed over classes; for class indices each of precision, recall and F1 equals the accuracy. */
    MICRO,
    /** The mean over classes weighted by support (true instances); 0 when no class has support. */
    WEIGHTED;

    /** From sklearn's and torchmetrics' strings: "macro", "micro", "weighted". */
    public static Average of(String name) {
        for (Average a : values()) if (a.name().equalsIgnoreCase(name)) return a;
        throw new IllegalArgumentException("average: '" + name + "' is not one of macro, micro, weighted"
                + ("none".equals(name) ? "; per-class values come from precision(), recall() and f1() without an argument" : ""));
    }
}
