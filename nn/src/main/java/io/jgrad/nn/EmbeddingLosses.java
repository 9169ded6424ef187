package io.jgrad.nn;

import static io.jgrad.nn.LossChecks.floating;

import io.jgrad.core.Tensor;
import java.util.Arrays;

/** The math behind {@link F#marginRankingLoss} and {@link F#cosineEmbeddingLoss}: pairs judged by a ±1 target. */
final class EmbeddingLosses {
    /**
     * ATen's EPSILON, added to each squared norm so a zero vector has cosine 0 instead of 0/0; a float
     * constant there, so 1e-12 rounded to float32 even for float64 inputs.
     */
    private static final double EPSILON = 1e-12f;

    private EmbeddingLosses() {}

    /** {@code max(0, -y·(x1 - x2) + margin)}, PyTorch's composition in {@code aten/src/ATen/native/Loss.cpp}. */
    static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target, double margin, Reduction reduction) {
        String op = "marginRankingLoss";
        floating(op, "input1", input1);
        floating(op, "input2", input2);
        if (target == null) throw new NullPointerException(op + ": target is null");
        if (input1.dim() != input2.dim() || input1.dim() != target.dim()) {
            throw new IllegalArgumentException(op + ": All input tensors should have same dimension but got sizes: "
                    + "input1: " + Arrays.toString(input1.shape()) + ", input2: " + Arrays.toString(input2.shape())
                    + ", target: " + Arrays.toString(target.shape()) + "; give the target one ±1 per pair, in the "
                    + "inputs' shape");
        }
        Tensor loss = target.to(input1.dtype()).neg().mul(input1.sub(input2)).add(margin).clampMin(0);
        return reduction.apply(op, loss);
    }

    /**
     * {@code 1 - cos(x1, x2)} where y = 1, {@code max(0, cos(x1, x2) - margin)} where y = -1 (0 for any
     * other target), over the last dim of (N, D) inputs with target (N), or (D) inputs with a 0-d target.
     */
    static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target, double margin, Reduction reduction) {
        String op = "cosineEmbeddingLoss";
        floating(op, "input1", input1);
        floating(op, "input2", input2);
        if (target == null) throw new NullPointerException(op + ": target is null");
        int td = target.dim();
        if (td > 1) {
            throw new IllegalArgumentException(op + ": 0D or 1D target tensor expected, multi-target not supported; "
                    + "got target of shape " + Arrays.toString(target.shape()));
        }
        int[] s1 = input1.shape(), s2 = input2.shape();
        boolean batched = td == 1;
        if (s1.length != td + 1 || !Arrays.equals(s1, s2) || (batched && s1[0] != target.size(0))) {
            throw new IllegalArgumentException(op + ": " + (batched ? "1D target tensor of shape "
                    + Arrays.toString(target.shape()) + " expects 2D input tensors [" + target.size(0) + ", D]"
                    : "0D target tensor expects 1D input tensors [D]") + ", but found inputs with sizes "
                    + Arrays.toString(s1) + " and " + Arrays.toString(s2) + "; the cosine is taken over the last dim");
        }
        Tensor prodSum = input1.mul(input2).sum(td);
        Tensor magSquare1 = input1.mul(input1).sum(td).add(EPSILON), magSquare2 = input2.mul(input2).sum(td).add(EPSILON);
        Tensor cos = prodSum.div(magSquare1.mul(magSquare2).sqrt());
        Tensor zeros = Tensor.zerosLike(cos);
        Tensor pos = Tensor.where(target.eq(1.0), cos.neg().add(1), zeros);
        Tensor neg = Tensor.where(target.eq(-1.0), cos.sub(margin).clampMin(0), zeros);
        return reduction.apply(op, pos.add(neg));
    }
}
