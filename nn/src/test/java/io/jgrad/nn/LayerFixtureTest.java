package io.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgrad.core.DType;
import io.jgrad.core.Fixtures;
import io.jgrad.core.Fused;
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
 * Every layer and option against PyTorch 1.13, float64 and float32: the module is built from the
 * case's options, PyTorch's parameters are copied in, and the output, the input's gradient and every
 * parameter's gradient of sum(output · upstream) must match, as must the repr. Fixtures from
 * nn/src/test/python/gen_layer_fixtures.py.
 */
class LayerFixtureTest {
    private static final List<JsonNode> CASES = Fixtures.cases("/fixtures/layers.json");

    static Stream<Arguments> cases() {
        return CASES.stream().map(c -> Arguments.of(c.get("name").asText(), c));
    }

    /** The Java twin of a case's module, built from its "layer" and "options" alone. */
    static Module build(JsonNode c) {
        JsonNode o = c.get("options");
        Generator g = new Generator(1);
        return switch (c.get("layer").asText()) {
            case "Conv2d" -> new Conv2d(o.get("in_channels").asInt(), o.get("out_channels").asInt(),
                    ints(o, "kernel_size", 0), ints(o, "stride", 1), ints(o, "padding", 0), ints(o, "dilation", 1),
                    o.path("groups").asInt(1), o.path("bias").asBoolean(true), g);
            case "Conv1d" -> new Conv1d(o.get("in_channels").asInt(), o.get("out_channels").asInt(),
                    o.get("kernel_size").asInt(), o.path("stride").asInt(1), o.path("padding").asInt(0),
                    o.path("dilation").asInt(1), o.path("groups").asInt(1), o.path("bias").asBoolean(true), g);
            case "MaxPool2d" -> new MaxPool2d(ints(o, "kernel_size", 0), o.has("stride") ? ints(o, "stride", 0)
                    : ints(o, "kernel_size", 0), ints(o, "padding", 0), ints(o, "dilation", 1));
            case "AvgPool2d" -> new AvgPool2d(ints(o, "kernel_size", 0), o.has("stride") ? ints(o, "stride", 0)
                    : ints(o, "kernel_size", 0), ints(o, "padding", 0), o.path("count_include_pad").asBoolean(true));
            case "AdaptiveAvgPool2d" -> new AdaptiveAvgPool2d(ints(o, "output_size", 0));
            case "LayerNorm" -> new LayerNorm(ints(o, "normalized_shape", 0), o.path("eps").asDouble(1e-5),
                    o.path("elementwise_affine").asBoolean(true));
            case "Unfold" -> functional(x -> Fused.im2col(x, ints(o, "kernel_size", 0), ints(o, "dilation", 1),
                    ints(o, "padding", 0), ints(o, "stride", 1), 0, Fused.BlockLayout.COLUMNS));
            default -> throw new IllegalArgumentException("unknown layer " + c.get("layer"));
        };
    }

    /** An int option as jgrad's one-or-two form, {@code fallback} when absent. */
    static int[] ints(JsonNode o, String key, int fallback) {
        JsonNode v = o.get(key);
        if (v == null) return new int[] {fallback};
        if (!v.isArray()) return new int[] {v.asInt()};
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i).asInt();
        return out;
    }

    private static Module functional(java.util.function.UnaryOperator<Tensor> f) {
        return new Module() {
            @Override
            protected Tensor forward(Tensor input) {
                return f.apply(input);
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, JsonNode c) {
        Module m = build(c);
        Tensor x = Fixtures.tensor(c.get("input"));
        m.to(x.dtype());
        Map<String, Tensor> params = new LinkedHashMap<>();
        c.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), Fixtures.tensor(e.getValue())));
        m.loadStateDict(params, true);
        if (!c.get("layer").asText().equals("Unfold")) assertEquals(c.get("repr").asText(), m.toString(), name + " repr");
        x.requiresGrad(true);
        Tensor out = m.apply(x);
        TensorAssert.assertClose(Fixtures.tensor(c.get("output")), out, name + " output");
        out.backward(Fixtures.tensor(c.get("upstream")));
        TensorAssert.assertClose(Fixtures.tensor(c.get("input_grad")), x.grad(), name + " input grad");
        Map<String, Tensor> own = m.namedParameters();
        c.get("param_grads").fields().forEachRemaining(e -> {
            Tensor p = own.get(e.getKey());
            assertNotNull(p.grad(), name + " " + e.getKey() + " got no gradient");
            TensorAssert.assertClose(Fixtures.tensor(e.getValue()), p.grad(), name + " grad of " + e.getKey());
        });
        assertEquals(DType.valueOf(c.get("input").get("dtype").asText().toUpperCase()), out.dtype(), name + " dtype");
    }
}
