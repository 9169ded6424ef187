package io.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgrad.core.Fixtures;
import io.jgrad.core.Tensor;
import io.jgrad.nn.F;
import io.jgrad.nn.Reduction;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loss and option combination against PyTorch 1.13: values, and input (and target) gradients of
 * sum(output · upstream). Fixtures from nn/src/test/python/gen_loss_fixtures.py.
 */
class LossFixtureTest {
    private static final List<JsonNode> CASES = Fixtures.cases("/fixtures/losses.json");

    static Stream<Arguments> cases() {
        return CASES.stream().map(c -> Arguments.of(c.get("name").asText(), c));
    }

    /** The loss module a case describes, built through the fluent options a user would call. */
    static Loss<?> build(JsonNode c) {
        JsonNode o = c.get("options");
        Tensor weight = o.has("weight") ? Fixtures.tensor(o.get("weight")) : null;
        int ignore = o.has("ignore_index") ? o.get("ignore_index").asInt() : F.DEFAULT_IGNORE_INDEX;
        Loss<?> loss = switch (c.get("loss").asText()) {
            case "BCELoss" -> new BCELoss().weight(weight);
            case "BCEWithLogitsLoss" -> new BCEWithLogitsLoss().weight(weight)
                    .posWeight(o.has("pos_weight") ? Fixtures.tensor(o.get("pos_weight")) : null);
            case "NLLLoss" -> new NLLLoss().weight(weight).ignoreIndex(ignore);
            case "CrossEntropyLoss" -> new CrossEntropyLoss().weight(weight).ignoreIndex(ignore)
                    .labelSmoothing(o.has("label_smoothing") ? o.get("label_smoothing").asDouble() : 0);
            case "KLDivLoss" -> new KLDivLoss().logTarget(o.has("log_target") && o.get("log_target").asBoolean());
            case "MSELoss" -> new MSELoss();
            case "L1Loss" -> new L1Loss();
            case "HuberLoss" -> new HuberLoss().delta(o.has("delta") ? o.get("delta").asDouble() : 1.0);
            case "SmoothL1Loss" -> new SmoothL1Loss().beta(o.has("beta") ? o.get("beta").asDouble() : 1.0);
            case "MultiLabelSoftMarginLoss" -> new MultiLabelSoftMarginLoss().weight(weight);
            case "MarginRankingLoss" -> new MarginRankingLoss().margin(o.has("margin") ? o.get("margin").asDouble() : 0);
            case "CosineEmbeddingLoss" -> new CosineEmbeddingLoss().margin(o.has("margin") ? o.get("margin").asDouble() : 0);
            case "PoissonNLLLoss" -> new PoissonNLLLoss().logInput(!o.has("log_input") || o.get("log_input").asBoolean())
                    .full(o.has("full") && o.get("full").asBoolean()).eps(o.has("eps") ? o.get("eps").asDouble() : 1e-8);
            case "GaussianNLLLoss" -> new GaussianNLLLoss().full(o.has("full") && o.get("full").asBoolean())
                    .eps(o.has("eps") ? o.get("eps").asDouble() : 1e-6);
            default -> throw new IllegalArgumentException("unknown loss " + c.get("loss"));
        };
        return loss.reduction(Reduction.valueOf(o.get("reduction").asText().toUpperCase()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, JsonNode c) {
        Tensor[] in = Fixtures.inputs(c);
        Loss<?> loss = build(c);
        Tensor out = in.length == 3 ? ((TernaryLoss<?>) loss).apply(in[0], in[1], in[2]) : loss.apply(in[0], in[1]);
        Fixtures.assertMatches(name, c, in, out);
    }

    @Test
    void coversEveryLoss() {
        for (String loss : List.of("BCELoss", "BCEWithLogitsLoss", "NLLLoss", "CrossEntropyLoss", "KLDivLoss", "MSELoss",
                "L1Loss", "HuberLoss", "SmoothL1Loss", "MultiLabelSoftMarginLoss", "MarginRankingLoss",
                "CosineEmbeddingLoss", "PoissonNLLLoss", "GaussianNLLLoss")) {
            assertTrue(CASES.stream().anyMatch(c -> c.get("loss").asText().equals(loss)), "no fixture for " + loss);
        }
    }
}
