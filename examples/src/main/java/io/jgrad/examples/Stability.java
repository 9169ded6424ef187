package io.jgrad.examples;

import io.jgrad.core.Tensor;
import io.jgrad.nn.Reduction;
import io.jgrad.nn.loss.BCELoss;
import io.jgrad.nn.loss.BCEWithLogitsLoss;
import java.nio.file.Path;
import java.util.List;

/**
 * Why BCEWithLogitsLoss exists: for a confidently wrong logit z (target 0), BCELoss(sigmoid(z))
 * saturates, because float32 sigmoid rounds to exactly 1, the log is clamped at -100 and the gradient
 * through the sigmoid vanishes, while BCEWithLogitsLoss stays exact: loss ≈ z, gradient σ(z) → 1.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=io.jgrad.examples.Stability}
 */
public final class Stability {
    static final double[] LOGITS = {1, 5, 10, 17, 20, 40, 100, 1000};

    /** Rows of {logit, BCE loss, BCE gradient, with-logits loss, with-logits gradient}, float32. */
    static double[][] table() {
        double[][] rows = new double[LOGITS.length][];
        for (int i = 0; i < LOGITS.length; i++) {
            Tensor a = Tensor.of(LOGITS[i]).requiresGrad(true), b = Tensor.of(LOGITS[i]).requiresGrad(true);
            Tensor target = Tensor.of(0.0);
            Tensor viaSigmoid = new BCELoss().reduction(Reduction.SUM).apply(a.sigmoid(), target);
            Tensor fused = new BCEWithLogitsLoss().reduction(Reduction.SUM).apply(b, target);
            viaSigmoid.backward();
            fused.backward();
            rows[i] = new double[] {LOGITS[i], viaSigmoid.item(), a.grad().item(), fused.item(), b.grad().item()};
        }
        return rows;
    }

    public static void main(String[] args) {
        double[][] rows = table();
        System.out.println("target 0, float32      BCELoss(sigmoid(z))        BCEWithLogitsLoss(z)");
        System.out.println("      z              loss        dloss/dz          loss        dloss/dz");
        for (double[] r : rows) System.out.printf("%7.0f  %14.6f  %14.6g  %12.6f  %14.6g%n", r[0], r[1], r[2], r[3], r[4]);
        double[] z = new double[rows.length], bce = new double[rows.length], fused = new double[rows.length];
        for (int i = 0; i < rows.length - 1; i++) {  // the plot stops at 100 so the curves stay readable
            z[i] = rows[i][0];
            bce[i] = rows[i][1];
            fused[i] = rows[i][3];
        }
        int n = rows.length - 1;
        Path png = Plots.lines(Path.of(args.length > 0 ? args[0] : "out/stability.png"),
                "Loss for a confidently wrong logit (target 0)", "logit z", "loss", java.util.Arrays.copyOf(z, n),
                List.of("BCELoss(sigmoid(z))", "BCEWithLogitsLoss(z)"),
                List.of(java.util.Arrays.copyOf(bce, n), java.util.Arrays.copyOf(fused, n)));
        System.out.println("plot: " + png.toAbsolutePath());
    }
}
