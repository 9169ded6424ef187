"""Golden values for jgrad's core ops, computed by real PyTorch.

Run with Debian's PyTorch:  /usr/bin/python3 core/src/test/python/gen_core_fixtures.py
It writes core/src/test/resources/fixtures/core_ops.json, which OpFixtureTest reads (CI never needs
Python). Each case: inputs, the output, a random upstream gradient, and the inputs' gradients of
sum(output * upstream). The Java twin of every expression lives in OpCases.java under the same name.
"""
import json
import os
import zlib

import torch

F64, F32, I64 = torch.float64, torch.float32, torch.int64


def case_generator(name):
    """Each case draws from its own stream, seeded by its name, so adding or reordering cases leaves the
    others' values alone. crc32 rather than hash(): Python salts str hashes per process."""
    return torch.Generator().manual_seed(zlib.crc32(name.encode()))


# rnd, pos, fixed_ints and fixed_values describe a case's input; run() makes it from the case's generator.
def rnd(*shape, dtype=F64, low=-2.0, high=2.0, away=0.0):
    """Uniform in [low, high), optionally kept `away` from 0 where derivatives are not smooth."""
    def make(g):
        x = torch.rand(*shape, dtype=F64, generator=g) * (high - low) + low
        if away:
            x = torch.where(x.abs() < away, torch.sign(x + 1e-12) * away + x, x)
        return x.to(dtype)
    return make


def pos(*shape, dtype=F64):
    return rnd(*shape, dtype=dtype, low=0.5, high=2.0)


def idx(values):
    return torch.tensor(values, dtype=I64)


def const(values, dtype=F64):
    return torch.tensor(values, dtype=dtype)


def fixed_values(values, dtype=F64):
    return lambda g: const(values, dtype)


def fixed_ints(values):
    return lambda g: idx(values)


INF, NAN = float("inf"), float("nan")
# ties (3, 3), NaN (two), -0.0 before 0.0 and 0.0 before -0.0, and infinities, for sort and topk
SORT_TIES = [[3.0, NAN, 1.0, 3.0, -INF, NAN], [-0.0, 0.0, INF, 0.0, -0.0, -1.0]]


CASES = [
    # name, function, inputs; integer/bool inputs and those named in `fixed` never require grad
    ("add", lambda a, b: a + b, [rnd(2, 3), rnd(2, 3)]),
    ("add_broadcast", lambda a, b: a + b, [rnd(2, 3), rnd(3)]),
    ("add_broadcast_both", lambda a, b: a + b, [rnd(4, 1, 3), rnd(2, 1)]),
    ("add_scalar", lambda a: a + 2.5, [rnd(2, 3)]),
    ("add_alpha", lambda a, b: torch.add(a, b, alpha=0.5), [rnd(2, 3), rnd(3)]),
    ("add_promote", lambda a, b: a + b, [rnd(2, 3, dtype=F32), rnd(3)]),
    ("sub", lambda a, b: a - b, [rnd(2, 3), rnd(1, 3)]),
    ("sub_scalar", lambda a: a - 1.5, [rnd(2, 3)]),
    ("mul", lambda a, b: a * b, [rnd(2, 3), rnd(2, 1)]),
    ("mul_scalar", lambda a: a * 3.0, [rnd(2, 3)]),
    ("div", lambda a, b: a / b, [rnd(2, 3), pos(3)]),
    ("div_scalar", lambda a: a / 4.0, [rnd(2, 3)]),
    # the divisor's gradient as PyTorch orders it, -g·((a/b)/b): b·b overflows float32 here
    ("div_f32_huge_divisor", lambda a, b: a / b, [fixed_values([1e30, 3.0, -INF], F32), fixed_values([1e30, 2.0, 1.86e23], F32)]),
    ("neg", lambda a: -a, [rnd(2, 3)]),
    ("exp", torch.exp, [rnd(2, 3)]),
    ("log", torch.log, [pos(2, 3)]),
    ("log1p", torch.log1p, [rnd(2, 3, low=-0.5, high=2.0)]),
    ("sqrt", torch.sqrt, [pos(2, 3)]),
    ("abs", torch.abs, [rnd(2, 3, away=0.1)]),
    ("tanh", torch.tanh, [rnd(2, 3)]),
    ("sigmoid", torch.sigmoid, [rnd(2, 3, low=-6, high=6)]),
    ("relu", torch.relu, [rnd(2, 3, away=0.1)]),
    ("pow_scalar", lambda a: a.pow(3), [rnd(2, 3)]),
    ("pow_fraction", lambda a: a.pow(2.5), [pos(2, 3)]),
    ("pow_tensor", lambda a, b: a.pow(b), [pos(2, 3), rnd(3)]),
    ("clamp", lambda a: a.clamp(-0.5, 0.5), [rnd(3, 4, away=0.05)]),
    ("clamp_min", lambda a: a.clamp(min=0.1), [rnd(3, 4, away=0.15)]),
    ("maximum", torch.maximum, [rnd(2, 3), rnd(3)]),
    ("minimum", torch.minimum, [rnd(2, 3), rnd(3)]),
    ("where", lambda c, a, b: torch.where(c > 0, a, b), [rnd(2, 3), rnd(2, 3), rnd(3)], {0}),
    ("matmul_2d", torch.matmul, [rnd(3, 4), rnd(4, 5)]),
    ("matmul_matvec", torch.matmul, [rnd(3, 4), rnd(4)]),
    ("matmul_vecmat", torch.matmul, [rnd(4), rnd(4, 5)]),
    ("matmul_dot", torch.matmul, [rnd(4), rnd(4)]),
    ("matmul_batched", torch.matmul, [rnd(2, 3, 4), rnd(2, 4, 5)]),
    ("matmul_batched_2d", torch.matmul, [rnd(2, 3, 4), rnd(4, 5)]),
    ("matmul_2d_batched", torch.matmul, [rnd(3, 4), rnd(2, 4, 5)]),
    ("matmul_large", torch.matmul, [rnd(48, 96), rnd(96, 40)]),
    ("sum_all", lambda a: a.sum(), [rnd(2, 3, 4)]),
    ("sum_dim", lambda a: a.sum(1), [rnd(2, 3, 4)]),
    ("sum_dims_keepdim", lambda a: a.sum((0, 2), keepdim=True), [rnd(2, 3, 4)]),
    ("mean_all", lambda a: a.mean(), [rnd(2, 3, 4)]),
    ("mean_dim_keepdim", lambda a: a.mean(-1, keepdim=True), [rnd(2, 3, 4)]),
    ("amax_dim", lambda a: a.amax(1), [rnd(3, 5)]),
    ("amin_dims", lambda a: a.amin((0, 2)), [rnd(2, 3, 4)]),
    ("amax_ties", lambda a: a.amax(1), [fixed_values([[1.0, 3.0, 3.0], [2.0, 2.0, 0.0]])]),
    ("logsumexp_dim", lambda a: a.logsumexp(1), [rnd(3, 5)]),
    ("logsumexp_keepdim", lambda a: a.logsumexp(0, keepdim=True), [rnd(3, 5)]),
    ("logsumexp_large", lambda a: a.logsumexp(1), [fixed_values([[1000.0, 1001.0, 999.0], [-1000.0, -1002.0, -1001.0]])]),
    ("softmax_dim1", lambda a: a.softmax(1), [rnd(3, 5)]),
    ("softmax_dim0", lambda a: a.softmax(0), [rnd(3, 5)]),
    ("log_softmax_dim1", lambda a: a.log_softmax(1), [rnd(3, 5)]),
    ("log_softmax_3d", lambda a: a.log_softmax(1), [rnd(2, 3, 4)]),
    ("log_softmax_large", lambda a: a.log_softmax(1), [fixed_values([[1000.0, 0.0, -1000.0], [500.0, 501.0, 502.0]])]),
    ("reshape", lambda a: a.reshape(3, 8), [rnd(2, 3, 4)]),
    ("view_infer", lambda a: a.view(-1, 4), [rnd(2, 3, 4)]),
    ("flatten", lambda a: a.flatten(), [rnd(2, 3, 4)]),
    ("flatten_range", lambda a: a.flatten(1, 2), [rnd(2, 3, 4)]),
    ("transpose", lambda a: a.transpose(0, 2), [rnd(2, 3, 4)]),
    ("t", lambda a: a.t(), [rnd(3, 4)]),
    ("permute", lambda a: a.permute(2, 0, 1), [rnd(2, 3, 4)]),
    ("expand", lambda a: a.expand(3, 4), [rnd(3, 1)]),
    ("expand_new_dim", lambda a: a.expand(2, 3), [rnd(3)]),
    ("squeeze", lambda a: a.squeeze(), [rnd(2, 1, 3)]),
    ("squeeze_dim", lambda a: a.squeeze(1), [rnd(2, 1, 3)]),
    ("unsqueeze", lambda a: a.unsqueeze(1), [rnd(2, 3)]),
    ("narrow", lambda a: a.narrow(1, 1, 3), [rnd(4, 5)]),
    ("slice_step", lambda a: a[:, 0:5:2], [rnd(4, 5)]),
    ("select", lambda a: a[1], [rnd(3, 4)]),
    ("cat_dim0", lambda a, b: torch.cat([a, b], 0), [rnd(2, 3), rnd(1, 3)]),
    ("cat_dim1", lambda a, b: torch.cat([a, b], 1), [rnd(2, 3), rnd(2, 2)]),
    ("stack", lambda a, b: torch.stack([a, b], 1), [rnd(2, 3), rnd(2, 3)]),
    ("gather_dim1", lambda a, i: a.gather(1, i), [rnd(3, 5), fixed_ints([[0, 4], [2, 2], [1, 3]])]),
    ("gather_dim0", lambda a, i: a.gather(0, i), [rnd(4, 3), fixed_ints([[3, 0, 1], [0, 0, 2]])]),
    ("scatter_add", lambda a, i, s: a.scatter_add(1, i, s), [rnd(3, 5), fixed_ints([[0, 4], [2, 2], [1, 3]]), rnd(3, 2)]),
    ("index_select", lambda a, i: a.index_select(0, i), [rnd(5, 3), fixed_ints([4, 0, 4, 2])]),
    ("masked_fill", lambda c, a: a.masked_fill(c > 0, -1.0), [rnd(2, 3), rnd(2, 3)], {0}),
    ("mlp_nll", lambda x, w1, b1, w2, b2, y: -(torch.relu(x @ w1 + b1) @ w2 + b2).log_softmax(1).gather(1, y.unsqueeze(1)).mean(),
     [rnd(4, 6), rnd(6, 5), rnd(5), rnd(5, 3), rnd(3), fixed_ints([0, 2, 1, 2])], {0}),
    # float32: the default dtype; compared at 1e-5
    ("add_broadcast_f32", lambda a, b: a + b, [rnd(2, 3, dtype=F32), rnd(3, dtype=F32)]),
    ("matmul_2d_f32", torch.matmul, [rnd(3, 4, dtype=F32), rnd(4, 5, dtype=F32)]),
    ("matmul_large_f32", torch.matmul, [rnd(48, 96, dtype=F32), rnd(96, 40, dtype=F32)]),
    ("sum_dim_f32", lambda a: a.sum(0), [rnd(6, 4, dtype=F32)]),
    ("sigmoid_f32", torch.sigmoid, [rnd(2, 3, dtype=F32)]),
    ("log_softmax_f32", lambda a: a.log_softmax(1), [rnd(3, 5, dtype=F32)]),
    ("mlp_nll_f32", lambda x, w1, b1, w2, b2, y: -(torch.relu(x @ w1 + b1) @ w2 + b2).log_softmax(1).gather(1, y.unsqueeze(1)).mean(),
     [rnd(4, 6, dtype=F32), rnd(6, 5, dtype=F32), rnd(5, dtype=F32), rnd(5, 3, dtype=F32), rnd(3, dtype=F32),
      fixed_ints([0, 2, 1, 2])], {0}),
    # F.linear multiplies by the transposed weight without copying it
    ("linear", torch.nn.functional.linear, [rnd(4, 3), rnd(5, 3), rnd(5)]),
    ("linear_3d", torch.nn.functional.linear, [rnd(2, 4, 3), rnd(5, 3), rnd(5)]),
    ("linear_vector_no_bias", lambda x, w: torch.nn.functional.linear(x, w), [rnd(3), rnd(5, 3)]),
    ("linear_large_f32", torch.nn.functional.linear, [rnd(40, 96, dtype=F32), rnd(64, 96, dtype=F32), rnd(64, dtype=F32)]),
    # matmul of any rank: batch dims broadcast, 1-D operands as vectors; linear on [..., in]
    ("matmul_4d_2d", torch.matmul, [rnd(2, 3, 4, 5), rnd(5, 3)]),
    ("matmul_4d_1d", torch.matmul, [rnd(2, 3, 4, 5), rnd(5)]),
    ("matmul_1d_4d", torch.matmul, [rnd(4), rnd(2, 3, 4, 5)]),
    ("matmul_2d_4d", torch.matmul, [rnd(3, 4), rnd(2, 3, 4, 5)]),
    ("matmul_4d_4d", torch.matmul, [rnd(2, 3, 4, 5), rnd(2, 3, 5, 2)]),
    ("matmul_broadcast_batch", torch.matmul, [rnd(2, 1, 4, 5), rnd(3, 5, 6)]),
    ("matmul_broadcast_both", torch.matmul, [rnd(1, 3, 1, 2, 4), rnd(2, 1, 2, 4, 3)]),
    ("matmul_4d_empty_batch", torch.matmul, [rnd(2, 0, 3, 4), rnd(4, 2)]),
    ("matmul_4d_f32", torch.matmul, [rnd(2, 3, 4, 5, dtype=F32), rnd(1, 3, 5, 6, dtype=F32)]),
    ("linear_4d", torch.nn.functional.linear, [rnd(2, 3, 2, 4), rnd(5, 4), rnd(5)]),
    ("linear_5d_no_bias", lambda x, w: torch.nn.functional.linear(x, w), [rnd(2, 1, 2, 3, 4), rnd(3, 4)]),
    # var / std (PyTorch's correction, default 1) and norm (p = 2, 1, inf, -inf, any p >= 1)
    ("var_all", lambda a: a.var(), [rnd(3, 4)]),
    ("var_dim", lambda a: a.var(1), [rnd(3, 4)]),
    ("var_dims_correction0_keepdim", lambda a: torch.var(a, (0, 2), correction=0, keepdim=True), [rnd(2, 3, 4)]),
    ("var_correction_over_n", lambda a: torch.var(a, None, correction=3), [fixed_values([1.0, 2.5])]),
    ("var_one_element", lambda a: a.var(1), [fixed_values([[1.0], [2.0]])]),
    ("var_empty", lambda a: a.var(0), [lambda g: torch.zeros(0, 3, dtype=F64)]),
    ("var_f32", lambda a: a.var(0), [rnd(5, 3, dtype=F32)]),
    ("std_all", lambda a: a.std(), [rnd(3, 4)]),
    ("std_dim_keepdim", lambda a: a.std(-1, keepdim=True), [rnd(2, 3, 4)]),
    ("std_correction2", lambda a: torch.std(a, 1, correction=2), [rnd(3, 5)]),
    ("std_constant", lambda a: a.std(1), [fixed_values([[2.0, 2.0, 2.0], [1.0, 2.0, 4.0]])]),
    ("std_f32", lambda a: a.std(1), [rnd(3, 5, dtype=F32)]),
    # float32 beyond 1.8e19 squares to inf; PyTorch accumulates in double
    ("var_f32_huge", lambda a: a.var(), [fixed_values([1e23, -2e23, 3e22, 5e18], F32)]),
    ("std_f32_huge", lambda a: a.std(0, keepdim=True), [fixed_values([[1e23, 2.0], [-2e23, 3.0], [3e22, -1.0]], F32)]),
    ("norm_2", lambda a: a.norm(), [rnd(3, 4)]),
    ("norm_2_dim_keepdim", lambda a: a.norm(2, 1, True), [rnd(3, 4)]),
    ("norm_1_dim", lambda a: a.norm(1, 0), [rnd(3, 4, away=0.05)]),
    ("norm_inf_dims", lambda a: a.norm(float("inf"), (0, 2)), [rnd(2, 3, 4)]),
    ("norm_neg_inf", lambda a: a.norm(float("-inf"), 1), [rnd(3, 4)]),
    ("norm_3", lambda a: a.norm(3, 1), [rnd(3, 4)]),
    ("norm_1_5", lambda a: a.norm(1.5), [rnd(3, 4)]),
    ("norm_2_at_zero", lambda a: a.norm(2, 1), [fixed_values([[0.0, 0.0, 0.0], [0.0, 3.0, -4.0]])]),
    ("norm_1_at_zero", lambda a: a.norm(1, 1), [fixed_values([[0.0, 0.0, 0.0], [0.0, 3.0, -4.0]])]),
    ("norm_inf_at_zero", lambda a: a.norm(float("inf"), 1), [fixed_values([[0.0, 0.0, 0.0], [0.0, 3.0, -4.0]])]),
    ("norm_3_at_zero", lambda a: a.norm(3, 1), [fixed_values([[0.0, 0.0, 0.0], [0.0, 3.0, -4.0]])]),
    ("norm_inf_ties", lambda a: a.norm(float("inf"), 1), [fixed_values([[1.0, -3.0, 3.0], [2.0, 2.0, 0.5]])]),
    ("norm_nan", lambda a: a.norm(float("inf"), 1), [fixed_values([[float("nan"), 1.0, 2.0], [1.0, -2.0, 0.5]])]),
    ("norm_1_nan", lambda a: a.norm(1, 1), [fixed_values([[float("nan"), 1.0, 2.0], [1.0, -2.0, 0.5]])]),
    ("norm_2_nan", lambda a: a.norm(2, 1), [fixed_values([[float("nan"), 1.0, 2.0], [1.0, -2.0, 0.5]])]),
    ("norm_inf_empty", lambda a: a.norm(float("inf"), 1), [lambda g: torch.zeros(2, 0, dtype=F64)]),
    ("norm_2_overflow", lambda a: a.norm(), [fixed_values([1e200, 1.0])]),
    ("norm_f32", lambda a: a.norm(2, 1), [rnd(3, 4, dtype=F32)]),
    # max / min along a dim: values (gradient to the selected index only) and indices (first of ties, NaN first)
    ("max_dim", lambda a: a.max(1).values, [rnd(3, 5)]),
    ("max_dim_indices", lambda a: a.max(1).indices, [rnd(3, 5)], {0}),
    ("max_keepdim", lambda a: a.max(0, keepdim=True).values, [rnd(4, 2, 3)]),
    ("max_keepdim_indices", lambda a: a.max(0, keepdim=True).indices, [rnd(4, 2, 3)], {0}),
    ("min_dim", lambda a: a.min(-1).values, [rnd(2, 3, 4)]),
    ("min_dim_indices", lambda a: a.min(-1).indices, [rnd(2, 3, 4)], {0}),
    ("max_ties_nan", lambda a: a.max(1).values, [fixed_values([[1.0, 3.0, 3.0, 0.0], [2.0, float("nan"), 5.0, float("nan")], [-0.0, 0.0, -1.0, -0.0]])]),
    ("max_ties_nan_indices", lambda a: a.max(1).indices, [fixed_values([[1.0, 3.0, 3.0, 0.0], [2.0, float("nan"), 5.0, float("nan")], [-0.0, 0.0, -1.0, -0.0]])], {0}),
    ("min_ties_nan", lambda a: a.min(1).values, [fixed_values([[1.0, 0.0, 0.0, 3.0], [2.0, float("nan"), -5.0, float("nan")], [0.0, -0.0, 1.0, 0.0]])]),
    ("min_ties_nan_indices", lambda a: a.min(1).indices, [fixed_values([[1.0, 0.0, 0.0, 3.0], [2.0, float("nan"), -5.0, float("nan")], [0.0, -0.0, 1.0, 0.0]])], {0}),
    ("max_0d", lambda a: a.max(0).values, [fixed_values(2.5)]),
    ("min_0d_indices", lambda a: a.min(-1, keepdim=True).indices, [fixed_values(2.5)], {0}),
    ("max_empty_other_dim", lambda a: a.max(1).values, [lambda g: torch.zeros(0, 3, dtype=F64)]),
    ("max_int64", lambda a: a.max(1).values, [fixed_ints([[3, -2, 3], [-(2 ** 63), 5, 2 ** 63 - 1]])]),
    ("min_int64_indices", lambda a: a.min(1).indices, [fixed_ints([[3, -2, -2], [5, -(2 ** 63), 2 ** 63 - 1]])]),
    ("max_bool_indices", lambda a: a.max(0).indices, [lambda g: torch.tensor([[False, True], [True, True]])]),
    ("max_f32", lambda a: a.max(1).values, [rnd(3, 4, dtype=F32)]),
    # split / chunk (pieces weighted by position and joined, so values, order and gradients all show) and pad
    ("split_size", lambda a: torch.cat([p * (i + 1) for i, p in enumerate(a.split(2, 1))], 1), [rnd(3, 5)]),
    ("split_sizes", lambda a: torch.cat([p * (i + 1) for i, p in enumerate(a.split([1, 0, 3], 0))], 0), [rnd(4, 2)]),
    ("chunk", lambda a: torch.cat([p * (i + 1) for i, p in enumerate(a.chunk(4, -1))], -1), [rnd(2, 6)]),
    ("chunk_sizes", lambda a: idx([p.shape[0] for p in a.chunk(4, 0)]), [rnd(6)], {0}),
    ("chunk_empty_sizes", lambda a: idx([p.shape[0] for p in a.chunk(3, 0)]), [lambda g: torch.zeros(0, dtype=F64)], {0}),
    ("split_empty_sizes", lambda a: idx([p.shape[0] for p in a.split(2, 0)]), [lambda g: torch.zeros(0, dtype=F64)], {0}),
    ("pad_last", lambda a: torch.nn.functional.pad(a, (1, 2)), [rnd(2, 3)]),
    ("pad_two_dims_value", lambda a: torch.nn.functional.pad(a, (1, 2, -1, 1), value=3.0), [rnd(3, 4)]),
    ("pad_3d_crop", lambda a: torch.nn.functional.pad(a, (-1, -2, 0, 0, 2, -1)), [rnd(3, 2, 5)]),
    ("pad_all_cropped", lambda a: torch.nn.functional.pad(a, (0, 0, -2, 0)), [rnd(2, 3)]),
    ("pad_empty", lambda a: torch.nn.functional.pad(a, (1, 1), value=-1.0), [lambda g: torch.zeros(0, 2, dtype=F64)]),
    ("pad_int64", lambda a: torch.nn.functional.pad(a, (1, 1), value=2.7), [fixed_ints([1, 2])]),
    ("pad_f32", lambda a: torch.nn.functional.pad(a, (2, 0, 1, 1), value=0.5), [rnd(2, 3, dtype=F32)]),
    # cropping alone never converts the value, so NaN is no error for int64 there
    ("pad_int64_crop_nan", lambda a: torch.nn.functional.pad(a, (-1, 0), value=float("nan")), [fixed_ints([1, 2])]),
    # cumsum (floats accumulate in double on the CPU, int64 and bool give int64), sort (stable=True: the
    # default leaves ties to std::sort; NaN sorts largest) and topk (ties values-only: PyTorch's pick among
    # them is its implementation's; sorted=False values re-sorted, as their order is unspecified)
    ("cumsum_dim1", lambda a: a.cumsum(1), [rnd(3, 4)]),
    ("cumsum_dim0_3d", lambda a: a.cumsum(0), [rnd(3, 2, 4)]),
    ("cumsum_neg_dim", lambda a: a.cumsum(-1), [rnd(2, 3, 5)]),
    ("cumsum_0d", lambda a: a.cumsum(0), [fixed_values(2.5)]),
    ("cumsum_empty", lambda a: a.cumsum(1), [lambda g: torch.zeros(2, 0, dtype=F64)]),
    ("cumsum_nan_inf", lambda a: a.cumsum(1), [fixed_values([[1.0, INF, -INF, 2.0], [NAN, 1.0, 2.0, 3.0], [-0.0, -0.0, 1.0, -1.0]])]),
    ("cumsum_int64", lambda a: a.cumsum(1), [fixed_ints([[2 ** 62, 2 ** 62, 2 ** 62], [1, -2, 3]])]),
    ("cumsum_bool", lambda a: a.cumsum(0), [lambda g: torch.tensor([[True, False], [True, True], [False, True]])]),
    ("cumsum_f32", lambda a: a.cumsum(1), [rnd(3, 5, dtype=F32)]),
    ("cumsum_f32_accumulates_in_double", lambda a: a.cumsum(0), [fixed_values([1e8] + [1.0] * 7, F32)]),
    ("sort_dim1", lambda a: a.sort(dim=1, stable=True).values, [rnd(3, 5)]),
    ("sort_dim1_indices", lambda a: a.sort(dim=1, stable=True).indices, [rnd(3, 5)], {0}),
    ("sort_descending_dim0", lambda a: a.sort(dim=0, descending=True, stable=True).values, [rnd(4, 2, 3)]),
    ("sort_descending_dim0_indices", lambda a: a.sort(dim=0, descending=True, stable=True).indices, [rnd(4, 2, 3)], {0}),
    ("sort_ties_nan", lambda a: a.sort(dim=1, stable=True).values, [fixed_values(SORT_TIES)]),
    ("sort_ties_nan_indices", lambda a: a.sort(dim=1, stable=True).indices, [fixed_values(SORT_TIES)], {0}),
    ("sort_descending_ties_nan", lambda a: a.sort(dim=-1, descending=True, stable=True).values, [fixed_values(SORT_TIES)]),
    ("sort_descending_ties_nan_indices", lambda a: a.sort(dim=-1, descending=True, stable=True).indices, [fixed_values(SORT_TIES)], {0}),
    ("sort_0d", lambda a: a.sort(dim=0, stable=True).values, [fixed_values(2.5)]),
    ("sort_0d_indices", lambda a: a.sort(dim=-1, stable=True).indices, [fixed_values(2.5)], {0}),
    ("sort_empty", lambda a: a.sort(dim=0, stable=True).values, [lambda g: torch.zeros(0, 3, dtype=F64)]),
    ("sort_int64", lambda a: a.sort(dim=1, descending=True, stable=True).values, [fixed_ints([[3, -(2 ** 63), 2 ** 63 - 1, 3], [0, 5, -1, 5]])]),
    ("sort_int64_indices", lambda a: a.sort(dim=1, stable=True).indices, [fixed_ints([[3, -(2 ** 63), 2 ** 63 - 1, 3], [0, 5, -1, 5]])]),
    ("sort_bool_indices", lambda a: a.sort(dim=0, stable=True).indices, [lambda g: torch.tensor([True, False, True, False])]),
    ("sort_f32", lambda a: a.sort(dim=1, stable=True).values, [rnd(3, 4, dtype=F32)]),
    ("topk", lambda a: a.topk(2).values, [rnd(3, 5)]),
    ("topk_indices", lambda a: a.topk(2).indices, [rnd(3, 5)], {0}),
    ("topk_smallest_dim0", lambda a: a.topk(3, 0, largest=False).values, [rnd(4, 3)]),
    ("topk_smallest_dim0_indices", lambda a: a.topk(3, 0, largest=False).indices, [rnd(4, 3)], {0}),
    ("topk_unsorted_resorted", lambda a: a.topk(3, 1, sorted=False).values.sort(dim=1, stable=True).values, [rnd(2, 6)]),
    ("topk_all", lambda a: a.topk(4, 1).values, [rnd(2, 4)]),
    ("topk_k0", lambda a: a.topk(0, 1).values, [rnd(2, 4)]),
    ("topk_0d", lambda a: a.topk(1).values, [fixed_values(2.5)]),
    ("topk_0d_k0", lambda a: a.topk(0).values, [fixed_values(2.5)]),  # PyTorch returns the 0-d input itself
    ("topk_ties_nan_values", lambda a: a.topk(3, 1).values, [fixed_values(SORT_TIES)], {0}),
    ("topk_smallest_ties_nan_values", lambda a: a.topk(3, 1, largest=False).values, [fixed_values(SORT_TIES)], {0}),
    ("topk_int64", lambda a: a.topk(2, 1).values, [fixed_ints([[3, -(2 ** 63), 2 ** 63 - 1, 3], [0, 5, -1, 6]])]),
    ("topk_f32", lambda a: a.topk(2, 0).values, [rnd(4, 3, dtype=F32)]),
    # erf: each branch of the CPU's piecewise approximation (|x| < 2^-28, < 0.84375, < 1.25, < 1/0.35, < 6) and
    # the tails; NaN, ±inf and ±0 are in gen_edge_fixtures.py, where no gradcheck runs
    ("erf", torch.erf, [rnd(2, 3, low=-3.0, high=3.0)]),
    ("erf_regions", torch.erf, [fixed_values([[1e-300, -1e-10, 3e-9, 0.5, -0.84375, 0.84375],
                                              [1.0, -1.25, 2.0, 2.857142857142857, -4.0, 5.9]])]),
    ("erf_f32", torch.erf, [rnd(2, 3, dtype=F32, low=-3.0, high=3.0)]),
    ("erf_regions_f32", torch.erf, [fixed_values([[1e-30, -1e-10, 3e-9, 0.5, -0.84375, 0.84375],
                                                  [1.0, -1.25, 2.0, 2.857142857142857, -4.0, 5.9]], F32)]),
    ("erf_int64", torch.erf, [fixed_ints([-3, 0, 1, 7])]),
]


# PyTorch's printing, for TensorFormatTest: (name, tensor). Names map to Java only through the data.
PRINTING = [
    ("scalar", const(3.5, F32)),
    ("whole_floats", const([1.0, 2.0, 3.0], F32)),
    ("fixed", const([0.1, -0.25, 3.0], F32)),
    ("matrix", const([[0.1, 0.2], [0.3, 0.4]], F32)),
    ("scientific", const([1e-5, 1.0, 100.0], F32)),
    ("large_values", const([1.5e9, -2.0], F32)),
    ("float64", const([0.5, 1.5], F64)),
    ("int64", idx([1, -20, 300])),
    ("bool", torch.tensor([True, False, True])),
    ("cube", torch.arange(24, dtype=F32).reshape(2, 3, 4) / 4),
    ("summarised_1d", torch.arange(2000)),
    ("summarised_2d", torch.arange(2500, dtype=F32).reshape(50, 50) - 1000),
    ("empty", torch.zeros(0, dtype=F32)),
    ("nan_inf", const([float("nan"), float("inf"), -1.5], F32)),
    ("long_row", torch.arange(30, dtype=F32).reshape(1, 30) / 7),
    ("long_vector_grad", (torch.arange(40, dtype=F64) / 7).requires_grad_()),
    ("wide_ints", torch.arange(100000, 100030)),
    ("summarised_wrapped", torch.arange(3000, dtype=F32) / 3),
    ("suffix_wraps", (torch.arange(9, dtype=F32) / 7).requires_grad_()),
    ("suffix_fits", (torch.arange(5, dtype=F32) / 7).requires_grad_()),
    # Under 1,000 elements PyTorch prints every value, however long the text.
    ("whole_10x10", torch.arange(100, dtype=F32).reshape(10, 10) / 9 - 5),
    ("whole_30x30_grad", (torch.arange(900, dtype=F64).reshape(30, 30) / 7 - 60).requires_grad_()),
]


# Factories and dtype rules, for CreationTest: (name, tensor).
CREATION = [
    ("linspace", torch.linspace(-1, 2, 7)),
    ("linspace_one", torch.linspace(3, 5, 1)),
    ("arange_float", torch.arange(0, 1, 0.1)),
    ("arange_int", torch.arange(1, 10, 3)),
    ("arange_negative_step", torch.arange(5, 0, -2)),
    ("eye", torch.eye(2, 3)),
    ("full", torch.full((2, 2), 1.5)),
    ("int_plus_float", idx([1, 2]) + const([0.5, 0.25], F32)),
    ("bool_plus_int", torch.tensor([True, False]) + idx([1, 2])),
    ("int_div_int", idx([1, 3]) / idx([2, 2])),
    ("int_times_fraction", idx([1, 3]) * 0.5),
    ("int_plus_whole", idx([1, 3]) + 2),
    ("float_to_long", const([-1.7, 2.9], F32).long()),
    ("sum_bool", torch.tensor([True, True, False]).sum()),
    ("argmax_dim", const([[1.0, 5.0, 5.0], [7.0, 0.0, 7.0]]).argmax(1)),
    ("argmax_all", const([[1.0, 5.0], [7.0, 0.0]]).argmax()),
    ("one_hot", torch.nn.functional.one_hot(idx([0, 2, 1]), 4)),
    ("eq", const([1.0, 2.0, float("nan")]) == const([1.0, 3.0, float("nan")])),
]


def encode(t):
    t = t.detach()
    data = t.flatten().tolist()
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "data": data}


def run(case):
    name, fn, inputs = case[0], case[1], case[2]
    fixed = case[3] if len(case) > 3 else set()
    g = case_generator(name)
    leaves = []
    for i, make in enumerate(inputs):
        t = make(g)
        if t.is_floating_point() and i not in fixed:
            t.requires_grad_(True)
        leaves.append(t)
    out = fn(*leaves)
    # integer outputs (indices) carry no gradient
    upstream = torch.rand(out.shape, dtype=out.dtype, generator=g) * 2 - 1 if out.is_floating_point() else torch.zeros_like(out)
    grads = [None] * len(leaves)
    wanted = [t for t in leaves if t.requires_grad]
    if wanted:
        got = torch.autograd.grad((out * upstream).sum(), wanted, allow_unused=True)
        it = iter(got)
        grads = [encode(next(it)) if t.requires_grad else None for t in leaves]
    return {
        "name": name,
        "inputs": [dict(encode(t), requires_grad=t.requires_grad) for t in leaves],
        "output": encode(out),
        "upstream": encode(upstream),
        "grads": grads,
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "resources", "fixtures", "core_ops.json")
    doc = {"generator": "core/src/test/python/gen_core_fixtures.py", "torch": torch.__version__,
           "cases": [run(c) for c in CASES],
           "creation": [dict(encode(t), name=n) for n, t in CREATION],
           "printing": [dict(encode(t), name=n, repr=repr(t), requires_grad=t.requires_grad) for n, t in PRINTING]}
    with open(target, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", len(doc["cases"]), "cases to", os.path.normpath(target))


if __name__ == "__main__":
    main()
