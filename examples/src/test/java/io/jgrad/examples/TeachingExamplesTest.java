package io.jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke tests of the mains that teach the loss family: their numbers, and that they run end to end. */
class TeachingExamplesTest {
    @TempDir
    Path dir;

    @Test
    void lossTourPrintsTheSeedNumbers() {
        double[] first = LossTour.seedCosts(LossTour.A1), second = LossTour.seedCosts(LossTour.A2);
        assertEquals(1.0725, first[0], 5e-5);
        assertEquals(0.5978, first[1], 5e-5);
        assertEquals(1.1410, second[0], 5e-5);
        assertEquals(0.5978, second[1], 5e-5);
        String out = capture(() -> LossTour.main(new String[0]));
        assertTrue(out.contains("1.0725") && out.contains("1.1410") && out.contains("0.5978"), out);
    }

    @Test
    void stabilityShowsTheSaturation() throws Exception {
        for (double[] row : Stability.table()) {
            double z = row[0];
            double softplus = z + Math.log1p(Math.exp(-z)), sigmoid = 1 / (1 + Math.exp(-z));
            assertEquals(softplus, row[3], 1e-6 * softplus, "with logits the loss is exact: softplus(z)");
            assertEquals(sigmoid, row[4], 1e-6, "and so is its gradient, sigmoid(z)");
            if (z >= 20) {
                assertEquals(100, row[1], 1e-9, "sigmoid then BCE is clamped at 100");
                assertEquals(0, row[2], "and its gradient vanishes");
            }
        }
        Path png = dir.resolve("stability.png");
        capture(() -> Stability.main(new String[] {png.toString()}));
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void sigmoidAndTwoClassSoftmaxFindTheSameBoundary() throws Exception {
        DecisionBoundary.Result r = DecisionBoundary.train(3000);
        for (int i = 0; i < 3; i++) {
            assertEquals(r.sigmoid()[i], r.softmaxDifference()[i], 0.01 * Math.abs(r.sigmoid()[i]) + 1e-3,
                    "coefficient " + i);
        }
        Path png = dir.resolve("boundary.png");
        capture(() -> {
            try {
                DecisionBoundary.main(new String[] {png.toString()});
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void sigmoidsAnswerEachLabelWhileSoftmaxSplitsTheMass() {
        FashionMnist data = FashionMnist.load();  // full set if installed, else bundled
        io.jgrad.core.Generator g = new io.jgrad.core.Generator(3);
        var train = Multilabel.canvases(data.train(), 2000, g);
        var test = Multilabel.canvases(data.test(), 500, g);
        double[] targetsPerCanvas = test.targets().sum(1).toDoubleArray();
        for (double t : targetsPerCanvas) assertTrue(t >= 1 && t <= 3);
        Multilabel.Scores sigmoid = Multilabel.evaluate(Multilabel.train(train, false, 2), test, false);
        Multilabel.Scores softmax = Multilabel.evaluate(Multilabel.train(train, true, 2), test, true);
        assertTrue(sigmoid.meanOutputSum() > 1.5, "sigmoid outputs sum to " + sigmoid.meanOutputSum());
        assertEquals(1.0, softmax.meanOutputSum(), 1e-5);
        double sigmoidRecall = java.util.Arrays.stream(sigmoid.recall()).average().orElseThrow();
        double softmaxRecall = java.util.Arrays.stream(softmax.recall()).average().orElseThrow();
        assertTrue(sigmoidRecall > softmaxRecall + 0.2, sigmoidRecall + " vs " + softmaxRecall);
        assertTrue(sigmoid.exactMatch() > softmax.exactMatch());
    }

    static String capture(Runnable main) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
