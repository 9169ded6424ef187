package io.jgrad.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads golden cases that a PyTorch script wrote as JSON (see src/test/python). Shared with the other
 * modules' tests through the core test-jar.
 */
public final class Fixtures {
    private Fixtures() {}

    /** Python's json writes NaN and Infinity bare. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** The "cases" array of a fixture file on the test class path, e.g. "/fixtures/core_ops.json". */
    public static List<JsonNode> cases(String resource) {
        return section(resource, "cases");
    }

    /** The "cases" array of a fixture file outside the class path, e.g. a larger local set a generator wrote. */
    public static List<JsonNode> casesIn(String path) {
        try {
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(new java.io.File(path)).get("cases").forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One top-level array of a fixture file. */
    public static List<JsonNode> section(String resource, String key) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing fixture " + resource + "; run the generator script");
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(in).get(key).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tensor from {"dtype", "shape", "data"[, "requires_grad"]}. NaN and infinities arrive as JSON NaN/Infinity. */
    public static Tensor tensor(JsonNode node) {
        int[] shape = new int[node.get("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = node.get("shape").get(i).asInt();
        JsonNode data = node.get("data");
        int n = data.size();
        Object array = switch (node.get("dtype").asText()) {
            case "float32" -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) a[i] = (float) data.get(i).asDouble();
                yield a;
            }
            case "float64" -> {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) a[i] = data.get(i).asDouble();
                yield a;
            }
            case "int64" -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) a[i] = data.get(i).asLong();
                yield a;
            }
            case "bool" -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) a[i] = data.get(i).asBoolean();
                yield a;
            }
            default -> throw new IllegalArgumentException("unknown dtype " + node.get("dtype"));
        };
        Tensor t = Tensor.fromArray(array, shape);
        if (node.has("requires_grad") && node.get("requires_grad").asBoolean()) t.requiresGrad(true);
        return t;
    }

    public static Tensor[] inputs(JsonNode c) {
        Tensor[] in = new Tensor[c.get("inputs").size()];
        for (int i = 0; i < in.length; i++) in[i] = tensor(c.get("inputs").get(i));
        return in;
    }

    /**
     * Checks a case computed by jgrad against PyTorch's record of it: the output, then (when an input
     * requires grad) each input's gradient of sum(output · upstream), or its absence.
     */
    public static void assertMatches(String name, JsonNode c, Tensor[] in, Tensor out) {
        TensorAssert.assertClose(tensor(c.get("output")), out, name + " output");
        if (java.util.Arrays.stream(in).noneMatch(Tensor::requiresGrad)) return;
        out.backward(tensor(c.get("upstream")));
        for (int i = 0; i < in.length; i++) {
            JsonNode expected = c.get("grads").get(i);
            if (expected == null || expected.isNull()) {
                org.junit.jupiter.api.Assertions.assertNull(in[i].grad(), name + " input " + i + " should get no gradient");
            } else {
                org.junit.jupiter.api.Assertions.assertNotNull(in[i].grad(), name + " input " + i + " got no gradient");
                TensorAssert.assertClose(tensor(expected), in[i].grad(), name + " grad of input " + i);
            }
        }
    }
}
