package io.jgrad.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The jgrad side of every case in gen_core_fixtures.py, by the same name: the table that both the
 * PyTorch comparison and the gradcheck run over. Adding an op means adding a row here and there.
 * A row may also declare random inputs, so its backward can be gradchecked before the fixture exists.
 */
final class OpCases {
    private OpCases() {}

    static final Map<String, Function<Tensor[], Tensor>> CASES = new LinkedHashMap<>();

    /** Cases gradcheck skips: non-differentiable points (ties) or too large for an O(n·m) Jacobian. */
    static final Set<String> NO_GRADCHECK = Set.of("amax_ties", "matmul_large", "logsumexp_large", "log_softmax_large",
            "var_correction_over_n", "var_one_element", "std_constant", "norm_2_at_zero", "norm_1_at_zero",
            "norm_inf_at_zero", "norm_3_at_zero", "norm_inf_ties", "norm_nan", "norm_1_nan", "norm_2_nan",
            "norm_2_overflow", "max_ties_nan", "min_ties_nan",
            "cumsum_nan_inf", "sort_ties_nan", "sort_descending_ties_nan");

    /**
     * Inputs for gradchecking a case before PyTorch has a fixture for it. A case with a fixture is always
     * checked on the fixture's inputs; these only stand in until the JSON is regenerated.
     */
    static final Map<String, Function<Generator, Tensor[]>> RANDOM_INPUTS = new LinkedHashMap<>();

    private static void add(String name, Function<Tensor[], Tensor> f) {
        CASES.put(name, f);
    }

    private static void add(String name, Function<Tensor[], Tensor> f, Function<Generator, Tensor[]> inputs) {
        add(name, f);
        RANDOM_INPUTS.put(name, inputs);
    }

    /** Float64 inputs of these shapes, uniform in [-2, 2) like gen_core_fixtures.py's rnd, requiring grad. */
    static Function<Generator, Tensor[]> uniform(int[]... shapes) {
        return g -> java.util.Arrays.stream(shapes)
                .map(s -> Tensor.rand(g, s).toDouble().mul(4.0).sub(2.0).requiresGrad(true))
                .toArray(Tensor[]::new);
    }

    static int[] shape(int... dims) {
        return dims;
    }

    /** The seeded inputs declared for a case; its name seeds them, so a case's inputs never depend on another's. */
    static Tensor[] randomInputs(String name) {
        Function<Generator, Tensor[]> inputs = RANDOM_INPUTS.get(name);
        if (inputs == null) {
            throw new IllegalStateException("case " + name + " has no PyTorch fixture and no random inputs; declare "
                    + "them in OpCases (add(name, f, uniform(shape(...)))) or regenerate core_ops.json");
        }
        return inputs.apply(new Generator(name.hashCode()));
    }

    static {
        add("add", x -> x[0].add(x[1]));
        add("add_broadcast", x -> x[0].add(x[1]));
        add("add_broadcast_both", x -> x[0].add(x[1]));
        add("add_scalar", x -> x[0].add(2.5));
        add("add_alpha", x -> x[0].add(x[1], 0.5));
        add("add_promote", x -> x[0].add(x[1]));
        add("sub", x -> x[0].sub(x[1]));
        add("sub_scalar", x -> x[0].sub(1.5));
        add("mul", x -> x[0].mul(x[1]), uniform(shape(2, 3), shape(2, 1)));
        add("mul_scalar", x -> x[0].mul(3.0));
        add("div", x -> x[0].div(x[1]));
        add("div_scalar", x -> x[0].div(4.0));
        add("div_f32_huge_divisor", x -> x[0].div(x[1]));
        add("neg", x -> x[0].neg());
        add("exp", x -> x[0].exp());
        add("log", x -> x[0].log());
        add("log1p", x -> x[0].log1p());
        add("sqrt", x -> x[0].sqrt());
        add("abs", x -> x[0].abs());
        add("tanh", x -> x[0].tanh(), uniform(shape(2, 3)));
        add("sigmoid", x -> x[0].sigmoid());
        add("relu", x -> x[0].relu());
        add("pow_scalar", x -> x[0].pow(3));
        add("pow_fraction", x -> x[0].pow(2.5));
        add("pow_tensor", x -> x[0].pow(x[1]));
        add("clamp", x -> x[0].clamp(-0.5, 0.5));
        add("clamp_min", x -> x[0].clampMin(0.1));
        add("maximum", x -> x[0].maximum(x[1]));
        add("minimum", x -> x[0].minimum(x[1]));
        add("where", x -> Tensor.where(x[0].gt(0.0), x[1], x[2]));
        add("matmul_2d", x -> x[0].matmul(x[1]));
        add("matmul_matvec", x -> x[0].matmul(x[1]));
        add("matmul_vecmat", x -> x[0].matmul(x[1]));
        add("matmul_dot", x -> x[0].matmul(x[1]));
        add("matmul_batched", x -> x[0].matmul(x[1]), uniform(shape(2, 3, 4), shape(2, 4, 5)));
        add("matmul_batched_2d", x -> x[0].matmul(x[1]));
        add("matmul_2d_batched", x -> x[0].matmul(x[1]));
        add("matmul_large", x -> x[0].matmul(x[1]));
        add("sum_all", x -> x[0].sum());
        add("sum_dim", x -> x[0].sum(1));
        add("sum_dims_keepdim", x -> x[0].sum(new int[] {0, 2}, true));
        add("mean_all", x -> x[0].mean());
        add("mean_dim_keepdim", x -> x[0].mean(-1, true));
        add("amax_dim", x -> x[0].amax(1));
        add("amin_dims", x -> x[0].amin(0, 2));
        add("amax_ties", x -> x[0].amax(1));
        add("logsumexp_dim", x -> x[0].logsumexp(1));
        add("logsumexp_keepdim", x -> x[0].logsumexp(0, true));
        add("logsumexp_large", x -> x[0].logsumexp(1));
        add("softmax_dim1", x -> x[0].softmax(1));
        add("softmax_dim0", x -> x[0].softmax(0));
        add("log_softmax_dim1", x -> x[0].logSoftmax(1));
        add("log_softmax_3d", x -> x[0].logSoftmax(1));
        add("log_softmax_large", x -> x[0].logSoftmax(1));
        add("reshape", x -> x[0].reshape(3, 8));
        add("view_infer", x -> x[0].view(-1, 4));
        add("flatten", x -> x[0].flatten());
        add("flatten_range", x -> x[0].flatten(1, 2));
        add("transpose", x -> x[0].transpose(0, 2));
        add("t", x -> x[0].t());
        add("permute", x -> x[0].permute(2, 0, 1));
        add("expand", x -> x[0].expand(3, 4));
        add("expand_new_dim", x -> x[0].expand(2, 3));
        add("squeeze", x -> x[0].squeeze());
        add("squeeze_dim", x -> x[0].squeeze(1));
        add("unsqueeze", x -> x[0].unsqueeze(1));
        add("narrow", x -> x[0].narrow(1, 1, 3));
        add("slice_step", x -> x[0].slice(1, 0, 5, 2));
        add("select", x -> x[0].select(0, 1));
        add("cat_dim0", x -> Tensor.cat(0, x[0], x[1]));
        add("cat_dim1", x -> Tensor.cat(1, x[0], x[1]));
        add("stack", x -> Tensor.stack(1, x[0], x[1]));
        add("gather_dim1", x -> x[0].gather(1, x[1]));
        add("gather_dim0", x -> x[0].gather(0, x[1]));
        add("scatter_add", x -> x[0].scatterAdd(1, x[1], x[2]));
        add("index_select", x -> x[0].indexSelect(0, x[1]));
        add("masked_fill", x -> x[1].maskedFill(x[0].gt(0.0), -1.0));
        add("mlp_nll", OpCases::mlpNll);
        add("add_broadcast_f32", x -> x[0].add(x[1]));
        add("matmul_2d_f32", x -> x[0].matmul(x[1]));
        add("matmul_large_f32", x -> x[0].matmul(x[1]));
        add("sum_dim_f32", x -> x[0].sum(0));
        add("sigmoid_f32", x -> x[0].sigmoid());
        add("log_softmax_f32", x -> x[0].logSoftmax(1));
        add("mlp_nll_f32", OpCases::mlpNll);
        add("linear", x -> Fused.linear(x[0], x[1], x[2]));
        add("linear_3d", x -> Fused.linear(x[0], x[1], x[2]));
        add("linear_vector_no_bias", x -> Fused.linear(x[0], x[1], null));
        add("linear_large_f32", x -> Fused.linear(x[0], x[1], x[2]));
        add("matmul_4d_2d", x -> x[0].matmul(x[1]));
        add("matmul_4d_1d", x -> x[0].matmul(x[1]));
        add("matmul_1d_4d", x -> x[0].matmul(x[1]));
        add("matmul_2d_4d", x -> x[0].matmul(x[1]));
        add("matmul_4d_4d", x -> x[0].matmul(x[1]));
        add("matmul_broadcast_batch", x -> x[0].matmul(x[1]));
        add("matmul_broadcast_both", x -> x[0].matmul(x[1]));
        add("matmul_4d_empty_batch", x -> x[0].matmul(x[1]));
        add("matmul_4d_f32", x -> x[0].matmul(x[1]));
        add("linear_4d", x -> Fused.linear(x[0], x[1], x[2]));
        add("linear_5d_no_bias", x -> Fused.linear(x[0], x[1], null));
        add("var_all", x -> x[0].var());
        add("var_dim", x -> x[0].var(1));
        add("var_dims_correction0_keepdim", x -> x[0].var(new int[] {0, 2}, 0, true));
        add("var_correction_over_n", x -> x[0].var(new int[0], 3, false));
        add("var_one_element", x -> x[0].var(1));
        add("var_empty", x -> x[0].var(0));
        add("var_f32", x -> x[0].var(0));
        add("std_all", x -> x[0].std());
        add("std_dim_keepdim", x -> x[0].std(new int[] {-1}, 1, true));
        add("std_correction2", x -> x[0].std(new int[] {1}, 2, false));
        add("std_constant", x -> x[0].std(1));
        add("std_f32", x -> x[0].std(1));
        add("var_f32_huge", x -> x[0].var());
        add("std_f32_huge", x -> x[0].std(new int[] {0}, 1, true));
        add("norm_2", x -> x[0].norm());
        add("norm_2_dim_keepdim", x -> x[0].norm(2, 1, true));
        add("norm_1_dim", x -> x[0].norm(1, 0, false));
        add("norm_inf_dims", x -> x[0].norm(Double.POSITIVE_INFINITY, new int[] {0, 2}, false));
        add("norm_neg_inf", x -> x[0].norm(Double.NEGATIVE_INFINITY, 1, false));
        add("norm_3", x -> x[0].norm(3, 1, false));
        add("norm_1_5", x -> x[0].norm(1.5));
        add("norm_2_at_zero", x -> x[0].norm(2, 1, false));
        add("norm_1_at_zero", x -> x[0].norm(1, 1, false));
        add("norm_inf_at_zero", x -> x[0].norm(Double.POSITIVE_INFINITY, 1, false));
        add("norm_3_at_zero", x -> x[0].norm(3, 1, false));
        add("norm_inf_ties", x -> x[0].norm(Double.POSITIVE_INFINITY, 1, false));
        add("norm_nan", x -> x[0].norm(Double.POSITIVE_INFINITY, 1, false));
        add("norm_1_nan", x -> x[0].norm(1, 1, false));
        add("norm_2_nan", x -> x[0].norm(2, 1, false));
        add("norm_inf_empty", x -> x[0].norm(Double.POSITIVE_INFINITY, 1, false));
        add("norm_2_overflow", x -> x[0].norm());
        add("norm_f32", x -> x[0].norm(2, 1, false));
        add("max_dim", x -> x[0].max(1).values());
        add("max_dim_indices", x -> x[0].max(1).indices());
        add("max_keepdim", x -> x[0].max(0, true).values());
        add("max_keepdim_indices", x -> x[0].max(0, true).indices());
        add("min_dim", x -> x[0].min(-1).values());
        add("min_dim_indices", x -> x[0].min(-1).indices());
        add("max_ties_nan", x -> x[0].max(1).values());
        add("max_ties_nan_indices", x -> x[0].max(1).indices());
        add("min_ties_nan", x -> x[0].min(1).values());
        add("min_ties_nan_indices", x -> x[0].min(1).indices());
        add("max_0d", x -> x[0].max(0).values());
        add("min_0d_indices", x -> x[0].min(-1, true).indices());
        add("max_empty_other_dim", x -> x[0].max(1).values());
        add("max_int64", x -> x[0].max(1).values());
        add("min_int64_indices", x -> x[0].min(1).indices());
        add("max_bool_indices", x -> x[0].max(0).indices());
        add("max_f32", x -> x[0].max(1).values());
        add("split_size", x -> weighted(x[0].split(2, 1), 1));
        add("split_sizes", x -> weighted(x[0].split(new int[] {1, 0, 3}, 0), 0));
        add("chunk", x -> weighted(x[0].chunk(4, -1), -1));
        add("chunk_sizes", x -> sizes(x[0].chunk(4, 0)));
        add("chunk_empty_sizes", x -> sizes(x[0].chunk(3, 0)));
        add("split_empty_sizes", x -> sizes(x[0].split(2, 0)));
        add("pad_last", x -> x[0].pad(new int[] {1, 2}, 0));
        add("pad_two_dims_value", x -> x[0].pad(new int[] {1, 2, -1, 1}, 3.0));
        add("pad_3d_crop", x -> x[0].pad(new int[] {-1, -2, 0, 0, 2, -1}, 0));
        add("pad_all_cropped", x -> x[0].pad(new int[] {0, 0, -2, 0}, 0));
        add("pad_empty", x -> x[0].pad(new int[] {1, 1}, -1.0));
        add("pad_int64", x -> x[0].pad(new int[] {1, 1}, 2.7));
        add("pad_f32", x -> x[0].pad(new int[] {2, 0, 1, 1}, 0.5));
        add("pad_int64_crop_nan", x -> x[0].pad(new int[] {-1, 0}, Double.NaN));
        add("cumsum_dim1", x -> x[0].cumsum(1), uniform(shape(3, 4)));
        add("cumsum_dim0_3d", x -> x[0].cumsum(0));
        add("cumsum_neg_dim", x -> x[0].cumsum(-1));
        add("cumsum_0d", x -> x[0].cumsum(0));
        add("cumsum_empty", x -> x[0].cumsum(1));
        add("cumsum_nan_inf", x -> x[0].cumsum(1));
        add("cumsum_int64", x -> x[0].cumsum(1));
        add("cumsum_bool", x -> x[0].cumsum(0));
        add("cumsum_f32", x -> x[0].cumsum(1));
        add("cumsum_f32_accumulates_in_double", x -> x[0].cumsum(0));
        add("sort_dim1", x -> x[0].sort(1).values(), uniform(shape(3, 5)));
        add("sort_dim1_indices", x -> x[0].sort(1).indices());
        add("sort_descending_dim0", x -> x[0].sort(0, true).values());
        add("sort_descending_dim0_indices", x -> x[0].sort(0, true).indices());
        add("sort_ties_nan", x -> x[0].sort(1).values());
        add("sort_ties_nan_indices", x -> x[0].sort(1).indices());
        add("sort_descending_ties_nan", x -> x[0].sort(-1, true).values());
        add("sort_descending_ties_nan_indices", x -> x[0].sort(-1, true).indices());
        add("sort_0d", x -> x[0].sort(0).values());
        add("sort_0d_indices", x -> x[0].sort(-1).indices());
        add("sort_empty", x -> x[0].sort(0).values());
        add("sort_int64", x -> x[0].sort(1, true).values());
        add("sort_int64_indices", x -> x[0].sort(1).indices());
        add("sort_bool_indices", x -> x[0].sort(0).indices());
        add("sort_f32", x -> x[0].sort(1).values());
        add("topk", x -> x[0].topk(2).values(), uniform(shape(3, 5)));
        add("topk_indices", x -> x[0].topk(2).indices());
        add("topk_smallest_dim0", x -> x[0].topk(3, 0, false, true).values());
        add("topk_smallest_dim0_indices", x -> x[0].topk(3, 0, false, true).indices());
        add("topk_unsorted_resorted", x -> x[0].topk(3, 1, true, false).values().sort(1).values());
        add("topk_all", x -> x[0].topk(4, 1).values());
        add("topk_k0", x -> x[0].topk(0, 1).values());
        add("topk_0d", x -> x[0].topk(1).values());
        add("topk_0d_k0", x -> x[0].topk(0).values());
        add("topk_ties_nan_values", x -> x[0].topk(3, 1).values());
        add("topk_smallest_ties_nan_values", x -> x[0].topk(3, 1, false, true).values());
        add("topk_int64", x -> x[0].topk(2, 1).values());
        add("topk_f32", x -> x[0].topk(2, 0).values());
        add("erf", x -> x[0].erf(), uniform(shape(2, 3)));
        add("erf_regions", x -> x[0].erf());
        add("erf_f32", x -> x[0].erf());
        add("erf_regions_f32", x -> x[0].erf());
        add("erf_int64", x -> x[0].erf());
    }

    /** Piece i times i + 1, joined again along dim: shows each piece's values, its place and its gradient. */
    static Tensor weighted(java.util.List<Tensor> pieces, int dim) {
        Tensor[] scaled = new Tensor[pieces.size()];
        for (int i = 0; i < scaled.length; i++) scaled[i] = pieces.get(i).mul(i + 1.0);
        return Tensor.cat(dim, scaled);
    }

    /** The pieces' sizes along dim 0, as an int64 tensor. */
    static Tensor sizes(java.util.List<Tensor> pieces) {
        return Tensor.of(pieces.stream().mapToLong(p -> p.size(0)).toArray());
    }

    /** The benchmark's MLP loss: relu(x W1 + b1) W2 + b2, log-softmax, NLL of the targets. */
    static Tensor mlpNll(Tensor[] x) {
        Tensor logits = x[0].matmul(x[1]).add(x[2]).relu().matmul(x[3]).add(x[4]);
        return logits.logSoftmax(1).gather(1, x[5].unsqueeze(1)).mean().neg();
    }
}
