package io.jgrad.optim;

import io.jgrad.nn.Module;
import java.util.TreeMap;

/** Option values written as Python writes them, so an optimizer prints as PyTorch's repr does. */
final class Repr {
    private Repr() {
    }

    /** PyTorch's layout: "Adam (", then per group "Parameter Group i" and its options sorted by name, then ")". */
    static String optimizer(String name, Iterable<ParamGroup> groups) {
        StringBuilder out = new StringBuilder(name).append(" (");
        int i = 0;
        for (ParamGroup g : groups) {
            out.append("\nParameter Group ").append(i++);
            new TreeMap<>(g.options()).forEach((k, v) -> out.append("\n    ").append(k).append(": ").append(value(v)));
        }
        return out.append("\n)").toString();
    }

    static String value(Object v) {
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof Double d) return number(d);
        if (v instanceof double[] pair) {
            StringBuilder out = new StringBuilder("(");
            for (int i = 0; i < pair.length; i++) out.append(i == 0 ? "" : ", ").append(number(pair[i]));
            return out.append(pair.length == 1 ? ",)" : ")").toString();
        }
        return String.valueOf(v);
    }

    /** Python's float repr, as nn's module reprs write it. */
    static String number(double d) {
        return Module.pyFloat(d);
    }
}
