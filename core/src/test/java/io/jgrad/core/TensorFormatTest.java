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
        // jgrad prints dtype=float64 where PyTorch prints dtype=torch.float64; the shorter name can
        // leave room for a suffix PyTorch had to move to the next line, so suffix breaks are normalised.
        String expected = p.get("repr").asText(), actual = Fixtures.tensor(p).toString();
        if (expected.contains("dtype=torch.")) {
            expected = unwrapSuffixes(expected.replace("torch.", ""));
            actual = unwrapSuffixes(actual);
        }
        assertEquals(expected, actual);
    }

    private static String unwrapSuffixes(String s) {
        return s.replaceAll(",\\n +(dtype=|requires_grad=|grad_fn=|size=)", ", $1");
    }

    @Test
    void showsGradFnAndRequiresGrad() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        assertEquals("tensor([1., 2.], requires_grad=True)", x.toString());
        assertEquals("tensor([2., 4.], grad_fn=<MulBackward0>)", x.mul(2.0).toString());
        assertEquals("tensor(3., grad_fn=<SumBackward0>)", x.sum().toString());
        assertEquals("tensor([-1.3133, -0.3133], grad_fn=<LogSoftmaxBackward0>)", x.logSoftmax(0).toString());
    }

    @Test
    void summarisesOnlyOverAThousandElements() {
        for (int[] shape : new int[][] {{20, 20, 20}, {7, 7, 7, 7}, {100000}}) {
            String s = Tensor.randn(shape).toDouble().requiresGrad(true).toString();
            assertTrue(s.contains("...") && s.contains("dtype=float64") && s.endsWith("requires_grad=True)"), s);
        }
        assertTrue(!Tensor.randn(10, 100).toString().contains("..."), "1,000 elements print whole, as in PyTorch");
    }
}
