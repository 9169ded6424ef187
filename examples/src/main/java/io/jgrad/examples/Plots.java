package io.jgrad.examples;

import io.jgrad.metrics.ConfusionMatrix;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Small PNG charts for the examples, drawn headless with XChart (the library modules do not depend on it). */
final class Plots {
    private Plots() {}

    /** One series per name: {@code ys.get(i)} over {@code x}; written to {@code file} (its folder is created). */
    static Path lines(Path file, String title, String xLabel, String yLabel, double[] x, List<String> names,
                      List<double[]> ys) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        for (int i = 0; i < names.size(); i++) chart.addSeries(names.get(i), x, ys.get(i));
        return save(chart, file);
    }

    /**
     * The counts as a heat map with each count written in its cell: true classes down the side, first
     * at the top as in the printed table, predicted classes along the bottom; {@code names} one per class.
     */
    static Path confusionMatrix(Path file, String title, ConfusionMatrix matrix, List<String> names) {
        System.setProperty("java.awt.headless", "true");
        int c = matrix.numClasses();
        if (names.size() != c) {
            throw new IllegalArgumentException("confusionMatrix: got " + names.size() + " names for " + c + " classes");
        }
        long[] counts = matrix.counts().toLongArray();
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < c; t++) {
            for (int p = 0; p < c; p++) cells.add(new Number[] {p, c - 1 - t, counts[t * c + p]});
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(160 + 64 * c).height(120 + 48 * c).title(title)
                .xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(true).setRangeColors(new Color[] {Color.WHITE, new Color(31, 119, 180)})
                .setHeatMapValueDecimalPattern("0").setPlotContentSize(1.0);
        chart.getStyler().setXAxisLabelRotation(45);
        List<String> upward = new ArrayList<>(names);
        java.util.Collections.reverse(upward);  // XChart's y axis grows upward
        chart.addSeries("count", names, upward, cells);
        return save(chart, file);
    }

    private static Path save(Chart<?, ?> chart, Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
