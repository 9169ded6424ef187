package io.jgrad.examples;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-round results of both sides and the Markdown tables made of them: for each row the median over
 * rounds of each side, the median of the per-round ratios, and their min–max. Ratios are oriented so
 * that above 1 always means the first named is faster: a / b for rates, b / a for times. Rows measured
 * on the ND4J device go in a second table, beside the CPU device's and PyTorch's figures of the same
 * workload.
 */
final class BenchmarkTable {
    enum Kind {
        /** Higher is better (steps/s). */
        RATE,
        /** Lower is better (µs/op, seconds). */
        TIME,
        /** Reported beside, no ratio (accuracy). */
        INFO
    }

    /**
     * A row; {@code cpuKey} is null for the CPU device's rows, else the CPU row of the same workload,
     * whose key also names PyTorch's figure.
     */
    record Row(String key, String label, Kind kind, String cpuKey) {
        Row(String key, String label, Kind kind) {
            this(key, label, kind, null);
        }

        /** This workload's key on the PyTorch side. */
        String torchKey() {
            return cpuKey == null ? key : cpuKey;
        }
    }

    private final List<Row> rows;
    private final Map<String, List<Double>> jgrad = new HashMap<>(), torch = new HashMap<>();
    private int rounds;

    BenchmarkTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
        for (Row r : rows) {
            jgrad.put(r.key(), new ArrayList<>());
            torch.put(r.key(), new ArrayList<>());
        }
    }

    /** One round's results by row key; {@code torchRound} null when PyTorch did not run. */
    void add(Map<String, Double> jgradRound, Map<String, Double> torchRound) {
        rounds++;
        for (Row r : rows) {
            jgrad.get(r.key()).add(jgradRound.get(r.key()));
            torch.get(r.key()).add(torchRound == null ? null : torchRound.get(r.torchKey()));
        }
    }

    int rounds() {
        return rounds;
    }

    /** The row's values of one side, one per round (null: not measured that round). */
    List<Double> values(String key, boolean ofJgrad) {
        return Collections.unmodifiableList((ofJgrad ? jgrad : torch).get(key));
    }

    /** Per-round ratios of jgrad to PyTorch, > 1 when jgrad is faster. */
    List<Double> ratios(Row row) {
        return ratios(row.kind(), jgrad.get(row.key()), torch.get(row.key()));
    }

    /** Per-round ratios, > 1 when {@code a} is faster; rounds where either is missing are left out. */
    private static List<Double> ratios(Kind kind, List<Double> a, List<Double> b) {
        List<Double> out = new ArrayList<>();
        if (kind == Kind.INFO) return out;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) == null || b.get(i) == null) continue;
            out.add(kind == Kind.RATE ? a.get(i) / b.get(i) : b.get(i) / a.get(i));
        }
        return out;
    }

    /** The Markdown tables, the ND4J device's second when it has rows; {@code torchName} heads the PyTorch columns. */
    String markdown(String torchName) {
        String median = "(median of " + rounds + (rounds == 1 ? " round)" : " rounds)");
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | jgrad | ").append(torchName).append(" | jgrad / PyTorch ").append(median)
                .append(" | spread (min–max) |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            if (row.cpuKey() != null) continue;
            sb.append(String.format("| %s | %s | %s | %s |%n", row.label(), fmt(median(jgrad.get(row.key())), row.kind()),
                    fmt(median(torch.get(row.key())), row.kind()), ratioCells(ratios(row))));
        }
        if (rows.stream().noneMatch(r -> r.cpuKey() != null)) return sb.toString();
        sb.append("\n| on the ND4J device | jgrad ND4J | jgrad CPU | ").append(torchName).append(" | ND4J / PyTorch ")
                .append(median).append(" | spread | ND4J / CPU ").append(median).append(" | spread |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            if (row.cpuKey() == null) continue;
            List<Double> cpu = jgrad.get(row.cpuKey());
            sb.append(String.format("| %s | %s | %s | %s | %s | %s |%n", row.label(), fmt(median(jgrad.get(row.key())),
                    row.kind()), fmt(median(cpu), row.kind()), fmt(median(torch.get(row.key())), row.kind()),
                    ratioCells(ratios(row)), ratioCells(ratios(row.kind(), jgrad.get(row.key()), cpu))));
        }
        return sb.toString();
    }

    /** "median | min–max" of per-round ratios, or dashes. */
    private static String ratioCells(List<Double> ratios) {
        if (ratios.isEmpty()) return "- | -";
        DoubleSummaryStatistics range = ratios.stream().mapToDouble(d -> d).summaryStatistics();
        return String.format("%s | %s–%s", ratio(median(ratios)), ratio(range.getMin()), ratio(range.getMax()));
    }

    /** Two decimals, or two significant digits below 0.1 (the ND4J device's small-op ratios). */
    private static String ratio(double r) {
        return r >= 0.1 ? String.format("%.2f", r) : new BigDecimal(r).round(new MathContext(2)).toPlainString();
    }

    /** The median of the non-null values, or null when there are none. */
    static Double median(List<Double> values) {
        double[] v = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        return v.length == 0 ? null : BenchmarkJgrad.median(v);
    }

    private static String fmt(Double v, Kind kind) {
        if (v == null) return "-";
        if (kind == Kind.INFO) return String.format("%.4f", v);
        return String.format(v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f", v);
    }
}
