package io.jgrad.examples;

import io.jgrad.core.Tensor;
import io.jgrad.nn.Sequential;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Loads the model {@link TrainFashionMnist} saved (the epoch with the best test accuracy) and shows
 * what it predicts for the first test images: a table with its confidence, and the images in a PNG
 * grid captioned with the prediction, green when right and red when wrong.
 *
 * <p>Run after {@code TrainFashionMnist}: {@code ./mvnw -q -pl examples -am package -DskipTests exec:java
 * -Dexec.mainClass=io.jgrad.examples.PredictFashionMnist} (args: weights file, output PNG, data folder).
 */
public final class PredictFashionMnist {
    private static final int SHOWN = 16, COLUMNS = 4, SCALE = 4, CAPTION = 18;

    record Prediction(int predicted, int actual, double confidence) {}

    public static void main(String[] args) {
        Path weights = Path.of(args.length > 0 ? args[0] : TrainFashionMnist.BEST_MODEL.toString());
        Path png = Path.of(args.length > 1 ? args[1] : "out/fashion-mnist-predictions.png");
        FashionMnist data = FashionMnist.load(args.length > 2 ? Path.of(args[2]) : null);
        if (!Files.isRegularFile(weights)) {
            throw new IllegalArgumentException("no trained model at " + weights.toAbsolutePath() + "; run TrainFashionMnist "
                    + "first (it saves the best epoch there), or pass the weights file as the first argument");
        }
        Sequential model = TrainFashionMnist.model();
        model.load(weights);
        Tensor images = data.test().inputs().narrow(0, 0, SHOWN);
        Prediction[] predictions = predict(model, images, data.test().targets().narrow(0, 0, SHOWN));
        System.out.printf("%s on the first %d test images of %s:%n", weights, SHOWN, data.source());
        System.out.println("  #  predicted       confidence  actual");
        int right = 0;
        for (int i = 0; i < SHOWN; i++) {
            Prediction p = predictions[i];
            right += p.predicted() == p.actual() ? 1 : 0;
            System.out.printf("%3d  %-13s  %10.3f  %s%s%n", i, FashionMnist.CLASSES.get(p.predicted()), p.confidence(),
                    FashionMnist.CLASSES.get(p.actual()), p.predicted() == p.actual() ? "" : "   <- wrong");
        }
        System.out.printf("%d of %d right; grid: %s%n", right, SHOWN, grid(png, images, predictions).toAbsolutePath());
    }

    static Prediction[] predict(Sequential model, Tensor images, Tensor labels) {
        model.eval();
        try (var g = Tensor.noGrad()) {
            Tensor probabilities = model.apply(images.flatten(1, 2)).softmax(1);
            long[] predicted = probabilities.argmax(1).toLongArray(), actual = labels.toLongArray();
            float[] p = probabilities.toFloatArray();
            int classes = probabilities.size(1);
            Prediction[] out = new Prediction[predicted.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = new Prediction((int) predicted[i], (int) actual[i], p[i * classes + (int) predicted[i]]);
            }
            return out;
        }
    }

    /** The images (N×28×28, values in [0, 1]) in a grid with captions, written atomically to {@code file}. */
    static Path grid(Path file, Tensor images, Prediction[] predictions) {
        System.setProperty("java.awt.headless", "true");
        int n = predictions.length, side = 28 * SCALE, rows = (n + COLUMNS - 1) / COLUMNS;
        BufferedImage img = new BufferedImage(COLUMNS * side, rows * (side + CAPTION), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        float[] pixels = images.toFloatArray();
        for (int k = 0; k < n; k++) {
            int x0 = (k % COLUMNS) * side, y0 = (k / COLUMNS) * (side + CAPTION);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int v = 255 - Math.round(255 * Math.min(1f, Math.max(0f, pixels[k * 784 + y * 28 + x])));
                    g.setColor(new Color(v, v, v));
                    g.fillRect(x0 + x * SCALE, y0 + y * SCALE, SCALE, SCALE);
                }
            }
            Prediction p = predictions[k];
            g.setColor(p.predicted() == p.actual() ? new Color(0, 128, 0) : new Color(200, 0, 0));
            g.drawString(FashionMnist.CLASSES.get(p.predicted()), x0 + 4, y0 + side + CAPTION - 5);
        }
        g.dispose();
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
            try {
                ImageIO.write(img, "png", tmp.toFile());
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
