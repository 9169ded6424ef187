package io.jgrad.examples;

import io.jgrad.core.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Fisher's Iris data, bundled as {@code data/iris.csv} (scikit-learn's layout: a header of counts and names). */
record Iris(Tensor features, Tensor labels, List<String> classes) {
    static Iris load() {
        try (var in = Iris.class.getResourceAsStream("/data/iris.csv")) {
            if (in == null) throw new IllegalStateException("iris.csv is missing from the class path");
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = reader.readLine().split(",");
            int rows = Integer.parseInt(header[0]), cols = Integer.parseInt(header[1]);
            double[] x = new double[rows * cols];
            long[] y = new long[rows];
            for (int r = 0; r < rows; r++) {
                String[] f = reader.readLine().split(",");
                for (int c = 0; c < cols; c++) x[r * cols + c] = Double.parseDouble(f[c]);
                y[r] = Long.parseLong(f[cols].trim());
            }
            List<String> classes = new ArrayList<>(List.of(header).subList(2, header.length));
            return new Iris(Tensor.fromArray(x, rows, cols).toFloat(), Tensor.of(y), classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
