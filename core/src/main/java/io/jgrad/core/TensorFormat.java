package io.jgrad.core;

import io.jgrad.core.kernel.Buffers;
import io.jgrad.core.kernel.Shapes;

/**
 * PyTorch's tensor printing: {@code tensor([[0.1000, 0.2000], ...], grad_fn=<AddBackward>)}. Large
 * tensors are summarised with {@code ...} so the text stays under 1,000 characters, which JShell
 * would otherwise cut off.
 */
final class TensorFormat {
    private static final int MAX_CHARS = 1000;
    private static final int SUMMARIZE_OVER = 1000;

    private TensorFormat() {}

    static String format(Tensor t) {
        String suffix = suffix(t);
        String text = null;
        for (int edge = 3; edge >= 1; edge--) {
            text = "tensor(" + body(t, t.numel() > SUMMARIZE_OVER || edge < 3, edge) + suffix + ")";
            if (text.length() < MAX_CHARS) return text;
        }
        return "tensor(..." + suffix + ", shape=" + Check.shape(t.shape()) + ")";
    }

    private static String suffix(Tensor t) {
        StringBuilder sb = new StringBuilder();
        if (t.numel() == 0 && t.dim() != 1) sb.append(", size=").append(Check.shape(t.shape()));
        if (t.dtype() != DType.FLOAT32 && t.dtype() != DType.INT64 && t.dtype() != DType.BOOL || t.numel() == 0 && t.dtype() != DType.FLOAT32) {
            sb.append(", dtype=").append(t.dtype());
        }
        if (t.gradFn() != null) sb.append(", grad_fn=").append(t.gradFn());
        else if (t.requiresGrad()) sb.append(", requires_grad=True");
        return sb.toString();
    }

    private static String body(Tensor t, boolean summarize, int edge) {
        Object data = t.data();
        int[] shape = t.shape();
        Style style = Style.of(data, t.numel());
        int width = 0;
        for (int i = 0; i < t.numel(); i++) width = Math.max(width, style.format(Buffers.get(data, i)).length());
        StringBuilder sb = new StringBuilder();
        append(sb, data, shape, Shapes.strides(shape), 0, 0, style, width, summarize, edge);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object data, int[] shape, int[] strides, int dim, int offset,
                               Style style, int width, boolean summarize, int edge) {
        if (dim == shape.length) {
            String s = style.format(Buffers.get(data, offset));
            sb.append(" ".repeat(width - s.length())).append(s);
            return;
        }
        sb.append('[');
        int n = shape[dim];
        boolean cut = summarize && n > 2 * edge;
        // Rows line up under the first one: "tensor([" is 8 characters, plus one per nesting level.
        String sep = dim == shape.length - 1 ? ", " : "," + "\n".repeat(shape.length - 1 - dim) + " ".repeat(8 + dim);
        for (int i = 0; i < n; i++) {
            if (cut && i == edge) {
                sb.append("...").append(sep);
                i = n - edge;
            }
            append(sb, data, shape, strides, dim + 1, offset + i * strides[dim], style, width, summarize, edge);
            if (i < n - 1) sb.append(sep);
        }
        sb.append(']');
    }

    /** How PyTorch picks a number format: integers, fixed with 4 decimals, or scientific. */
    private enum Style {
        BOOL, INT, WHOLE_FLOAT, FIXED, SCIENTIFIC;

        static Style of(Object data, int n) {
            if (data instanceof boolean[]) return BOOL;
            if (data instanceof long[]) return INT;
            double maxAbs = 0, minAbs = Double.POSITIVE_INFINITY;
            boolean whole = true;
            for (int i = 0; i < n; i++) {
                double v = Buffers.get(data, i);
                if (!Double.isFinite(v)) continue;
                whole &= v == Math.rint(v);
                double a = Math.abs(v);
                maxAbs = Math.max(maxAbs, a);
                if (a > 0) minAbs = Math.min(minAbs, a);
            }
            if (whole) return maxAbs >= 1e8 ? SCIENTIFIC : WHOLE_FLOAT;
            if (maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1000) return SCIENTIFIC;
            return FIXED;
        }

        String format(double v) {
            if (Double.isNaN(v)) return "nan";
            if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
            return switch (this) {
                case BOOL -> v != 0 ? "True" : "False";
                case INT -> Long.toString((long) v);
                case WHOLE_FLOAT -> (long) v + ".";
                case FIXED -> String.format("%.4f", v);
                case SCIENTIFIC -> String.format("%.4e", v);
            };
        }
    }
}
