package io.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgrad.core.DType;
import io.jgrad.core.Fixtures;
import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import io.jgrad.core.TensorAssert;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The activation layers and Embedding against PyTorch 1.13, float64 and float32, edge values
 * included (0, the kinks and thresholds, ±inf, NaN): output, the input's gradient and every
 * parameter's gradient of sum(output · upstream), and the repr. Fixtures from
 * nn/src/test/python/gen_activation_fixtures.py.
 */
class ActivationFixtureTest {
    private static final List<JsonNode> CASES = Fixtures.cases("/fixtures/activations.json");

    static Stream<Arguments> cases() {
        return CASES.stream().map(c -> Arguments.of(c.get("name").asText(), c));
    }

    /** The Java twin of a case's module, built from its "layer" and "options" alone. */
    static Module build(JsonNode c) {
        JsonNode o = c.get("options");
        return switch (c.get("layer").asText()) {
            case "SiLU" -> new SiLU();
            case "GELU" -> o.has("approximate") ? new GELU(o.get("approximate").asText()) : new GELU();
            case "Softplus" -> new Softplus(o.path("beta").asDouble(1), o.path("threshold").asDouble(20));
            case "ELU" -> new ELU(o.path("alpha").asDouble(1));
            case "Hardtanh" -> new Hardtanh(o.path("min_val").asDouble(-1), o.path("max_val").asDouble(1));
            case "Embedding" -> new Embedding(o.get("num_embeddings").asInt(), o.get("embedding_dim").asInt(),
                    o.has("padding_idx") ? Integer.valueOf(o.get("padding_idx").asInt()) : null, new Generator(1));
            default -> throw new IllegalArgumentException("unknown layer " + c.get("layer"));
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, JsonNode c) {
        Module m = build(c);
        Tensor x = Fixtures.tensor(c.get("input"));
        DType dtype = DType.valueOf(c.get("output").get("dtype").asText().toUpperCase());
        m.to(dtype);
        Map<String, Tensor> params = new LinkedHashMap<>();
        c.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), Fixtures.tensor(e.getValue())));
        m.loadStateDict(params, true);
        assertEquals(c.get("repr").asText(), m.toString(), name + " repr");
        if (c.has("input_grad")) x.requiresGrad(true);
        Tensor out = m.apply(x);
        TensorAssert.assertClose(Fixtures.tensor(c.get("output")), out, name + " output");
        assertEquals(dtype, out.dtype(), name + " dtype");
        out.backward(Fixtures.tensor(c.get("upstream")));
        if (c.has("input_grad")) TensorAssert.assertClose(Fixtures.tensor(c.get("input_grad")), x.grad(), name + " input grad");
        Map<String, Tensor> own = m.namedParameters();
        c.get("param_grads").fields().forEachRemaining(e -> {
            Tensor p = own.get(e.getKey());
            assertNotNull(p.grad(), name + " " + e.getKey() + " got no gradient");
            TensorAssert.assertClose(Fixtures.tensor(e.getValue()), p.grad(), name + " grad of " + e.getKey());
        });
    }
}
