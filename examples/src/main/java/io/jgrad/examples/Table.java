package io.jgrad.examples;

import io.jgrad.core.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small bundled table in scikit-learn's CSV layout (a header of counts and class names, then rows of
 * features and an integer label): Fisher's Iris ({@code data/iris.csv}) or the Wisconsin breast
 * cancer data ({@code data/breast_cancer.csv}).
 */
record Table(Tensor features, Tensor labels, List<String> classes) {
    static Table load(String name) {
        try (var in = Table.class.getResourceAsStream("/data/" + name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path");
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
            return new Table(Tensor.fromArray(x, rows, cols).toFloat(), Tensor.of(y), classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each column shifted to mean 0 and scaled to standard deviation 1 (population). */
    static Tensor standardize(Tensor x) {
        Tensor centred = x.sub(x.mean(0, true));
        return centred.div(centred.pow(2).mean(0, true).sqrt());
    }
}
