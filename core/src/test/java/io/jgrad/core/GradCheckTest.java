package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Central-difference gradcheck of every differentiable op in the case table, in float64. */
class GradCheckTest {
    static Stream<Arguments> float64Cases() {
        return Fixtures.cases("/fixtures/core_ops.json").stream()
                .filter(c -> !OpCases.NO_GRADCHECK.contains(c.get("name").asText()))
                .filter(GradCheckTest::allFloat64)
                .map(c -> Arguments.of(c.get("name").asText(), c));
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
    void gradcheck(String name, JsonNode c) {
        assertTrue(GradCheck.check(OpCases.CASES.get(name), Fixtures.inputs(c)));
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
