package io.jgrad.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every op's values and gradients against PyTorch 1.13 (fixtures from gen_core_fixtures.py). */
class OpFixtureTest {
    private static final List<JsonNode> CASES = Fixtures.cases("/fixtures/core_ops.json");

    static Stream<Arguments> cases() {
        return CASES.stream().map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, JsonNode c) {
        Function<Tensor[], Tensor> f = OpCases.CASES.get(name);
        assertNotNull(f, "no jgrad expression for fixture case " + name);
        Tensor[] in = Fixtures.inputs(c);
        Fixtures.assertMatches(name, c, in, f.apply(in));
    }

    @Test
    void everyExpressionHasAFixture() {
        Set<String> fixtures = CASES.stream().map(c -> c.get("name").asText()).collect(Collectors.toSet());
        for (String name : OpCases.CASES.keySet()) assertTrue(fixtures.contains(name), "no PyTorch fixture for " + name);
        assertEquals(OpCases.CASES.size(), CASES.size());
    }
}
