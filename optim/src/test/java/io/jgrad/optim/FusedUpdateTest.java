package io.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgrad.core.DType;
import io.jgrad.core.Generator;
import io.jgrad.core.Tensor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused updates against the op-by-op ones they replace (PyTorch 1.13's {@code _single_tensor_*}
 * written with the public in-place ops): the same bits in every parameter and state tensor after 25
 * steps, for every option combination, in float32 and float64, on a parameter large enough for the
 * kernels to split across two threads and on a small one; and the same bits on one thread or two.
 */
class FusedUpdateTest {
    private static final int STEPS = 25;
    /** 75,300 elements: more than two of Parallel's 2^15-element grains, so two threads split it. */
    private static final int[] LARGE = {300, 251}, SMALL = {3, 4};

    static final class OpByOpSGD extends SGD {
        OpByOpSGD(List<Tensor> params, double lr) {
            super(params, lr);
        }

        @Override
        protected void update(ParamGroup group) {
            double lr = group.lr(), momentum = group.number("momentum"), dampening = group.number("dampening");
            double weightDecay = group.number("weight_decay");
            for (Tensor p : group.params()) {
                if (p.grad() == null) continue;
                Tensor d = group.flag("maximize") ? p.grad().neg() : p.grad();
                if (weightDecay != 0) d = d.add(p, weightDecay);
                if (momentum != 0) {
                    Map<String, Object> s = stateOf(p);
                    Tensor buf = (Tensor) s.get("momentum_buffer");
                    if (buf == null) {
                        buf = d.clone();
                        s.put("momentum_buffer", buf);
                    } else {
                        buf.muli(momentum).addi(d, 1 - dampening);
                    }
                    d = group.flag("nesterov") ? d.add(buf, momentum) : buf;
                }
                p.addi(d, -lr);
            }
        }
    }

    static final class OpByOpAdam extends Adam {
        OpByOpAdam(List<Tensor> params, double lr) {
            super(params, lr);
        }

        @Override
        protected void update(ParamGroup group) {
            adamOpByOp(this, group, false);
        }
    }

    static final class OpByOpAdamW extends AdamW {
        OpByOpAdamW(List<Tensor> params, double lr) {
            super(params, lr);
        }

        @Override
        protected void update(ParamGroup group) {
            adamOpByOp(this, group, true);
        }
    }

    static void adamOpByOp(Optimizer opt, ParamGroup group, boolean decoupled) {
        double lr = group.lr(), eps = group.number("eps"), weightDecay = group.number("weight_decay");
        double beta1 = group.pair("betas")[0], beta2 = group.pair("betas")[1];
        boolean amsgrad = group.flag("amsgrad");
        for (Tensor p : group.params()) {
            if (p.grad() == null) continue;
            Tensor g = group.flag("maximize") ? p.grad().neg() : p.grad();
            Map<String, Object> s = opt.stateOf(p);
            if (!s.containsKey("step")) {
                s.put("step", 0L);
                s.put("exp_avg", Tensor.zerosLike(p));
                s.put("exp_avg_sq", Tensor.zerosLike(p));
                if (amsgrad) s.put("max_exp_avg_sq", Tensor.zerosLike(p));
            }
            long step = (Long) s.get("step") + 1;
            s.put("step", step);
            if (decoupled) p.muli(1 - lr * weightDecay);
            else if (weightDecay != 0) g = g.add(p, weightDecay);
            Tensor m = (Tensor) s.get("exp_avg"), v = (Tensor) s.get("exp_avg_sq");
            m.muli(beta1).addi(g, 1 - beta1);
            v.muli(beta2).addcmuli(g, g, 1 - beta2);
            double stepSize = lr / (1 - Math.pow(beta1, step));
            double bias2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
            Tensor second = v;
            if (amsgrad) {
                Tensor vmax = (Tensor) s.computeIfAbsent("max_exp_avg_sq", k -> Tensor.zerosLike(p));
                vmax.copyFrom(vmax.maximum(v));
                second = vmax;
            }
            Tensor denom = second.sqrt().divi(bias2Sqrt).addi(eps);
            p.addcdivi(m, denom, -stepSize);
        }
    }

    /** One optimizer kind: its fused and its op-by-op construction. */
    record Kind(String name, Function<List<Tensor>, Optimizer> fused, Function<List<Tensor>, Optimizer> opByOp) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Kind SGD_KIND = new Kind("SGD", ps -> new SGD(ps, 0.05), ps -> new OpByOpSGD(ps, 0.05));
    private static final Kind ADAM = new Kind("Adam", ps -> new Adam(ps, 0.01), ps -> new OpByOpAdam(ps, 0.01));
    private static final Kind ADAMW = new Kind("AdamW", ps -> new AdamW(ps, 0.01), ps -> new OpByOpAdamW(ps, 0.01));

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (boolean maximize : new boolean[] {false, true}) {
                for (double wd : new double[] {0, 0.01}) {
                    for (Object[] m : new Object[][] {{0.0, 0.0, false}, {0.9, 0.0, false}, {0.9, 0.25, false},
                            {0.9, 0.0, true}}) {
                        out.add(Arguments.of(SGD_KIND, options("momentum", m[0], "dampening", m[1], "nesterov", m[2],
                                "weight_decay", wd, "maximize", maximize), dtype));
                    }
                    for (Kind kind : new Kind[] {ADAM, ADAMW}) {
                        for (boolean amsgrad : new boolean[] {false, true}) {
                            out.add(Arguments.of(kind, options("weight_decay", wd, "amsgrad", amsgrad,
                                    "maximize", maximize), dtype));
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    private static Map<String, Object> options(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) out.put((String) keyValues[i], keyValues[i + 1]);
        return out;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void fusedMatchesOpByOpBitForBit(Kind kind, Map<String, Object> options, DType dtype) {
        Trajectory fused = withThreads(2, () -> Trajectory.run(kind.fused(), options, dtype));
        Trajectory opByOp = withThreads(2, () -> Trajectory.run(kind.opByOp(), options, dtype));
        fused.assertSameBits(opByOp, kind + " " + options + " " + dtype);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void oneThreadAndTwoGiveTheSameBits(Kind kind, Map<String, Object> options, DType dtype) {
        Trajectory one = withThreads(1, () -> Trajectory.run(kind.fused(), options, dtype));
        Trajectory two = withThreads(2, () -> Trajectory.run(kind.fused(), options, dtype));
        one.assertSameBits(two, kind + " " + options + " " + dtype);
    }

    /** The starting parameters and the gradients of every step, drawn once per dtype and only read. */
    record Draws(Tensor[] init, Tensor[][] grads) {
        private static final Map<DType, Draws> CACHE = new EnumMap<>(DType.class);

        static synchronized Draws of(DType dtype) {
            return CACHE.computeIfAbsent(dtype, t -> {
                Generator gen = new Generator(7);
                Tensor[] init = {Tensor.randn(gen, LARGE).to(t), Tensor.randn(gen, SMALL).to(t)};
                Tensor[][] grads = new Tensor[STEPS][init.length];
                for (Tensor[] step : grads) {
                    for (int i = 0; i < init.length; i++) {
                        // Some exact zeros of either sign, where -0 and +0 could part ways.
                        Tensor keep = Tensor.rand(gen, init[i].shape()).gt(0.1).to(t);
                        step[i] = Tensor.randn(gen, init[i].shape()).to(t).mul(keep);
                    }
                }
                return new Draws(init, grads);
            });
        }
    }

    /** The parameters and the state dict after {@link #STEPS} steps, halving lr half-way through. */
    record Trajectory(List<Tensor> params, Map<String, Object> stateDict) {
        static Trajectory run(Function<List<Tensor>, Optimizer> make, Map<String, Object> options, DType dtype) {
            Draws draws = Draws.of(dtype);
            List<Tensor> params = Stream.of(draws.init()).map(t -> t.clone().requiresGrad(true)).toList();
            Optimizer opt = make.apply(params);
            options.forEach(opt::set);
            for (int step = 1; step <= STEPS; step++) {
                for (int i = 0; i < params.size(); i++) params.get(i).setGrad(draws.grads()[step - 1][i]);
                if (step == STEPS / 2) opt.paramGroups().forEach(g -> g.setLr(g.lr() / 2));
                opt.step();
            }
            return new Trajectory(params, opt.stateDict());
        }

        @SuppressWarnings("unchecked")
        void assertSameBits(Trajectory other, String what) {
            for (int i = 0; i < params.size(); i++) {
                assertArrayEquals(bits(other.params.get(i)), bits(params.get(i)), what + " param " + i);
            }
            var state = (Map<Integer, Map<String, Object>>) stateDict.get("state");
            var otherState = (Map<Integer, Map<String, Object>>) other.stateDict.get("state");
            assertEquals(otherState.keySet(), state.keySet(), what + " parameters with state");
            state.forEach((index, s) -> {
                Map<String, Object> o = otherState.get(index);
                assertEquals(List.copyOf(o.keySet()), List.copyOf(s.keySet()), what + " state keys of param " + index);
                s.forEach((key, value) -> {
                    String at = what + " param " + index + " " + key;
                    if (value instanceof Tensor t) assertArrayEquals(bits((Tensor) o.get(key)), bits(t), at);
                    else assertEquals(o.get(key), value, at);
                });
            });
        }
    }

    /** Raw IEEE bits, so even -0 against +0 or two different NaNs count as a difference. */
    static long[] bits(Tensor t) {
        if (t.dtype() == DType.FLOAT32) {
            float[] f = t.toFloatArray();
            long[] out = new long[f.length];
            for (int i = 0; i < f.length; i++) out[i] = Float.floatToRawIntBits(f[i]);
            return out;
        }
        double[] d = t.toDoubleArray();
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) out[i] = Double.doubleToRawLongBits(d[i]);
        return out;
    }

    static <T> T withThreads(int threads, Supplier<T> body) {
        int before = Tensor.getNumThreads();
        Tensor.setNumThreads(threads);
        try {
            return body.get();
        } finally {
            Tensor.setNumThreads(before);
        }
    }
}
