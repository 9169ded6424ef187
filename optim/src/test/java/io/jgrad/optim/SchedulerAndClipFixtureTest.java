package io.jgrad.optim;

import static io.jgrad.core.TensorAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.jgrad.core.Fixtures;
import io.jgrad.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Learning-rate sequences and gradient clipping against PyTorch 1.13 (gen_optim_fixtures.py). */
class SchedulerAndClipFixtureTest {
    static Stream<Arguments> schedules() {
        return Fixtures.section("/fixtures/optim.json", "schedules").stream()
                .map(c -> Arguments.of(c.get("name").asText(), c));
    }

    static Stream<Arguments> clipping() {
        return Fixtures.section("/fixtures/optim.json", "clipping").stream()
                .map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void lrSequenceMatchesPyTorch(String name, JsonNode c) {
        Tensor p = Tensor.zeros(1).requiresGrad(true);
        SGD opt = new SGD(List.of(p), 0.1);
        JsonNode o = c.get("options");
        JsonNode metrics = c.get("metrics");
        LRScheduler sched = null;
        ReduceLROnPlateau plateau = null;
        switch (c.get("scheduler").asText()) {
            case "StepLR" -> sched = new StepLR(opt, o.get("step_size").asInt(), o.get("gamma").asDouble());
            case "MultiStepLR" -> {
                int[] m = new int[o.get("milestones").size()];
                for (int i = 0; i < m.length; i++) m[i] = o.get("milestones").get(i).asInt();
                sched = new MultiStepLR(opt, m, o.get("gamma").asDouble());
            }
            case "ExponentialLR" -> sched = new ExponentialLR(opt, o.get("gamma").asDouble());
            case "CosineAnnealingLR" -> sched = new CosineAnnealingLR(opt, o.get("T_max").asInt(), o.get("eta_min").asDouble());
            case "LinearLR" -> sched = new LinearLR(opt, o.get("start_factor").asDouble(), o.get("end_factor").asDouble(),
                    o.get("total_iters").asInt());
            case "ReduceLROnPlateau" -> plateau = new ReduceLROnPlateau(opt,
                    ReduceLROnPlateau.Mode.valueOf(o.get("mode").asText().toUpperCase()), o.get("factor").asDouble(),
                    o.get("patience").asInt(), o.has("threshold") ? o.get("threshold").asDouble() : 1e-4,
                    o.has("cooldown") ? o.get("cooldown").asInt() : 0, o.has("min_lr") ? o.get("min_lr").asDouble() : 0);
            default -> throw new IllegalArgumentException(c.get("scheduler").asText());
        }
        List<Double> lrs = new ArrayList<>();
        for (int epoch = 0; epoch < c.get("lrs").size(); epoch++) {
            lrs.add(opt.paramGroups().get(0).lr());
            if (plateau != null) plateau.step(metrics.get(epoch).asDouble());
            else sched.step();
        }
        for (int i = 0; i < lrs.size(); i++) {
            double expected = c.get("lrs").get(i).asDouble();
            assertEquals(expected, lrs.get(i), 1e-10 * Math.abs(expected) + 1e-15, name + " epoch " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clipping")
    void clippingMatchesPyTorch(String name, JsonNode c) {
        List<Tensor> params = new ArrayList<>();
        for (JsonNode g : c.get("grads")) {
            Tensor grad = Fixtures.tensor(g);
            Tensor p = Tensor.zerosLike(grad).requiresGrad(true);
            p.setGrad(grad);
            params.add(p);
        }
        if (c.has("clipValue")) {
            Clip.clipGradValue(params, c.get("clipValue").asDouble());
        } else {
            double normType = c.get("normType").isTextual() ? Double.POSITIVE_INFINITY : c.get("normType").asDouble();
            double total = Clip.clipGradNorm(params, c.get("maxNorm").asDouble(), normType);
            assertEquals(c.get("total").asDouble(), total, 1e-10 * total, name + " total norm");
        }
        for (int i = 0; i < params.size(); i++) {
            assertClose(Fixtures.tensor(c.get("clipped").get(i)), params.get(i).grad(), name + " grad " + i);
        }
    }
}
