package io.jgrad.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-round results of both sides and the Markdown table made of them: for each row the median over
 * rounds of each side, the median of the per-round ratios, and their min–max. Ratios are oriented so
 * that above 1 always means jgrad is faster: jgrad / PyTorch for rates, PyTorch / jgrad for times.
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

    record Row(String key, String label, Kind kind) {}

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
            torch.get(r.key()).add(torchRound == null ? null : torchRound.get(r.key()));
        }
    }

    int rounds() {
        return rounds;
    }

    /** The row's values of one side, one per round (null: not measured that round). */
    List<Double> values(String key, boolean ofJgrad) {
        return Collections.unmodifiableList((ofJgrad ? jgrad : torch).get(key));
    }

    /** Per-round ratios, > 1 when jgrad is faster; rounds where either side is missing are left out. */
    List<Double> ratios(Row row) {
        List<Double> out = new ArrayList<>();
        if (row.kind() == Kind.INFO) return out;
        List<Double> j = jgrad.get(row.key()), t = torch.get(row.key());
        for (int i = 0; i < j.size(); i++) {
            if (j.get(i) == null || t.get(i) == null) continue;
            out.add(row.kind() == Kind.RATE ? j.get(i) / t.get(i) : t.get(i) / j.get(i));
        }
        return out;
    }

    /** The Markdown table; {@code torchName} heads the PyTorch column. */
    String markdown(String torchName) {
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | jgrad | ").append(torchName).append(" | jgrad / ").append("PyTorch (median of ")
                .append(rounds).append(rounds == 1 ? " round" : " rounds").append(") | spread (min–max) |\n");
        sb.append("|---|---|---|---|---|\n");
        for (Row row : rows) {
            Double j = median(jgrad.get(row.key())), t = median(torch.get(row.key()));
            List<Double> ratios = ratios(row);
            String ratio = ratios.isEmpty() ? "-" : String.format("%.2f", median(ratios));
            String spread = ratios.isEmpty() ? "-"
                    : String.format("%.2f–%.2f", ratios.stream().mapToDouble(d -> d).min().orElseThrow(),
                            ratios.stream().mapToDouble(d -> d).max().orElseThrow());
            sb.append(String.format("| %s | %s | %s | %s | %s |%n", row.label(), fmt(j, row.kind()), fmt(t, row.kind()),
                    ratio, spread));
        }
        return sb.toString();
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
