package io.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgrad.core.Fixtures;
import io.jgrad.core.Tensor;
import io.jgrad.core.TensorAssert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BatchNorm1d/2d against PyTorch 1.13 over several train and eval steps, float64 and float32: the
 * module loads PyTorch's initial state dict (strictly, so its keys must be PyTorch's), then at each
 * step the output, the input's and parameters' gradients and the buffers afterwards (running
 * statistics, num_batches_tracked) must match. Fixtures: the "norm_cases" of
 * nn/src/test/python/gen_layer_fixtures.py.
 */
class NormFixtureTest {
    private static final List<JsonNode> CASES = Fixtures.section("/fixtures/layers.json", "norm_cases");

    static Stream<Arguments> cases() {
        return CASES.stream().map(c -> Arguments.of(c.get("name").asText(), c));
    }

    static BatchNormNd build(JsonNode c) {
        JsonNode o = c.get("options");
        int n = o.get("num_features").asInt();
        double eps = o.path("eps").asDouble(1e-5);
        double momentum = !o.has("momentum") ? 0.1 : o.get("momentum").isNull() ? Double.NaN : o.get("momentum").asDouble();
        boolean affine = o.path("affine").asBoolean(true), track = o.path("track_running_stats").asBoolean(true);
        return switch (c.get("layer").asText()) {
            case "BatchNorm1d" -> new BatchNorm1d(n, eps, momentum, affine, track);
            case "BatchNorm2d" -> new BatchNorm2d(n, eps, momentum, affine, track);
            default -> throw new IllegalArgumentException("unknown layer " + c.get("layer"));
        };
    }

    private static Map<String, Tensor> tensors(JsonNode node) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), Fixtures.tensor(e.getValue())));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorchStepByStep(String name, JsonNode c) {
        BatchNormNd m = build(c);
        Map<String, Tensor> state = tensors(c.get("state"));
        assertEquals(new ArrayList<>(state.keySet()), new ArrayList<>(m.stateDict().keySet()), name + " state dict keys");
        m.to(Fixtures.tensor(c.get("steps").get(0).get("input")).dtype());
        m.loadStateDict(state, true);
        assertEquals(c.get("repr").asText(), m.toString(), name + " repr");
        int i = 0;
        for (JsonNode step : c.get("steps")) {
            String at = name + " step " + i++;
            m.train(step.get("training").asBoolean());
            m.zeroGrad();
            Tensor x = Fixtures.tensor(step.get("input")).requiresGrad(true);
            Tensor out = m.apply(x);
            TensorAssert.assertClose(Fixtures.tensor(step.get("output")), out, at + " output");
            out.backward(Fixtures.tensor(step.get("upstream")));
            TensorAssert.assertClose(Fixtures.tensor(step.get("input_grad")), x.grad(), at + " input grad");
            compare(at + " grad of ", tensors(step.get("param_grads")), m.namedParameters(), (p, own) -> {
                assertNotNull(own.grad(), at + " got no parameter gradient");
                return own.grad();
            });
            Map<String, Tensor> buffers = tensors(step.get("buffers"));
            assertEquals(buffers.keySet(), m.namedBuffers().keySet(), at + " buffer names");
            compare(at + " buffer ", buffers, m.namedBuffers(), (p, own) -> own);
        }
    }

    private interface Pick {
        Tensor of(String key, Tensor own);
    }

    private static void compare(String what, Map<String, Tensor> expected, Map<String, Tensor> own, Pick pick) {
        expected.forEach((k, e) -> {
            Tensor actual = pick.of(k, own.get(k));
            if (e.dtype().isFloatingPoint()) {
                TensorAssert.assertClose(e, actual, what + k);
            } else {
                assertEquals(e.dtype(), actual.dtype(), what + k + " dtype");
                assertArrayEquals(e.toLongArray(), actual.toLongArray(), what + k);
            }
        });
    }
}
