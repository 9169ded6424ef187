package io.jgrad.optim;

import java.math.BigDecimal;
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

    /** Python's float repr: shortest digits, positional for exponents -4 to 15, else like 1e-08. */
    static String number(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return 1 / d < 0 ? "-0.0" : "0.0";
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = b.precision() - b.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = b.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = b.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
