package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each built-in op's grad_fn prints as PyTorch 1.13's for the same call (type(t.grad_fn).__name__). */
class GradFnNamesTest {
    @Test
    void namesMatchPyTorch() {
        Tensor x = Tensor.rand(2, 3).requiresGrad(true), y = Tensor.rand(2, 3).requiresGrad(true);
        Tensor v = Tensor.rand(3).requiresGrad(true);
        Tensor i = Tensor.of(new long[][] {{0, 1, 2}, {2, 1, 0}});
        Map<String, Tensor> torch = new LinkedHashMap<>();
        torch.put("ToCopyBackward0", x.toDouble());
        torch.put("CloneBackward0", x.clone());
        torch.put("AddBackward0", x.add(y));
        torch.put("SubBackward0", x.sub(2.0));
        torch.put("MulBackward0", x.mul(y));
        torch.put("DivBackward0", x.div(y));
        torch.put("NegBackward0", x.neg());
        torch.put("PowBackward0", x.pow(2));
        torch.put("PowBackward1", x.pow(y));
        torch.put("ExpBackward0", x.exp());
        torch.put("LogBackward0", x.log());
        torch.put("Log1PBackward0", x.log1p());
        torch.put("SqrtBackward0", x.sqrt());
        torch.put("AbsBackward0", x.abs());
        torch.put("TanhBackward0", x.tanh());
        torch.put("SigmoidBackward0", x.sigmoid());
        torch.put("ReluBackward0", x.relu());
        torch.put("ClampBackward1", x.clamp(0.2, 0.8));
        torch.put("ClampMinBackward0", x.clampMin(0.2));
        torch.put("ClampMaxBackward0", x.clampMax(0.8));
        torch.put("MaximumBackward0", x.maximum(y));
        torch.put("MinimumBackward0", x.minimum(y));
        torch.put("WhereBackward0", Tensor.where(x.gt(0.5), x, y));
        torch.put("MmBackward0", x.matmul(y.t()));
        torch.put("SumBackward0", x.sum());
        torch.put("SumBackward1", x.sum(1));
        torch.put("MeanBackward0", x.mean());
        torch.put("MeanBackward1", x.mean(1));
        torch.put("AmaxBackward0", x.amax());
        torch.put("AminBackward0", x.amin());
        torch.put("LogsumexpBackward0", x.logsumexp(1));
        torch.put("SoftmaxBackward0", x.softmax(1));
        torch.put("LogSoftmaxBackward0", x.logSoftmax(1));
        torch.put("ReshapeAliasBackward0", x.reshape(3, 2));
        torch.put("ViewBackward0", x.view(6));
        torch.put("SqueezeBackward0", x.unsqueeze(0).squeeze());
        torch.put("SqueezeBackward1", x.unsqueeze(0).squeeze(0));
        torch.put("UnsqueezeBackward0", x.unsqueeze(0));
        torch.put("TransposeBackward0", x.transpose(0, 1));
        torch.put("TBackward0", x.t());
        torch.put("PermuteBackward0", x.permute(1, 0));
        torch.put("ExpandBackward0", v.expand(2, 3));
        torch.put("SliceBackward0", x.narrow(1, 0, 2));
        torch.put("CatBackward0", Tensor.cat(0, x, y));
        torch.put("GatherBackward0", x.gather(1, i));
        torch.put("ScatterAddBackward0", x.scatterAdd(1, i, y));
        torch.put("IndexSelectBackward0", x.indexSelect(1, Tensor.of(new long[] {0, 2})));
        torch.put("MaskedFillBackward0", x.maskedFill(x.gt(0.5), 0.0));
        torch.put("UnsafeViewBackward0", x.reshape(1, 1, 2, 3).matmul(y.t()));
        torch.put("VarBackward0", x.var());
        torch.put("StdBackward0", x.std(1));
        torch.put("NormBackward1", x.norm(1, 1, false));
        torch.put("MaxBackward0", x.max(1).values());
        torch.put("MinBackward0", x.min(0, true).values());
        torch.put("ConstantPadNdBackward0", x.pad(new int[] {1, 1}, 0));
        torch.put("CumsumBackward0", x.cumsum(1));
        torch.put("SortBackward0", x.sort(1).values());
        torch.put("TopkBackward0", x.topk(2).values());
        torch.put("ErfBackward0", x.erf());
        Tensor image = x.reshape(1, 1, 2, 3);
        int[] unit = {1, 1}, none = {0, 0};
        torch.put("ConvolutionBackward0", Fused.conv2d(image, Tensor.ones(1, 1, 1, 2), null, unit, none, unit, 1));
        torch.put("MaxPool2DWithIndicesBackward0", Fused.maxPool2d(image, new int[] {1, 2}, unit, none, unit));
        torch.put("NativeBatchNormBackward0", Fused.batchNorm(x, null, null, null, null, true, 0.1, 1e-5));
        torch.forEach((name, t) -> assertEquals(name, t.gradFn().name()));
    }

    /**
     * split's pieces are slices but carry split's names. Expected: PyTorch 1.13's
     * {@code [p.grad_fn.name() for p in torch.split(x, 2)]} (and so on for each call below), with
     * {@code x = torch.rand(4, requires_grad=True)} and {@code e = torch.rand(0, 2, requires_grad=True)}.
     */
    @Test
    void splitPiecesAreNamedAsInPyTorch() {
        Tensor x = Tensor.rand(4).requiresGrad(true), e = Tensor.rand(0, 2).requiresGrad(true);
        assertPieces(x.split(2, 0), "SplitBackward0", 2);  // torch.split(x, 2)
        assertPieces(x.split(4, 0), "SplitBackward0", 1);  // torch.split(x, 4)
        assertPieces(x.split(new int[] {1, 3}, 0), "SplitWithSizesBackward0", 2);  // torch.split(x, [1, 3])
        assertPieces(x.split(new int[] {0, 4}, 0), "SplitWithSizesBackward0", 2);  // torch.split(x, [0, 4])
        assertPieces(x.chunk(2, 0), "SplitBackward0", 2);  // torch.chunk(x, 2)
        assertPieces(x.chunk(3, 0), "SplitBackward0", 2);  // torch.chunk(x, 3)
        assertPieces(e.chunk(3, 0), "SplitWithSizesBackward0", 3);  // torch.chunk(e, 3, 0)
        assertEquals("SliceBackward0", x.narrow(0, 1, 2).gradFn().name(), "narrow keeps its own name");
    }

    private static void assertPieces(java.util.List<Tensor> pieces, String name, int count) {
        assertEquals(count, pieces.size(), name + " piece count");
        for (Tensor p : pieces) assertEquals(name, p.gradFn().name());
    }
}
