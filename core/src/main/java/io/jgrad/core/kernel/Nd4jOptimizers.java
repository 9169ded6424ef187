package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.Nd4jArrays.flat;

import io.jgrad.core.kernel.Elementwise.Binary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@link OptimizerKernels}' updates as chains of in-place ND4J ops, one op per arithmetic step of the
 * CPU loop and in its order, every scalar rounded to the array type first: each element then sees
 * the same IEEE operations, so the results are bit-identical to the CPU's (libnd4j's own updater ops
 * fuse steps differently and follow DL4J's formulas, not PyTorch's). Each step is a pass over memory,
 * so this is many times slower than the CPU's one fused loop (see shared/ND4J-NOTES.md).
 */
final class Nd4jOptimizers {
    private Nd4jOptimizers() {}

    static void sgd(Object param, Object grad, Object buffer, double weightDecay, double momentum, double lr,
                    double dampening, boolean nesterov, boolean maximize, boolean isFirstStep) {
        INDArray p = flat(param), g = flat(grad), b = buffer == null ? null : flat(buffer);
        if (p.isEmpty()) return;
        Number wd = s(p, weightDecay), mom = s(p, momentum), keep = s(p, 1 - dampening), alpha = s(p, -lr);
        INDArray d = maximize ? g.neg() : g;
        if (weightDecay != 0) d = d.add(p.mul(wd));
        if (b == null) {
            p.addi(d.mul(alpha));
        } else if (isFirstStep) {
            b.assign(d);
            p.addi(nesterov ? d.add(d.mul(mom)).muli(alpha) : d.mul(alpha));
        } else {
            b.muli(mom).addi(d.mul(keep));
            p.addi(nesterov ? d.add(b.mul(mom)).muli(alpha) : b.mul(alpha));
        }
    }

    static void adam(Object param, Object grad, Object expAvg, Object expAvgSq, Object maxExpAvgSq, long step,
                     double lr, double beta1, double beta2, double weightDecay, double eps, boolean decoupled,
                     boolean maximize) {
        INDArray p = flat(param), g = flat(grad), m = flat(expAvg), v = flat(expAvgSq);
        INDArray vmax = maxExpAvgSq == null ? null : flat(maxExpAvgSq);
        if (p.isEmpty()) return;
        double stepSize = lr / (1 - Math.pow(beta1, step));
        double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        INDArray gi = maximize ? g.neg() : g;
        if (!decoupled && weightDecay != 0) gi = gi.add(p.mul(s(p, weightDecay)));
        m.muli(s(p, beta1)).addi(gi.mul(s(p, 1 - beta1)));
        v.muli(s(p, beta2)).addi(gi.mul(s(p, 1 - beta2)).muli(gi));
        INDArray most = v;
        if (vmax != null) {  // Math.max: a NaN in either wins
            vmax.assign(Nd4jElementwise.binary(Binary.MAX, vmax, shape(vmax), v, shape(v), shape(v)));
            most = vmax;
        }
        INDArray denom = Transforms.sqrt(most, true).divi(s(p, bias2Sqrt)).addi(s(p, eps));
        INDArray update = m.mul(s(p, -stepSize)).divi(denom);
        // AdamW's p·(1 - lr·wd) comes first in PyTorch but p is read nowhere else, so it folds in here.
        if (decoupled) p.muli(s(p, 1 - lr * weightDecay));
        p.addi(update);
    }

    private static int[] shape(INDArray a) {
        return new int[] {(int) a.length()};
    }

    /** {@code v} rounded to {@code p}'s type, as the CPU loop holds it. */
    private static Number s(INDArray p, double v) {
        return p.dataType() == DataType.FLOAT ? (Number) (float) v : (Number) v;
    }
}
