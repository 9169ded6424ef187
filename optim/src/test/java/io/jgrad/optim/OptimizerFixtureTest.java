package io.jgrad.optim;

import static io.jgrad.core.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgrad.core.Fixtures;
import io.jgrad.core.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** 12-step trajectories of every optimizer option against PyTorch 1.13 (gen_optim_fixtures.py). */
class OptimizerFixtureTest {
    static Stream<Arguments> trajectories() {
        return Fixtures.section("/fixtures/optim.json", "trajectories").stream()
                .map(c -> Arguments.of(c.get("name").asText(), c));
    }

    /** A linear model and its fixed data, as the generator builds them. */
    record Problem(Tensor x, Tensor y, Tensor w, Tensor b) {
        static Problem of(JsonNode c) {
            return new Problem(Fixtures.tensor(c.get("x")), Fixtures.tensor(c.get("y")),
                    Fixtures.tensor(c.get("weight")).requiresGrad(true), Fixtures.tensor(c.get("bias")).requiresGrad(true));
        }

        Tensor loss() {
            return x.matmul(w.t()).add(b).sub(y).pow(2).mean();
        }
    }

    static Map<String, Object> options(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            out.put(e.getKey(), v.isBoolean() ? (Object) v.asBoolean()
                    : v.isArray() ? new double[] {v.get(0).asDouble(), v.get(1).asDouble()} : (Object) v.asDouble());
        });
        return out;
    }

    static Optimizer build(String kind, List<Tensor> params, Map<String, Object> options) {
        double lr = (Double) options.get("lr");
        Optimizer opt = switch (kind) {
            case "SGD" -> new SGD(params, lr);
            case "Adam" -> new Adam(params, lr);
            case "AdamW" -> new AdamW(params, lr);
            default -> throw new IllegalArgumentException(kind);
        };
        options.forEach(opt::set);  // as constructor arguments: defaults for groups added later too
        return opt;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trajectories")
    void followsPyTorch(String name, JsonNode c) {
        Problem pr = Problem.of(c);
        Map<String, Object> opts = options(c.get("options"));
        Optimizer opt;
        if (c.get("secondGroup").isNull()) {
            opt = build(c.get("optimizer").asText(), List.of(pr.w(), pr.b()), opts);
        } else {
            opt = build(c.get("optimizer").asText(), List.of(pr.w()), opts);
            opt.addParamGroup(List.of(pr.b()), options(c.get("secondGroup")));
        }
        int step = 0;
        for (JsonNode expected : c.get("steps")) {
            opt.zeroGrad();
            Tensor loss = pr.loss();
            loss.backward();
            opt.step();
            String at = name + " step " + ++step;
            boolean f32 = pr.w().dtype() == io.jgrad.core.DType.FLOAT32;
            assertEquals(expected.get("loss").asDouble(), loss.item(), Math.abs(loss.item()) * (f32 ? 1e-5 : 1e-10), at);
            assertClose(Fixtures.tensor(expected.get("weight")), pr.w().detach(), at + " weight");
            assertClose(Fixtures.tensor(expected.get("bias")), pr.b().detach(), at + " bias");
        }
    }
}
