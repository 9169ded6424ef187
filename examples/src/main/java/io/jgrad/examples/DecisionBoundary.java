package io.jgrad.examples;

import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import io.jgrad.nn.Linear;
import io.jgrad.nn.loss.BCEWithLogitsLoss;
import io.jgrad.nn.loss.CrossEntropyLoss;
import io.jgrad.optim.SGD;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A sigmoid model {@code Linear(2, 1)} and a two-class softmax model {@code Linear(2, 2)} trained on
 * the same real 2-D data (Iris petal length and width, versicolor against virginica) find the same
 * boundary: softmax's p(class 1) is σ((w1 - w0)·x + (b1 - b0)), so at the optimum the sigmoid's (w, b)
 * equals the softmax's difference of rows. Prints both and draws them over the data.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=io.jgrad.examples.DecisionBoundary}
 */
public final class DecisionBoundary {
    /** The sigmoid's {w1, w2, b} and the softmax's row differences {w1, w2, b}, in standardised units. */
    record Result(double[] sigmoid, double[] softmaxDifference, Tensor x, Tensor y) {}

    static Result train(int steps) {
        Table iris = Table.load("iris.csv");
        long[] keep = java.util.stream.LongStream.range(50, 150).toArray();  // versicolor (1) and virginica (2)
        Tensor petals = iris.features().indexSelect(0, Tensor.of(keep)).narrow(1, 2, 2);
        Tensor x = Table.standardize(petals);
        Tensor y = iris.labels().indexSelect(0, Tensor.of(keep)).sub(1);  // 0 versicolor, 1 virginica

        Linear sig = new Linear(2, 1, true, new Generator(1)), soft = new Linear(2, 2, true, new Generator(2));
        SGD a = new SGD(sig.parameters(), 0.5), b = new SGD(soft.parameters(), 0.5);
        BCEWithLogitsLoss bce = new BCEWithLogitsLoss();
        CrossEntropyLoss ce = new CrossEntropyLoss();
        Tensor yFloat = y.toFloat().unsqueeze(1);
        for (int i = 0; i < steps; i++) {
            a.zeroGrad();
            bce.apply(sig.apply(x), yFloat).backward();
            a.step();
            b.zeroGrad();
            ce.apply(soft.apply(x), y).backward();
            b.step();
        }
        double[] w = sig.weight.toDoubleArray(), v = soft.weight.toDoubleArray(), c = soft.bias.toDoubleArray();
        return new Result(new double[] {w[0], w[1], sig.bias.item()},
                new double[] {v[2] - v[0], v[3] - v[1], c[1] - c[0]}, x, y);
    }

    public static void main(String[] args) throws IOException {
        Result r = train(5000);
        System.out.printf("sigmoid  Linear(2, 1):       w = (%.5f, %.5f), b = %.5f%n", r.sigmoid[0], r.sigmoid[1], r.sigmoid[2]);
        System.out.printf("softmax  Linear(2, 2), w1-w0 = (%.5f, %.5f), b1-b0 = %.5f%n", r.softmaxDifference[0],
                r.softmaxDifference[1], r.softmaxDifference[2]);
        Path png = Path.of(args.length > 0 ? args[0] : "out/decision-boundary.png");
        plot(r, png);
        System.out.println("plot: " + png.toAbsolutePath());
    }

    private static void plot(Result r, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(640).height(480).title("Iris petals: sigmoid vs two-class softmax boundary")
                .xAxisTitle("petal length (standardised)").yAxisTitle("petal width (standardised)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double[] xs = r.x().select(1, 0).toDoubleArray(), ys = r.x().select(1, 1).toDoubleArray();
        long[] labels = r.y().toLongArray();
        for (int cls = 0; cls < 2; cls++) {
            final int c = cls;
            int[] idx = java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
            chart.addSeries(c == 0 ? "versicolor" : "virginica", java.util.Arrays.stream(idx).mapToDouble(i -> xs[i]).toArray(),
                    java.util.Arrays.stream(idx).mapToDouble(i -> ys[i]).toArray());
        }
        line(chart, "sigmoid boundary", r.sigmoid(), Color.BLACK, SeriesLines.SOLID);
        line(chart, "softmax boundary (dashed)", r.softmaxDifference(), Color.RED, SeriesLines.DASH_DASH);
        if (png.getParent() != null) Files.createDirectories(png.getParent());
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** w1·x + w2·y + b = 0 across the plot. */
    private static void line(XYChart chart, String name, double[] p, Color color, java.awt.BasicStroke style) {
        double[] lx = {-2.5, 2.5};
        double[] ly = {-(p[0] * lx[0] + p[2]) / p[1], -(p[0] * lx[1] + p[2]) / p[1]};
        XYSeries s = chart.addSeries(name, lx, ly);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(style);
    }
}
