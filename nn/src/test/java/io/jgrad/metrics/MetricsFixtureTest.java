package io.jgrad.metrics;

import static io.jgrad.core.ErrorAssert.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgrad.core.Fixtures;
import io.jgrad.core.Tensor;
import io.jgrad.core.TensorAssert;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric against scikit-learn 1.2 (predictions from scores through torch.argmax): confusion
 * matrices exactly, scores to 1e-12. Fixtures from nn/src/test/python/gen_metric_fixtures.py.
 */
class MetricsFixtureTest {
    static final List<JsonNode> CASES = Fixtures.cases("/fixtures/metrics.json");
    private static final double TOL = 1e-12;

    static Stream<Arguments> cases(String kind) {
        return CASES.stream().filter(c -> c.get("kind").asText().equals(kind)).map(c -> Arguments.of(c.get("name").asText(), c));
    }

    static Stream<Arguments> multiclass() {
        return cases("multiclass");
    }

    static Stream<Arguments> multilabel() {
        return cases("multilabel");
    }

    static ConfusionMatrix matrix(JsonNode c) {
        Tensor input = Fixtures.tensor(c.get("input")), target = Fixtures.tensor(c.get("target"));
        return c.get("num_classes").isNull() ? ConfusionMatrix.of(input, target)
                : ConfusionMatrix.of(input, target, c.get("num_classes").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multiclass")
    void multiclassMatchesSklearn(String name, JsonNode c) {
        Tensor input = Fixtures.tensor(c.get("input")), target = Fixtures.tensor(c.get("target"));
        ConfusionMatrix cm = matrix(c);
        Tensor counts = cm.counts();
        assertEquals(target.device(), counts.device(), name + ": counts on the target's device");
        TensorAssert.assertClose(Fixtures.tensor(confusion(c.get("confusion"))), counts, name + " confusion matrix");
        assertScores(name, c, cm.scores());
        if (c.has("accuracy")) {
            assertEquals(c.get("accuracy").asDouble(), Metrics.accuracy(input, target), TOL, name + " accuracy");
            assertEquals(c.get("accuracy").asDouble(), cm.accuracy(), TOL, name + " accuracy from the matrix");
        } else {
            assertEquals(0, cm.total(), name + ": only the empty cases lack an accuracy");
            assertError(IllegalArgumentException.class, () -> Metrics.accuracy(input, target), "accuracy: no samples (N = 0)");
            assertError(IllegalArgumentException.class, cm::accuracy, "no samples");
            for (Average a : Average.values()) {
                assertError(IllegalArgumentException.class, () -> cm.scores().f1(a), "f1(" + a + "): no samples");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("multilabel")
    void multilabelMatchesSklearn(String name, JsonNode c) {
        Tensor input = Fixtures.tensor(c.get("input")), target = Fixtures.tensor(c.get("target"));
        assertEquals(c.get("exact_match").asDouble(), Metrics.exactMatch(input, target), TOL, name + " exact match");
        assertEquals(c.get("hamming_loss").asDouble(), Metrics.hammingLoss(input, target), TOL, name + " Hamming loss");
        assertScores(name, c, Metrics.multilabelScores(input, target));
    }

    private static void assertScores(String name, JsonNode c, ClassScores s) {
        JsonNode per = c.get("per_class");
        assertClose(per.get("precision"), s.precision(), name + " precision");
        assertClose(per.get("recall"), s.recall(), name + " recall");
        assertClose(per.get("f1"), s.f1(), name + " f1");
        long[] support = new long[per.get("support").size()];
        for (int i = 0; i < support.length; i++) support[i] = per.get("support").get(i).asLong();
        assertArrayEquals(support, s.support(), name + " support");
        if (!c.has("averages")) return;
        for (Average a : Average.values()) {
            JsonNode want = c.get("averages").get(a.name().toLowerCase());
            assertEquals(want.get("precision").asDouble(), s.precision(a), TOL, name + " " + a + " precision");
            assertEquals(want.get("recall").asDouble(), s.recall(a), TOL, name + " " + a + " recall");
            assertEquals(want.get("f1").asDouble(), s.f1(a), TOL, name + " " + a + " f1");
        }
    }

    private static void assertClose(JsonNode expected, double[] actual, String what) {
        double[] e = new double[expected.size()];
        for (int i = 0; i < e.length; i++) e[i] = expected.get(i).asDouble();
        TensorAssert.assertClose(e, actual, TOL, TOL, what);
    }

    /** sklearn's nested list as the fixture tensor format, int64 [C, C]. */
    static JsonNode confusion(JsonNode rows) {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        var data = f.arrayNode();
        rows.forEach(r -> r.forEach(data::add));
        var node = f.objectNode().put("dtype", "int64");
        node.putArray("shape").add(rows.size()).add(rows.size());
        node.set("data", data);
        return node;
    }

    @Test
    void coversTheEdgeCases() {
        for (String name : List.of("never_predicted", "absent_from_target", "absent_from_both", "argmax_ties_first_index",
                "empty_scores", "empty_labels", "multilabel_edges")) {
            assertTrue(CASES.stream().anyMatch(c -> c.get("name").asText().equals(name)), "no fixture " + name);
        }
    }
}
