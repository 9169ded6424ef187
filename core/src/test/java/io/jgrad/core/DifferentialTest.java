package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random op chains against PyTorch 1.13 (gen_random_programs.py): equal values, gradients,
 * shapes and dtypes, and a clear refusal wherever PyTorch raised. A failure names the seed; rerun
 * the generator with {@code --first SEED --count 1 --out /tmp/p.json} and replay it here with
 * {@code -Djgrad.programs=/tmp/p.json} (the same property replays a larger local set).
 */
class DifferentialTest {
    private static final String FILE = System.getProperty("jgrad.programs", "");

    static Stream<Arguments> programs() {
        List<JsonNode> cases = FILE.isEmpty() ? Fixtures.cases("/fixtures/random_programs.json") : Fixtures.casesIn(FILE);
        return cases.stream().map(c -> Arguments.of("seed " + c.get("seed").asInt() + ": " + c.get("expr").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void matchesPyTorch(String name, JsonNode c) {
        Programs.named(name, () -> replay(c));
    }

    private static void replay(JsonNode c) {
        Tensor[] in = Fixtures.inputs(c);
        if (c.has("raised")) {
            Programs.assertRefused(c, () -> Programs.run(in, c.get("steps")));
            return;
        }
        Tensor out = Programs.run(in, c.get("steps"));
        boolean f32 = c.toString().contains("float32");  // a float32 input or cast rounds everything after it
        TensorAssert.assertClose(Fixtures.tensor(c.get("output")), out, "output", f32);
        if (c.has("backward_raised")) {
            // PyTorch's own backward checks reject some graphs its forward accepted (e.g. scatter_add with an
            // empty index); jgrad may differentiate them, but only a clear refusal may stop it
            try {
                out.backward(Tensor.onesLike(out));
            } catch (RuntimeException e) {
                if (!Programs.isClearRefusal(e)) throw new AssertionError("raw exception in backward", e);
            }
            return;
        }
        if (!c.has("grads")) return;
        out.backward(Fixtures.tensor(c.get("upstream")));
        for (int i = 0; i < in.length; i++) {
            JsonNode expected = c.get("grads").get(i);
            if (expected.isNull()) {
                assertNull(in[i].grad(), "input " + i + " should get no gradient");
            } else {
                assertNotNull(in[i].grad(), "input " + i + " got no gradient");
                TensorAssert.assertClose(Fixtures.tensor(expected), in[i].grad(), "grad of input x" + i, f32);
            }
        }
    }
}
