package io.jgrad.examples;

import io.jgrad.core.DType;
import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import io.jgrad.nn.Reduction;
import io.jgrad.nn.loss.BCELoss;
import io.jgrad.nn.loss.BCEWithLogitsLoss;
import io.jgrad.nn.loss.CrossEntropyLoss;
import io.jgrad.nn.loss.KLDivLoss;
import io.jgrad.nn.loss.NLLLoss;

/**
 * How the cross-entropy family relates, printed with the library's own losses: the sigmoid cross
 * entropy and the log-likelihood cost of two activation vectors; CE = NLL(logSoftmax) = KL + H on a
 * batch; and PyTorch's four implementations side by side with their gradients.
 *
 * <p>Run: {@code ./mvnw -q -pl examples -am package -DskipTests exec:java -Dexec.mainClass=io.jgrad.examples.LossTour}
 */
public final class LossTour {
    static final double[] A1 = {0.55, 0.02, 0.01, 0.03, 0.01, 0.05, 0.17, 0.01, 0.06, 0.09};
    static final double[] A2 = {0.55, 0.002, 0.001, 0.003, 0.001, 0.04, 0.37, 0.001, 0.012, 0.02};

    /** {sigmoid cross entropy summed over the outputs, log-likelihood cost} for activations with true class 0. */
    static double[] seedCosts(double[] activations) {
        Tensor a = Tensor.of(DType.FLOAT64, activations);
        Tensor oneHot = Tensor.of(new long[] {0}).oneHot(a.numel()).squeeze(0).toDouble();
        double bce = new BCELoss().reduction(Reduction.SUM).apply(a, oneHot).item();
        double nll = new NLLLoss().apply(a.log(), Tensor.of(new long[] {0}).squeeze()).item();
        return new double[] {bce, nll};
    }

    public static void main(String[] args) {
        System.out.println("1. One example, true class 0, two ways of scoring the same output activations");
        for (double[] a : new double[][] {A1, A2}) {
            double[] c = seedCosts(a);
            System.out.printf("   a = %s%n   sigmoid cross entropy (BCE summed over 10 outputs) %.4f, log-likelihood "
                    + "cost -ln a_0 %.4f%n", java.util.Arrays.toString(a), c[0], c[1]);
        }
        System.out.println("   Moving mass between the wrong classes changes the BCE sum, not the log-likelihood,"
                + " which only sees the true class.");

        Generator g = new Generator(0);
        Tensor logits = Tensor.randn(g, 4, 5).toDouble().mul(2.0);
        Tensor labels = Tensor.of(new long[] {1, 0, 4, 2});
        Tensor p = Tensor.randn(g, 4, 5).toDouble().softmax(1);
        double ce = new CrossEntropyLoss().apply(logits, labels).item();
        double nll = new NLLLoss().apply(logits.logSoftmax(1), labels).item();
        double softCe = new CrossEntropyLoss().apply(logits, p).item();
        double kl = new KLDivLoss().reduction(Reduction.BATCHMEAN).apply(logits.logSoftmax(1), p).item();
        double entropy = p.mul(p.log()).sum(1).neg().mean().item();
        System.out.println("\n2. A batch of 4 with 5 classes");
        System.out.printf("   CrossEntropyLoss(logits, y) %.6f = NLLLoss(logSoftmax(logits), y) %.6f%n", ce, nll);
        System.out.printf("   with soft targets p: H(p, q) %.6f = KL(p||q) %.6f + H(p) %.6f (sum %.6f)%n", softCe, kl,
                entropy, kl + entropy);

        System.out.println("\n3. PyTorch's four implementations on the same logits, and their input gradients");
        Tensor z = Tensor.of(DType.FLOAT64, 2.0, -1.0, 0.5);
        Tensor target = Tensor.of(DType.FLOAT64, 1, 0, 0);
        Tensor z1 = z.clone().requiresGrad(true), z2 = z.clone().requiresGrad(true);
        Tensor z3 = z.unsqueeze(0).clone().requiresGrad(true), z4 = z.unsqueeze(0).clone().requiresGrad(true);
        Tensor y = Tensor.of(new long[] {0});
        Tensor l1 = new BCELoss().apply(z1.sigmoid(), target), l2 = new BCEWithLogitsLoss().apply(z2, target);
        Tensor l3 = new NLLLoss().apply(z3.logSoftmax(1), y), l4 = new CrossEntropyLoss().apply(z4, y);
        for (Tensor l : new Tensor[] {l1, l2, l3, l4}) l.backward();
        System.out.printf("   BCELoss(sigmoid(z), t)   %.6f  grad %s%n", l1.item(), z1.grad());
        System.out.printf("   BCEWithLogitsLoss(z, t)  %.6f  grad %s%n", l2.item(), z2.grad());
        System.out.printf("   NLLLoss(logSoftmax(z), y) %.6f  grad %s%n", l3.item(), z3.grad());
        System.out.printf("   CrossEntropyLoss(z, y)   %.6f  grad %s%n", l4.item(), z4.grad());
        System.out.println("   Each pair agrees; the fused forms (WithLogits, CrossEntropy) are the stable ones.");
    }
}
