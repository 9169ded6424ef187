package io.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgrad.core.Generator;
import io.jgrad.core.GradCheck;
import io.jgrad.core.Tensor;
import io.jgrad.nn.Reduction;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Central-difference gradcheck of every loss, each reduction, with the options that change the math. */
class LossGradCheckTest {
    private static final Generator G = new Generator(11);

    static Stream<Arguments> losses() {
        Tensor probs = Tensor.rand(G, 3, 4).toDouble().mul(0.8).add(0.1);
        Tensor soft = Tensor.rand(G, 3, 4).toDouble();
        Tensor logits = Tensor.randn(G, 3, 4).toDouble();
        Tensor labels = Tensor.of(new long[] {0, 3, 1});
        Tensor labelsIgnored = Tensor.of(new long[] {0, 2, 1});
        Tensor classW = Tensor.rand(G, 4).toDouble().add(0.5);
        Tensor dist = Tensor.rand(G, 3, 4).toDouble().softmax(1);
        Tensor other = logits.add(Tensor.rand(G, 3, 4).toDouble().add(0.2));
        Tensor logits1d = Tensor.randn(G, 4).toDouble();
        Tensor label0d = Tensor.of(new long[] {3}).squeeze();
        Tensor logitsK = Tensor.randn(G, 2, 4, 3).toDouble();
        Tensor labelsK = Tensor.of(new long[][] {{0, -1, 3}, {2, 1, -1}});
        Tensor counts = Tensor.rand(G, 3, 4).toDouble().mul(5).add(0.2);
        Stream.Builder<Arguments> b = Stream.builder();
        for (Reduction r : new Reduction[] {Reduction.NONE, Reduction.MEAN, Reduction.SUM}) {
            b.add(case_("BCE " + r, (x, t) -> new BCELoss().reduction(r).weight(classW).apply(x, t), probs, soft));
            b.add(case_("BCEWithLogits " + r, (x, t) -> new BCEWithLogitsLoss().reduction(r).posWeight(classW).apply(x, t),
                    logits, soft));
            b.add(case_("NLL " + r, (x, t) -> new NLLLoss().reduction(r).weight(classW).ignoreIndex(2).apply(x, t),
                    logits.logSoftmax(1), labelsIgnored));
            b.add(case_("CE smoothing " + r, (x, t) -> new CrossEntropyLoss().reduction(r).weight(classW)
                    .labelSmoothing(0.2).ignoreIndex(2).apply(x, t), logits, labelsIgnored));
            b.add(case_("CE probabilities " + r, (x, t) -> new CrossEntropyLoss().reduction(r).labelSmoothing(0.1)
                    .apply(x, t), logits, dist));
            b.add(case_("CE " + r, (x, t) -> new CrossEntropyLoss().reduction(r).apply(x, t), logits, labels));
            b.add(case_("CE weight ignore " + r, (x, t) -> new CrossEntropyLoss().reduction(r).weight(classW)
                    .ignoreIndex(2).apply(x, t), logits, labelsIgnored));
            b.add(case_("CE 1-D " + r, (x, t) -> new CrossEntropyLoss().reduction(r).apply(x, t), logits1d, label0d));
            b.add(case_("CE 1-D weight " + r, (x, t) -> new CrossEntropyLoss().reduction(r).weight(classW).apply(x, t),
                    logits1d, label0d));
            b.add(case_("CE k-dim " + r, (x, t) -> new CrossEntropyLoss().reduction(r).ignoreIndex(-1).apply(x, t),
                    logitsK, labelsK));
            b.add(case_("CE k-dim weight ignore " + r, (x, t) -> new CrossEntropyLoss().reduction(r).weight(classW)
                    .ignoreIndex(-1).apply(x, t), logitsK, labelsK));
            b.add(case_("MSE " + r, (x, t) -> new MSELoss().reduction(r).apply(x, t), logits, other));
            b.add(case_("L1 " + r, (x, t) -> new L1Loss().reduction(r).apply(x, t), logits, other));
            b.add(case_("Huber " + r, (x, t) -> new HuberLoss().delta(0.5).reduction(r).apply(x, t), logits, other));
            b.add(case_("SmoothL1 " + r, (x, t) -> new SmoothL1Loss().beta(0.5).reduction(r).apply(x, t), logits, other));
            b.add(case_("SmoothL1 beta 0 " + r, (x, t) -> new SmoothL1Loss().beta(0).reduction(r).apply(x, t), logits, other));
            b.add(case_("MultiLabelSoftMargin " + r, (x, t) -> new MultiLabelSoftMarginLoss().weight(classW).reduction(r)
                    .apply(x, t), logits, soft));
            b.add(case_("PoissonNLL " + r, (x, t) -> new PoissonNLLLoss().full(true).reduction(r).apply(x, t), logits, counts));
            b.add(case_("PoissonNLL rate " + r, (x, t) -> new PoissonNLLLoss().logInput(false).full(true).reduction(r)
                    .apply(x, t), probs, counts));
        }
        for (Reduction r : Reduction.values()) {
            if (r == Reduction.MEAN) continue;  // covered by the identities; MEAN only warns
            b.add(case_("KL " + r, (x, t) -> new KLDivLoss().reduction(r).apply(x, t), logits.logSoftmax(1), dist));
            b.add(case_("KL logTarget " + r, (x, t) -> new KLDivLoss().logTarget(true).reduction(r).apply(x, t),
                    logits.logSoftmax(1), dist.log()));
        }
        return b.build();
    }

    private static Arguments case_(String name, BiFunction<Tensor, Tensor, Tensor> loss, Tensor input, Tensor target) {
        return Arguments.of(name, loss, input, target);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void gradcheck(String name, BiFunction<Tensor, Tensor, Tensor> loss, Tensor input, Tensor target) {
        Tensor x = input.detach().clone().requiresGrad(true);
        Tensor t = target.detach();
        assertTrue(GradCheck.check(in -> loss.apply(in[0], in[1]), x, t));
        if (t.dtype().isFloatingPoint() && !name.startsWith("CE")) {
            Tensor t2 = t.clone().requiresGrad(true);  // gradient with respect to the target too
            assertTrue(GradCheck.check(in -> loss.apply(in[0], in[1]), input.detach().clone(), t2));
        }
    }
}
