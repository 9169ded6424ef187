package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Edge cases (empty dims, NaN and inf, 0-d tensors, scalar dtypes) against PyTorch 1.13, from
 * gen_edge_fixtures.py; each jgrad expression sits under the generator's name.
 */
class EdgeFixtureTest {
    private static final String FILE = "/fixtures/edge_ops.json";
    private static final List<JsonNode> CASES = Fixtures.cases(FILE);
    private static final Map<String, Function<Tensor[], Tensor>> EXPR = new LinkedHashMap<>();
    private static final Map<String, Function<Tensor, Tensor>> FAILING = new LinkedHashMap<>();

    static {
        EXPR.put("logsumexp_empty_dim", x -> x[0].logsumexp(0));
        EXPR.put("logsumexp_empty_rows", x -> x[0].logsumexp(1));
        EXPR.put("matmul_empty_batch_2d_3d", x -> x[0].matmul(x[1]));
        EXPR.put("matmul_empty_batch_broadcast", x -> x[0].matmul(x[1]));
        EXPR.put("matmul_empty_batch_vector", x -> x[0].matmul(x[1]));
        EXPR.put("index_select_0d", x -> x[0].indexSelect(0, x[1]));
        EXPR.put("index_select_0d_index_0d", x -> x[0].indexSelect(0, x[1]));
        EXPR.put("clamp_nan", x -> x[0].clamp(-1.0, 1.0));
        EXPR.put("clamp_min_nan", x -> x[0].clampMin(-1.0));
        EXPR.put("clamp_max_nan", x -> x[0].clampMax(1.0));
        EXPR.put("relu_log", x -> x[0].relu().log());
        EXPR.put("relu_nonfinite_upstream", x -> x[0].relu());
        EXPR.put("relu_nonfinite_upstream_f32", x -> x[0].relu());
        EXPR.put("softmax_inf", x -> x[0].softmax(1));
        EXPR.put("log_softmax_inf", x -> x[0].logSoftmax(1));
        EXPR.put("log_softmax_masked_row", x -> x[0].logSoftmax(1));
        EXPR.put("softmax_masked_row", x -> x[0].softmax(1));
        EXPR.put("flatten_0d", x -> x[0].flatten(0, 0));
        EXPR.put("squeeze_0d", x -> x[0].squeeze(-1));
        EXPR.put("pow_exponent_nan_upstream", x -> x[0].pow(x[1]));
        EXPR.put("pow_half", x -> x[0].pow(0.5));
        EXPR.put("pow_neg_half", x -> x[0].pow(-0.5));
        EXPR.put("pow_half_f32", x -> x[0].pow(0.5));
        EXPR.put("pow_neg_half_f32", x -> x[0].pow(-0.5));
        EXPR.put("pow_tensor_half", x -> x[0].pow(x[1]));
        EXPR.put("eq_scalar_f32", x -> x[0].eq(0.1));
        EXPR.put("ne_scalar_f32", x -> x[0].ne(0.1));
        EXPR.put("gt_scalar_f32", x -> x[0].gt(0.1));
        EXPR.put("ge_scalar_f32", x -> x[0].ge(0.3));
        EXPR.put("lt_scalar_f32", x -> x[0].lt(0.3));
        EXPR.put("le_scalar_f32", x -> x[0].le(0.1));
        EXPR.put("eq_scalar_f64", x -> x[0].eq(0.1));
        EXPR.put("erf_special", x -> x[0].erf());
        EXPR.put("erf_special_f32", x -> x[0].erf());
        EXPR.put("erf_0d", x -> x[0].erf());
        EXPR.put("erf_empty", x -> x[0].erf());
        FAILING.put("squeeze_0d_dim2", x -> x.squeeze(2));
        FAILING.put("flatten_0d_end2", x -> x.flatten(0, 2));
    }

    static Stream<Arguments> cases() {
        return CASES.stream().map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, JsonNode c) {
        Function<Tensor[], Tensor> f = EXPR.get(name);
        assertNotNull(f, "no jgrad expression for fixture case " + name);
        Tensor[] in = Fixtures.inputs(c);
        Fixtures.assertMatches(name, c, in, f.apply(in));
    }

    static Stream<Arguments> errors() {
        return Fixtures.section(FILE, "errors").stream().map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void failsLikePyTorch(String name, JsonNode c) {
        Function<Tensor, Tensor> f = FAILING.get(name);
        assertNotNull(f, "no jgrad expression for error case " + name);
        RuntimeException e = assertThrows(RuntimeException.class, () -> f.apply(Tensor.of(1.0)));
        String expected = c.get("message").asText();
        assertTrue(e.getMessage().toLowerCase().contains(expected.toLowerCase()),
                () -> name + ": expected PyTorch's message \"" + expected + "\" in \"" + e.getMessage() + "\"");
    }

    @Test
    void everyExpressionHasAFixture() {
        Set<String> fixtures = CASES.stream().map(c -> c.get("name").asText()).collect(Collectors.toSet());
        for (String name : EXPR.keySet()) assertTrue(fixtures.contains(name), "no PyTorch fixture for " + name);
        assertEquals(EXPR.size(), CASES.size());
        assertEquals(FAILING.size(), Fixtures.section(FILE, "errors").size());
    }
}
