package io.jgrad.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Small PNG line charts for the examples, drawn headless with XChart. */
final class Plots {
    private Plots() {}

    /** One series per name: {@code ys.get(i)} over {@code x}; written to {@code file} (its folder is created). */
    static Path lines(Path file, String title, String xLabel, String yLabel, double[] x, List<String> names,
                      List<double[]> ys) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        for (int i = 0; i < names.size(); i++) chart.addSeries(names.get(i), x, ys.get(i));
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
