package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Central-difference gradcheck of every differentiable op in the case table, in float64. */
class GradCheckTest {
    private static final Map<String, JsonNode> FIXTURES = Fixtures.cases("/fixtures/core_ops.json").stream()
            .collect(Collectors.toMap(c -> c.get("name").asText(), c -> c));

    /** Every case in the table: on the fixture's inputs when PyTorch has made them, else on its random ones. */
    static Stream<Arguments> float64Cases() {
        return OpCases.CASES.keySet().stream()
                .filter(name -> !OpCases.NO_GRADCHECK.contains(name))
                .filter(name -> !FIXTURES.containsKey(name) || allFloat64(FIXTURES.get(name)))
                .filter(name -> !FIXTURES.containsKey(name) || anyRequiresGrad(FIXTURES.get(name)))
                .map(name -> Arguments.of(name, (Supplier<Tensor[]>) () -> inputs(name, FIXTURES)));
    }

    static Tensor[] inputs(String name, Map<String, JsonNode> fixtures) {
        JsonNode c = fixtures.get(name);
        return c != null ? Fixtures.inputs(c) : OpCases.randomInputs(name);
    }

    /** Index outputs (max's, sort's) come from inputs PyTorch marked fixed: nothing to differentiate. */
    private static boolean anyRequiresGrad(JsonNode c) {
        for (JsonNode in : c.get("inputs")) if (in.path("requires_grad").asBoolean()) return true;
        return false;
    }

    private static boolean allFloat64(JsonNode c) {
        for (JsonNode in : c.get("inputs")) {
            String t = in.get("dtype").asText();
            if (t.equals("float32")) return false;
        }
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("float64Cases")
    void gradcheck(String name, Supplier<Tensor[]> inputs) {
        assertTrue(GradCheck.check(OpCases.CASES.get(name), inputs.get()));
    }

    /** The path a new op takes before its fixture exists: its declared random inputs. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithRandomInputs")
    void gradchecksDeclaredInputsWithoutAFixture(String name) {
        assertTrue(GradCheck.check(OpCases.CASES.get(name), inputs(name, Map.of())));
    }

    static Stream<String> casesWithRandomInputs() {
        return OpCases.RANDOM_INPUTS.keySet().stream();
    }

    @Test
    void explainsACaseWithNeitherFixtureNorInputs() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> inputs("exp", Map.of()));
        assertTrue(e.getMessage().contains("no PyTorch fixture and no random inputs"), e.getMessage());
    }

    @Test
    void detectsAWrongBackward() {
        class WrongSquare extends Op {
            @Override
            protected Tensor forward(Tensor... x) {
                save(x[0]);
                return x[0].mul(x[0]);
            }

            @Override
            protected Tensor[] backward(Tensor g) {
                return new Tensor[] {g.mul(saved(0))};  // missing the factor 2
            }
        }
        Tensor x = Tensor.of(DType.FLOAT64, 1, 2, 3).requiresGrad(true);
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheck.check(in -> new WrongSquare().apply(in[0]), x));
        assertTrue(e.getMessage().contains("Jacobian mismatch"), e.getMessage());
    }

    @Test
    void rejectsFloat32Inputs() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        assertThrows(IllegalArgumentException.class, () -> GradCheck.check(in -> in[0].exp(), x));
    }
}
