package io.jgrad.core.kernel;

import static io.jgrad.core.kernel.Nd4jArrays.alloc;
import static io.jgrad.core.kernel.Nd4jArrays.empty;
import static io.jgrad.core.kernel.Nd4jArrays.exec;
import static io.jgrad.core.kernel.Nd4jArrays.nd;
import static io.jgrad.core.kernel.Nd4jArrays.setWhere;
import static io.jgrad.core.kernel.Nd4jArrays.view;
import static io.jgrad.core.kernel.Nd4jBits.select;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@link CrossEntropyKernel} on the ND4J device, the logits seen as [outer, C, inner]. Targets,
 * class weights and the upstream gradient arrive on the host, so what depends only on them (each
 * lane's weight, whether it is ignored, where its target logit sits) is worked out there and sent as
 * one vector each; the logits never leave the device. The summed loss does: {@link
 * CrossEntropyKernel.Forward} holds it as a double, one scalar read.
 */
final class Nd4jCrossEntropy {
    private Nd4jCrossEntropy() {}

    static CrossEntropyKernel.Forward forward(Object x, int[] shape, int dim, long[] target, double[] weight,
                                              long ignoreIndex, boolean perLane, boolean keepSoftmax) {
        INDArray in = nd(x);
        DataType type = in.dataType();
        Lanes l = new Lanes(shape, dim);
        int lanes = l.outer * l.inner;
        double[] negWeight = new double[lanes];
        boolean[] valid = new boolean[lanes];
        long[] pos = new long[lanes];
        double totalWeight = 0;
        for (int lane = 0; lane < lanes; lane++) {
            long t = target[lane];
            valid[lane] = t != ignoreIndex;
            double w = !valid[lane] ? 0 : weight == null ? 1 : weight[(int) t];
            negWeight[lane] = -w;
            if (valid[lane]) totalWeight += w;
            pos[lane] = targetPosition(l, lane, valid[lane] ? t : 0);
        }
        if (Shapes.numel(shape) == 0) {  // no logits: every lane is ignored (or there are no lanes)
            return new CrossEntropyKernel.Forward(perLane ? Nd4j.zeros(type, lanes) : null, 0, totalWeight,
                    keepSoftmax ? empty(type) : null);
        }
        INDArray v = view(in, new int[] {l.outer, l.c, l.inner}).castTo(DataType.DOUBLE);
        // All -inf (no finite logit) is not shifted, so the log gives -inf; +inf is, giving NaN, as on the CPU.
        INDArray shift = setWhere(v.max(true, 1), Conditions.lessThan(-Double.MAX_VALUE), 0);
        INDArray e = exec("subtract", alloc(DataType.DOUBLE, new int[] {l.outer, l.c, l.inner}), v, shift);
        Transforms.exp(e, false);
        INDArray sum = e.sum(true, 1);
        INDArray picked = exec("gather", Nd4j.createUninitialized(DataType.DOUBLE, lanes),
                Nd4jArrays.flat(v), Nd4j.createFromArray(pos));
        INDArray loss = picked.subi(Nd4jArrays.flat(shift)).subi(Nd4jArrays.flat(Transforms.log(sum, true)))
                .muli(Nd4j.createFromArray(negWeight));
        loss = select(Nd4j.createFromArray(valid), loss, Nd4j.zeros(DataType.DOUBLE, lanes));
        double lossSum = loss.sumNumber().doubleValue() + 0.0;  // a lone -0.0 loss sums to -0.0 in libnd4j
        INDArray softmax = null;
        if (keepSoftmax) {
            exec("divide", e, e, sum);
            softmax = Nd4jArrays.flat(e.castTo(type));
        }
        return new CrossEntropyKernel.Forward(perLane ? loss.castTo(type) : null, lossSum, totalWeight, softmax);
    }

    /**
     * softmax·coef per lane, then coef taken off each target logit, where coef = w[target]·g/divisor
     * (0 for an ignored lane, so its gradient is softmax·0: zero, or NaN where the softmax is).
     */
    static INDArray backward(Object softmax, int[] shape, int dim, long[] target, double[] weight, long ignoreIndex,
                             double[] upstream, double divisor) {
        INDArray sm = nd(softmax);
        DataType type = sm.dataType();
        if (Shapes.numel(shape) == 0) return empty(type);
        Lanes l = new Lanes(shape, dim);
        int lanes = l.outer * l.inner, validCount = 0;
        double[] coef = new double[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            long t = target[lane];
            double g = upstream.length == 1 ? upstream[0] : upstream[lane];
            // PyTorch divides the upstream by the total weight before weighting: w = 0 over 0 is NaN.
            coef[lane] = t == ignoreIndex ? 0 : (weight == null ? 1 : weight[(int) t]) * (g / divisor);
            if (t != ignoreIndex) validCount++;
        }
        long[] pos = new long[validCount];
        double[] minusCoef = new double[validCount];
        for (int lane = 0, j = 0; lane < lanes; lane++) {
            if (target[lane] == ignoreIndex) continue;
            pos[j] = targetPosition(l, lane, target[lane]);
            minusCoef[j++] = -coef[lane];
        }
        INDArray out = exec("multiply", alloc(DataType.DOUBLE, new int[] {l.outer, l.c, l.inner}),
                view(sm, new int[] {l.outer, l.c, l.inner}).castTo(DataType.DOUBLE),
                Nd4j.createFromArray(coef).reshape('c', new long[] {l.outer, 1, l.inner}));
        INDArray flat = Nd4jArrays.flat(out);
        if (validCount > 0) {  // one position per lane, so no two updates meet
            Nd4j.exec(DynamicCustomOp.builder("scatter_add").addInputs(flat, Nd4j.createFromArray(pos),
                    Nd4j.createFromArray(minusCoef)).addOutputs(flat).build());
        }
        return flat.castTo(type);
    }

    /** Flat position of class {@code t} in lane {@code lane} of the [outer, C, inner] logits. */
    private static long targetPosition(Lanes l, int lane, long t) {
        return (long) (lane / l.inner) * l.c * l.inner + t * l.inner + lane % l.inner;
    }
}
