package io.jgrad.core;

import io.jgrad.core.kernel.Buffers;
import io.jgrad.core.kernel.Shapes;
import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's tensor printing: {@code tensor([[0.1000, 0.2000], ...], grad_fn=<AddBackward0>)}. Like
 * PyTorch it summarises tensors of over 1,000 elements to three items per edge and prints smaller
 * ones whole; {@code ./jshell.sh}'s feedback mode shows the whole text, where JShell's default cuts it.
 */
final class TensorFormat {
    private static final int SUMMARIZE_OVER = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final int LINE_WIDTH = 80;
    /** Length of "tensor(", where every line of the body is indented from. */
    private static final int INDENT = 7;

    private TensorFormat() {}

    static String format(Tensor t) {
        return withSuffixes("tensor(" + body(t, t.numel() > SUMMARIZE_OVER, EDGE_ITEMS), suffixes(t));
    }

    private static List<String> suffixes(Tensor t) {
        List<String> out = new ArrayList<>();
        if (t.device() != Device.CPU) out.add("device='" + t.device() + "'");  // first, as PyTorch prints device='cuda:0'
        if (t.numel() == 0 && t.dim() != 1) out.add("size=" + Check.shape(t.shape()));
        boolean implied = t.dtype() == DType.FLOAT32 || t.numel() > 0 && (t.dtype() == DType.INT64 || t.dtype() == DType.BOOL);
        if (!implied) out.add("dtype=" + t.dtype());
        if (t.gradFn() != null) out.add("grad_fn=" + t.gradFn());
        else if (t.requiresGrad()) out.add("requires_grad=True");
        return out;
    }

    /** PyTorch's _add_suffixes: a suffix that would pass the line width starts a new line. */
    private static String withSuffixes(String text, List<String> suffixes) {
        StringBuilder sb = new StringBuilder(text);
        int lastLine = text.length() - text.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLine + suffix.length() + 2 > LINE_WIDTH) {
                sb.append(",\n").append(" ".repeat(INDENT)).append(suffix);
                lastLine = INDENT + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLine += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }

    private static String body(Tensor t, boolean summarize, int edge) {
        if (t.numel() == 0) return "[]";  // PyTorch prints every empty tensor flat, with its size after
        Object data = t.host();
        Layout layout = new Layout(data, t.shape(), summarize, edge);
        List<Integer> visible = new ArrayList<>();
        layout.visit(0, 0, null, visible);
        double[] values = visible.stream().mapToDouble(i -> Buffers.get(data, i)).toArray();
        layout.style = Style.of(data, values);
        for (double v : values) layout.width = Math.max(layout.width, layout.style.format(v).length());
        StringBuilder sb = new StringBuilder();
        layout.visit(0, 0, sb, null);
        return sb.toString();
    }

    /** One walk over the elements shown: collecting them (to pick a style) or printing them. */
    private static final class Layout {
        final Object data;
        final int[] shape, strides;
        final boolean summarize;
        final int edge;
        Style style;
        int width;

        Layout(Object data, int[] shape, boolean summarize, int edge) {
            this.data = data;
            this.shape = shape;
            this.strides = Shapes.strides(shape);
            this.summarize = summarize;
            this.edge = edge;
        }

        void visit(int dim, int offset, StringBuilder sb, List<Integer> visible) {
            if (dim == shape.length) {
                if (visible != null) visible.add(offset);
                else {
                    String s = style.format(Buffers.get(data, offset));
                    sb.append(" ".repeat(width - s.length())).append(s);
                }
                return;
            }
            int n = shape[dim];
            boolean cut = summarize && n > 2 * edge;
            if (dim == shape.length - 1) {
                vector(offset, n, cut, sb, visible, dim);
                return;
            }
            if (sb != null) sb.append('[');
            // Rows line up under the first: one more space per nesting level.
            String sep = "," + "\n".repeat(shape.length - 1 - dim) + " ".repeat(INDENT + dim + 1);
            for (int i = 0; i < n; i++) {
                if (cut && i == edge) {
                    if (sb != null) sb.append("...").append(sep);
                    i = n - edge;
                }
                visit(dim + 1, offset + i * strides[dim], sb, visible);
                if (sb != null && i < n - 1) sb.append(sep);
            }
            if (sb != null) sb.append(']');
        }

        /** The innermost dim, wrapped like PyTorch's _vector_str: as many elements per line as fit in 80 columns. */
        private void vector(int offset, int n, boolean cut, StringBuilder sb, List<Integer> visible, int dim) {
            List<String> items = new ArrayList<>();
            int stride = strides[dim];
            for (int i = 0; i < n; i++) {
                if (cut && i == edge) {
                    items.add(" ...");
                    i = n - edge;
                }
                int at = offset + i * stride;
                if (visible != null) {
                    visible.add(at);
                } else {
                    String v = style.format(Buffers.get(data, at));
                    items.add(" ".repeat(width - v.length()) + v);
                }
            }
            if (sb == null) return;
            int indent = INDENT + dim;
            int perLine = Math.max(1, (LINE_WIDTH - indent) / (width + 2));
            sb.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) sb.append(i % perLine == 0 ? ",\n" + " ".repeat(indent + 1) : ", ");
                sb.append(items.get(i));
            }
            sb.append(']');
        }
    }

    /** How PyTorch picks a number format from the values shown: integers, fixed with 4 decimals, or scientific. */
    private enum Style {
        BOOL, INT, WHOLE_FLOAT, FIXED, SCIENTIFIC;

        static Style of(Object data, double[] values) {
            if (data instanceof boolean[]) return BOOL;
            if (data instanceof long[]) return INT;
            double maxAbs = 0, minAbs = Double.POSITIVE_INFINITY;
            boolean whole = true;
            for (double v : values) {
                if (!Double.isFinite(v)) continue;
                whole &= v == Math.rint(v);
                double a = Math.abs(v);
                maxAbs = Math.max(maxAbs, a);
                if (a > 0) minAbs = Math.min(minAbs, a);
            }
            if (whole) return maxAbs > 1e8 ? SCIENTIFIC : WHOLE_FLOAT;
            if (maxAbs > 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1000) return SCIENTIFIC;
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
