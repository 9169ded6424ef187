package io.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jgrad.core.DType;
import io.jgrad.core.Programs;
import io.jgrad.core.Tensor;
import io.jgrad.nn.F;
import io.jgrad.nn.Reduction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random op chains and loss calls, valid or not, with a fixed seed and a bounded count and time: the
 * library must answer each with a result or its own clear refusal (IllegalArgumentException,
 * IllegalStateException or IndexOutOfBoundsException with a message), never a raw JVM exception or a
 * hang. The ops run through core's program interpreter (the one DifferentialTest replays).
 */
class RobustnessTest {
    private static final int PROGRAMS = 3000;
    private static final String[] OPS = {"neg", "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "sign", "add",
        "sub", "mul", "div", "pow", "maximum", "minimum", "eq", "lt", "add_s", "mul_s", "pow_s", "div_s", "gt_s",
        "logical_and", "logical_not", "matmul", "clamp", "where", "sum", "mean", "amax", "amin", "logsumexp", "softmax",
        "log_softmax", "argmax", "reshape", "view", "flatten", "squeeze", "unsqueeze", "permute", "transpose", "t",
        "expand", "narrow", "select", "cat", "stack", "gather", "scatter_add", "index_select", "masked_fill", "to"};
    private static final DType[] DTYPES = {DType.FLOAT64, DType.FLOAT32, DType.FLOAT32, DType.INT64, DType.BOOL};
    private static final double[] SPECIAL = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        1e300, -1e30, 1.0, 1.0};
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    /** {@code -Djgrad.robustness.seed=N} runs another seed locally; CI runs the fixed one. */
    private final Random r = new Random(Long.getLong("jgrad.robustness.seed", 20240611L));
    private final Map<String, String> raw = new TreeMap<>();

    @Test
    void randomProgramsGetResultsOrClearRefusals() {
        int[] done = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (; done[0] < PROGRAMS; done[0]++) {
                String what = "program " + done[0];
                try {
                    what = r.nextInt(3) == 0 ? loss() : chain();
                } catch (Wrapped w) {
                    Throwable e = w.getCause();
                    if (!Programs.isClearRefusal(e)) {
                        raw.putIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage() + " at " + e.getStackTrace()[0],
                                w.getMessage());
                    }
                }
            }
        }, () -> "a program hung after " + done[0] + " programs");
        assertTrue(raw.isEmpty(), () -> "raw exceptions (exception -> first program):\n" + raw);
    }

    /** A chain of 1 to 4 steps; its description is kept current so a failure says what ran. */
    private String chain() {
        List<Tensor> regs = new ArrayList<>(List.of(tensor()));
        StringBuilder what = new StringBuilder(describe(regs.get(0)));
        for (int s = r.nextInt(4) + 1; s > 0; s--) {
            String op = OPS[r.nextInt(OPS.length)];
            Tensor x = regs.get(regs.size() - 1);
            int extra = op.matches("add|sub|mul|div|pow|maximum|minimum|eq|lt|logical_and|matmul|cat|stack|index_select"
                    + "|gather|masked_fill") ? 1 : op.matches("where|scatter_add") ? 2 : 0;
            Tensor[] a = new Tensor[1 + extra];
            a[0] = x;
            for (int i = 1; i <= extra; i++) a[i] = r.nextBoolean() ? partner(x, op) : tensor();
            if (op.equals("where")) a = new Tensor[] {a[1].toBool(), x, a[2]};
            ObjectNode kw = params(x);
            what.append(" -> ").append(op).append(kw);
            try {
                regs.add(Programs.apply(op, a, kw));
            } catch (RuntimeException e) {
                throw new Wrapped(what.toString(), e);
            }
        }
        Tensor out = regs.get(regs.size() - 1);
        if (out.requiresGrad()) {
            try {
                out.backward(Tensor.onesLike(out));
            } catch (RuntimeException e) {
                throw new Wrapped(what + " -> backward", e);
            }
        }
        return what.toString();
    }

    private String loss() {
        Tensor in = tensor(), target = r.nextBoolean() ? partner(in, "loss") : tensor();
        Tensor weight = r.nextInt(4) == 0 ? tensor() : null;
        Reduction red = Reduction.values()[r.nextInt(Reduction.values().length)];
        int which = r.nextInt(8);
        String what = "loss " + which + " " + red + " input " + describe(in) + " target " + describe(target)
                + " weight " + (weight == null ? "none" : describe(weight));
        try {
            Tensor out = switch (which) {
                case 0 -> F.binaryCrossEntropy(in, target, weight, red);
                case 1 -> F.binaryCrossEntropyWithLogits(in, target, weight, r.nextBoolean() ? null : tensor(), red);
                case 2 -> F.nllLoss(in, target, weight, r.nextBoolean() ? F.DEFAULT_IGNORE_INDEX : r.nextInt(3), red);
                case 3 -> F.crossEntropy(in, target, weight, F.DEFAULT_IGNORE_INDEX,
                        new double[] {0.0, 0.1, 1.0, -0.5, Double.NaN}[r.nextInt(5)], red);
                case 4 -> F.klDiv(in, target, red, r.nextBoolean());
                case 5 -> F.mseLoss(in, target, red);
                case 6 -> F.l1Loss(in, target, red);
                default -> F.huberLoss(in, target, red, new double[] {1.0, 0.5, 0.0, -1.0, Double.NaN}[r.nextInt(5)]);
            };
            if (out.requiresGrad()) out.backward(Tensor.onesLike(out));
        } catch (RuntimeException e) {
            throw new Wrapped(what, e);
        }
        return what;
    }

    /** A cause with the program that raised it; unwrapped when recorded. */
    private static final class Wrapped extends RuntimeException {
        Wrapped(String what, RuntimeException cause) {
            super(what, cause);
        }
    }

    private ObjectNode params(Tensor x) {
        ObjectNode k = J.objectNode();
        int rank = x.dim();
        k.put("dim", dim(rank)).put("keepdim", r.nextBoolean()).put("v", SPECIAL[r.nextInt(SPECIAL.length)] * 2.5)
                .put("alpha", 0.5).put("start", dim(rank)).put("end", dim(rank)).put("d0", dim(rank)).put("d1", dim(rank))
                .put("index", r.nextInt(7) - 3).put("length", r.nextInt(5) - 1)
                .put("dtype", DTYPES[r.nextInt(DTYPES.length)].name().toLowerCase(java.util.Locale.ROOT));
        if (r.nextInt(4) == 0) k.putNull("dim");
        k.set("min", r.nextBoolean() ? J.nullNode() : J.numberNode(-1.0));
        k.set("max", r.nextBoolean() ? J.nullNode() : J.numberNode(r.nextBoolean() ? 1.0 : -2.0));
        k.set("dims", r.nextInt(5) == 0 ? J.nullNode() : ints(r.nextInt(3) + 1, () -> dim(rank)));
        k.set("shape", ints(r.nextInt(5), () -> r.nextInt(6) - 1));
        return k;
    }

    private JsonNode ints(int n, java.util.function.IntSupplier f) {
        var a = J.arrayNode();
        for (int i = 0; i < n; i++) a.add(f.getAsInt());
        return a;
    }

    private int dim(int rank) {
        return r.nextInt(rank * 2 + 4) - rank - 2;
    }

    /** A tensor shaped like {@code x} (or broadcastable to it), sometimes an index or a mask. */
    private Tensor partner(Tensor x, String op) {
        int[] shape = x.shape().clone();
        for (int i = 0; i < shape.length; i++) if (r.nextInt(4) == 0) shape[i] = 1;
        if (op.matches("gather|scatter_add|index_select|loss") && r.nextBoolean()) {
            int n = 1;
            for (int d : shape) n *= d;
            long[] idx = new long[n];
            for (int i = 0; i < n; i++) idx[i] = r.nextInt(5) - 1;
            return Tensor.fromArray(idx, op.equals("index_select") ? new int[] {n} : shape);
        }
        return values(shape, r.nextInt(4) == 0 ? DType.BOOL : x.dtype());
    }

    private Tensor tensor() {
        int[] shape = new int[r.nextInt(5)];
        for (int i = 0; i < shape.length; i++) shape[i] = r.nextInt(5);
        return values(shape, DTYPES[r.nextInt(DTYPES.length)]);
    }

    private Tensor values(int[] shape, DType dtype) {
        int n = 1;
        for (int d : shape) n *= d;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextInt(4) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextGaussian() * 2;
        if (!dtype.isFloatingPoint()) {
            // a float-to-int64 cast of NaN or of out-of-range values has no defined answer to test
            for (int i = 0; i < n; i++) v[i] = Double.isFinite(v[i]) ? Math.max(-1e6, Math.min(1e6, Math.rint(v[i]))) : 0;
        }
        Tensor t = Tensor.fromArray(v, shape).to(dtype);
        if (dtype.isFloatingPoint() && r.nextBoolean()) t.requiresGrad(true);
        return t;
    }

    private static String describe(Tensor t) {
        return t.dtype() + java.util.Arrays.toString(t.shape());
    }
}
