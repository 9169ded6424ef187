package io.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Generator;
import io.jgrad.core.GradCheck;
import io.jgrad.core.Tensor;
import io.jgrad.nn.Reduction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central-difference gradcheck of the three-tensor losses, each reduction, with respect to each
 * floating-point argument (the ±1 targets of the ranking losses are labels, not checked).
 */
class TernaryLossGradCheckTest {
    private static final Generator G = new Generator(14);

    static Stream<Arguments> losses() {
        Tensor a = Tensor.randn(G, 3, 4).toDouble(), b = Tensor.randn(G, 3, 4).toDouble();
        Tensor signs = Tensor.of(1, -1, 1).toDouble(), signs2d = Tensor.rand(G, 3, 4).gt(0.5).toDouble().mul(2).sub(1);
        Tensor var = Tensor.rand(G, 3, 4).toDouble().add(0.5), varPerRow = Tensor.rand(G, 3).toDouble().add(0.5);
        Tensor a1 = Tensor.randn(G, 4).toDouble(), b1 = Tensor.randn(G, 4).toDouble(), minusOne = Tensor.of(-1.0).squeeze();
        Stream.Builder<Arguments> s = Stream.builder();
        for (Reduction r : new Reduction[] {Reduction.NONE, Reduction.MEAN, Reduction.SUM}) {
            // a margin that keeps every pair off the hinge, where the loss has a kink
            s.add(case_("MarginRanking " + r, in -> new MarginRankingLoss().margin(0.3).reduction(r)
                    .apply(in[0], in[1], in[2]), a, b, signs2d.detach(), 2));
            s.add(case_("CosineEmbedding " + r, in -> new CosineEmbeddingLoss().margin(-0.9).reduction(r)
                    .apply(in[0], in[1], in[2]), a, b, signs, 2));
            s.add(case_("CosineEmbedding 1-D " + r, in -> new CosineEmbeddingLoss().margin(-1).reduction(r)
                    .apply(in[0], in[1], in[2]), a1, b1, minusOne, 2));
            s.add(case_("GaussianNLL " + r, in -> new GaussianNLLLoss().full(true).reduction(r)
                    .apply(in[0], in[1], in[2]), a, b, var, 3));
            s.add(case_("GaussianNLL per-row var " + r, in -> new GaussianNLLLoss().reduction(r)
                    .apply(in[0], in[1], in[2]), a, b, varPerRow, 3));
        }
        return s.build();
    }

    /** {@code differentiable}: how many of the arguments, from the first, get a gradient. */
    private static Arguments case_(String name, Function<Tensor[], Tensor> loss, Tensor x, Tensor y, Tensor z,
                                   int differentiable) {
        return Arguments.of(name, loss, new Tensor[] {x, y, z}, differentiable);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void gradcheck(String name, Function<Tensor[], Tensor> loss, Tensor[] args, int differentiable) {
        for (int i = 0; i < differentiable; i++) {
            Tensor[] in = new Tensor[3];
            for (int j = 0; j < 3; j++) in[j] = args[j].detach().clone().requiresGrad(j == i);
            assertTrue(GradCheck.check(loss, in), name + ": argument " + i);
        }
    }
}
