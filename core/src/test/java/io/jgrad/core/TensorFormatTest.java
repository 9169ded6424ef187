package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** toString against PyTorch's repr of the same data (dtype names without the "torch." prefix). */
class TensorFormatTest {
    static Stream<Arguments> printing() {
        return Fixtures.section("/fixtures/core_ops.json", "printing").stream()
                .map(p -> Arguments.of(p.get("name").asText(), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("printing")
    void printsLikePyTorch(String name, JsonNode p) {
        String expected = p.get("repr").asText().replace("torch.", "");
        assertEquals(expected, Fixtures.tensor(p).toString());
    }

    @Test
    void showsGradFnAndRequiresGrad() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        assertEquals("tensor([1., 2.], requires_grad=True)", x.toString());
        assertEquals("tensor([2., 4.], grad_fn=<MulBackward>)", x.mul(2.0).toString());
        assertEquals("tensor(3., grad_fn=<SumBackward>)", x.sum().toString());
        assertEquals("tensor([-1.3133, -0.3133], grad_fn=<LogSoftmaxBackward>)", x.logSoftmax(0).toString());
    }

    @Test
    void staysUnderAThousandCharacters() {
        for (int[] shape : new int[][] {{30, 30}, {20, 20, 20}, {5, 5, 5, 5, 5}, {100000}}) {
            String s = Tensor.randn(shape).toDouble().requiresGrad(true).toString();
            assertTrue(s.length() < 1000, s.length() + " characters for shape " + java.util.Arrays.toString(shape));
            assertTrue(s.contains("...") && s.endsWith("dtype=float64, requires_grad=True)"), s);
        }
    }
}
