package io.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgrad.core.Fixtures;
import io.jgrad.core.Fused;
import io.jgrad.core.Programs;
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
 * Seeded random window-layer configurations against PyTorch 1.13 (gen_random_layers.py): F.conv2d,
 * F.conv1d, F.maxPool2d (and its indices through {@link Fused#maxPool2dWithIndices}), F.avgPool2d and
 * F.batchNorm must give PyTorch's output, gradients of sum(out · upstream) and updated running
 * statistics, and refuse clearly wherever PyTorch raised. A failure names the seed; rerun the generator
 * with {@code --first SEED --count 1 --out /tmp/l.json} and replay it with {@code -Djgrad.layers=/tmp/l.json}.
 * Every case replays on both devices: all of them take a few seconds even on ND4J.
 */
class RandomLayerTest {
    private static final String FILE = System.getProperty("jgrad.layers", "");

    static Stream<Arguments> cases() {
        List<JsonNode> all = FILE.isEmpty() ? Fixtures.cases("/fixtures/random_layers.json") : Fixtures.casesIn(FILE);
        return all.stream().map(c -> Arguments.of("seed " + c.get("seed").asInt() + ": " + c.get("op").asText() + " "
                + c.get("options"), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, JsonNode c) {
        Programs.named(name, () -> replay(c));
    }

    private static void replay(JsonNode c) {
        Map<String, Tensor> args = new LinkedHashMap<>();
        c.get("args").fields().forEachRemaining(e -> args.put(e.getKey(), Fixtures.tensor(e.getValue())));
        for (String k : new String[] {"input", "weight", "bias"}) {
            if (args.containsKey(k)) args.get(k).requiresGrad(true);
        }
        if (c.has("raised")) {
            Programs.assertRefused(c, () -> run(c, args));
            return;
        }
        Tensor out = run(c, args);
        TensorAssert.assertClose(Fixtures.tensor(c.get("output")), out, "output");
        if (c.has("indices")) {
            // Fused's pooling takes [N, C, H, W] only (F batches an unbatched input before calling it)
            Tensor x = args.get("input").detach();
            boolean unbatched = x.dim() == 3;
            JsonNode o = c.get("options");
            Tensor indices = Fused.maxPool2dWithIndices(unbatched ? x.unsqueeze(0) : x, ints(o, "kernel_size"),
                    ints(o, "stride"), ints(o, "padding"), ints(o, "dilation")).indices();
            if (unbatched) indices = indices.squeeze(0);
            TensorAssert.assertClose(Fixtures.tensor(c.get("indices")), indices, "indices");
        }
        if (c.has("running_after")) {
            c.get("running_after").fields().forEachRemaining(e ->
                    TensorAssert.assertClose(Fixtures.tensor(e.getValue()), args.get(e.getKey()), e.getKey() + " after"));
        }
        out.backward(Fixtures.tensor(c.get("upstream")));
        c.get("grads").fields().forEachRemaining(e -> {
            Tensor grad = args.get(e.getKey()).grad();
            assertNotNull(grad, e.getKey() + " got no gradient");
            TensorAssert.assertClose(Fixtures.tensor(e.getValue()), grad, "grad of " + e.getKey());
        });
    }

    /** The case's functional call, its options read as PyTorch's generator passed them. */
    private static Tensor run(JsonNode c, Map<String, Tensor> a) {
        JsonNode o = c.get("options");
        Tensor x = a.get("input"), w = a.get("weight"), b = a.get("bias");
        return switch (c.get("op").asText()) {
            case "conv2d" -> F.conv2d(x, w, b, ints(o, "stride"), ints(o, "padding"), ints(o, "dilation"),
                    o.get("groups").asInt());
            case "conv1d" -> F.conv1d(x, w, b, o.get("stride").asInt(), o.get("padding").asInt(),
                    o.get("dilation").asInt(), o.get("groups").asInt());
            case "max_pool2d" -> F.maxPool2d(x, ints(o, "kernel_size"), ints(o, "stride"), ints(o, "padding"),
                    ints(o, "dilation"));
            case "avg_pool2d" -> F.avgPool2d(x, ints(o, "kernel_size"), ints(o, "stride"), ints(o, "padding"),
                    o.get("count_include_pad").asBoolean());
            case "batch_norm" -> F.batchNorm(x, a.get("running_mean"), a.get("running_var"), w, b,
                    o.get("training").asBoolean(), o.get("momentum").asDouble(), o.get("eps").asDouble());
            default -> throw new IllegalArgumentException("unknown op " + c.get("op"));
        };
    }

    private static int[] ints(JsonNode o, String key) {
        return LayerFixtureTest.ints(o, key, 0);
    }
}
