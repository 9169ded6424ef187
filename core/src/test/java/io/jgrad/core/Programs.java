package io.jgrad.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Java twin of the interpreter in gen_random_programs.py: a program is a list of steps over
 * registers (the inputs first, then one register per step), each naming an op, the registers it
 * reads and its keyword parameters. Shared with the nn module's randomized robustness test.
 */
public final class Programs {
    private Programs() {}

    /** Runs every step and returns the last register. */
    public static Tensor run(Tensor[] inputs, JsonNode steps) {
        List<Tensor> regs = new ArrayList<>(Arrays.asList(inputs));
        for (JsonNode s : steps) {
            Tensor[] a = new Tensor[s.get("args").size()];
            for (int i = 0; i < a.length; i++) a[i] = regs.get(s.get("args").get(i).asInt());
            regs.add(apply(s.get("op").asText(), a, s.path("kw")));
        }
        return regs.get(regs.size() - 1);
    }

    /** One step; {@code k} holds the step's parameters (a missing node when it has none). */
    public static Tensor apply(String op, Tensor[] a, JsonNode k) {
        Tensor x = a[0];
        return switch (op) {
            case "neg" -> x.neg();
            case "exp" -> x.exp();
            case "log" -> x.log();
            case "log1p" -> x.log1p();
            case "sqrt" -> x.sqrt();
            case "abs" -> x.abs();
            case "tanh" -> x.tanh();
            case "sigmoid" -> x.sigmoid();
            case "relu" -> x.relu();
            case "sign" -> x.sign();
            case "erf" -> x.erf();
            case "add" -> x.add(a[1]);
            case "sub" -> x.sub(a[1]);
            case "mul" -> x.mul(a[1]);
            case "div" -> x.div(a[1]);
            case "pow" -> x.pow(a[1]);
            case "maximum" -> x.maximum(a[1]);
            case "minimum" -> x.minimum(a[1]);
            case "eq" -> x.eq(a[1]);
            case "ne" -> x.ne(a[1]);
            case "gt" -> x.gt(a[1]);
            case "ge" -> x.ge(a[1]);
            case "lt" -> x.lt(a[1]);
            case "le" -> x.le(a[1]);
            case "add_s" -> x.add(num(k, "v"));
            case "sub_s" -> x.sub(num(k, "v"));
            case "mul_s" -> x.mul(num(k, "v"));
            case "div_s" -> x.div(num(k, "v"));
            case "pow_s" -> x.pow(num(k, "v"));
            case "eq_s" -> x.eq(num(k, "v"));
            case "ne_s" -> x.ne(num(k, "v"));
            case "gt_s" -> x.gt(num(k, "v"));
            case "ge_s" -> x.ge(num(k, "v"));
            case "lt_s" -> x.lt(num(k, "v"));
            case "le_s" -> x.le(num(k, "v"));
            case "add_alpha" -> x.add(a[1], num(k, "alpha"));
            case "logical_and" -> x.logicalAnd(a[1]);
            case "logical_or" -> x.logicalOr(a[1]);
            case "logical_not" -> x.logicalNot();
            case "matmul" -> x.matmul(a[1]);
            // jgrad spells an absent bound as NaN
            case "clamp" -> x.clamp(k.get("min").isNull() ? Double.NaN : num(k, "min"),
                    k.get("max").isNull() ? Double.NaN : num(k, "max"));
            case "where" -> Tensor.where(x, a[1], a[2]);
            case "sum" -> k.get("dims").isNull() ? x.sum() : x.sum(ints(k.get("dims")), k.get("keepdim").asBoolean());
            case "mean" -> k.get("dims").isNull() ? x.mean() : x.mean(ints(k.get("dims")), k.get("keepdim").asBoolean());
            case "amax" -> k.get("dims").isNull() ? x.amax() : x.amax(ints(k.get("dims")), k.get("keepdim").asBoolean());
            case "amin" -> k.get("dims").isNull() ? x.amin() : x.amin(ints(k.get("dims")), k.get("keepdim").asBoolean());
            case "logsumexp" -> x.logsumexp(ints(k.get("dims")), k.get("keepdim").asBoolean());
            case "softmax" -> x.softmax(k.get("dim").asInt());
            case "log_softmax" -> x.logSoftmax(k.get("dim").asInt());
            case "argmax" -> k.get("dim").isNull() ? x.argmax() : x.argmax(k.get("dim").asInt(), k.get("keepdim").asBoolean());
            case "reshape" -> x.reshape(ints(k.get("shape")));
            case "view" -> x.view(ints(k.get("shape")));
            case "flatten" -> x.flatten(k.get("start").asInt(), k.get("end").asInt());
            case "squeeze" -> k.get("dim").isNull() ? x.squeeze() : x.squeeze(k.get("dim").asInt());
            case "unsqueeze" -> x.unsqueeze(k.get("dim").asInt());
            case "permute" -> x.permute(ints(k.get("dims")));
            case "transpose" -> x.transpose(k.get("d0").asInt(), k.get("d1").asInt());
            case "t" -> x.t();
            case "expand" -> x.expand(ints(k.get("shape")));
            case "narrow" -> x.narrow(k.get("dim").asInt(), k.get("start").asInt(), k.get("length").asInt());
            case "select" -> x.select(k.get("dim").asInt(), k.get("index").asInt());
            case "cat" -> Tensor.cat(k.get("dim").asInt(), a);
            case "stack" -> Tensor.stack(k.get("dim").asInt(), a);
            case "gather" -> x.gather(k.get("dim").asInt(), a[1]);
            case "scatter_add" -> x.scatterAdd(k.get("dim").asInt(), a[1], a[2]);
            case "index_select" -> x.indexSelect(k.get("dim").asInt(), a[1]);
            case "masked_fill" -> x.maskedFill(a[1], num(k, "v"));
            case "to" -> x.to(DType.valueOf(k.get("dtype").asText().toUpperCase(java.util.Locale.ROOT)));
            default -> applyMore(op, x, k);
        };
    }

    /** The ops random_programs_more.py adds; an absent dims is every dim. */
    private static Tensor applyMore(String op, Tensor x, JsonNode k) {
        return switch (op) {
            case "var" -> x.var(dimsOrAll(k), k.get("correction").asInt(), k.get("keepdim").asBoolean());
            case "std" -> x.std(dimsOrAll(k), k.get("correction").asInt(), k.get("keepdim").asBoolean());
            case "norm" -> k.get("dim").isNull() ? x.norm(num(k, "p"))
                    : x.norm(num(k, "p"), k.get("dim").asInt(), k.get("keepdim").asBoolean());
            case "max_dim" -> part(x.max(k.get("dim").asInt(), k.get("keepdim").asBoolean()), k);
            case "min_dim" -> part(x.min(k.get("dim").asInt(), k.get("keepdim").asBoolean()), k);
            case "cumsum" -> x.cumsum(k.get("dim").asInt());
            case "sort" -> part(x.sort(k.get("dim").asInt(), k.get("descending").asBoolean()), k);
            case "topk" -> {
                Tensor v = x.topk(k.get("k").asInt(), k.get("dim").asInt(), k.get("largest").asBoolean(), true).values();
                yield k.get("detach").asBoolean() ? v.detach() : v;
            }
            case "pad" -> x.pad(ints(k.get("pad")), num(k, "v"));
            case "split" -> (k.get("size").isArray() ? x.split(ints(k.get("size")), k.get("dim").asInt())
                    : x.split(k.get("size").asInt(), k.get("dim").asInt())).get(k.get("piece").asInt());
            case "chunk" -> x.chunk(k.get("chunks").asInt(), k.get("dim").asInt()).get(k.get("piece").asInt());
            default -> throw new AssertionError("the interpreter has no op " + op);
        };
    }

    private static int[] dimsOrAll(JsonNode k) {
        return k.get("dims").isNull() ? new int[0] : ints(k.get("dims"));
    }

    private static Tensor part(ValuesIndices r, JsonNode k) {
        return k.get("out").asText().equals("values") ? r.values() : r.indices();
    }

    /** Python's json writes inf and NaN bare; Jackson reads them back as doubles. */
    private static double num(JsonNode k, String key) {
        return k.get(key).asDouble();
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }

    /**
     * A case PyTorch refused ({@code c.raised}): jgrad must refuse it too, with {@link #isClearRefusal} an
     * exception. Shared with the nn module's random layer test.
     */
    public static void assertRefused(JsonNode c, java.util.function.Supplier<Tensor> run) {
        Tensor out;
        try {
            out = run.get();
        } catch (RuntimeException e) {
            if (!isClearRefusal(e)) throw new AssertionError("PyTorch raised " + c.get("raised").asText()
                    + "; jgrad threw a raw " + e, e);
            return;
        }
        throw new AssertionError("PyTorch raised " + c.get("raised").asText() + " but jgrad returned " + out.dtype() + " "
                + Arrays.toString(out.shape()));
    }

    /** Runs a seeded case's replay, prefixing a failure with the case's name (its seed). */
    public static void named(String name, Runnable replay) {
        try {
            replay.run();
        } catch (AssertionError e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
    }

    /** The exceptions by which jgrad refuses a program: its own, with a message that says something. */
    public static boolean isClearRefusal(Throwable e) {
        boolean kind = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof IndexOutOfBoundsException;
        String m = e.getMessage();
        return kind && m != null && !m.isBlank() && !m.trim().matches("-?\\d+");
    }
}
