"""Golden values for jgrad's edge cases (empty dims, NaN/inf, 0-d tensors, scalar dtypes), by real PyTorch.

Run with Debian's PyTorch:  /usr/bin/python3 core/src/test/python/gen_edge_fixtures.py
It writes core/src/test/resources/fixtures/edge_ops.json, which EdgeFixtureTest reads. Unlike
gen_core_fixtures.py nothing here is random, so adding a case never rewrites the others. Each case:
inputs, the output, the upstream gradient (ones unless given) and the inputs' gradients of
sum(output * upstream). "errors" holds PyTorch's message for calls that must fail.
"""
import json
import os

import torch

F64, F32, I64 = torch.float64, torch.float32, torch.int64
INF, NAN = float("inf"), float("nan")


def t(values, dtype=F64):
    return torch.tensor(values, dtype=dtype)


def idx(values):
    return torch.tensor(values, dtype=I64)


SPECIAL = [-INF, -0.0, 0.0, INF, 4.0]

CASES = [
    # name, function, inputs[, inputs that never require grad[, upstream]]
    ("logsumexp_empty_dim", lambda a: a.logsumexp(0), [torch.zeros(0, 3, dtype=F64)]),
    ("logsumexp_empty_rows", lambda a: a.logsumexp(1), [torch.zeros(0, 3, dtype=F64)]),
    ("matmul_empty_batch_2d_3d", torch.matmul, [t([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), torch.ones(0, 3, 4, dtype=F64)]),
    ("matmul_empty_batch_broadcast", torch.matmul, [torch.ones(0, 2, 3, dtype=F64), t([[[1.0] * 4] * 3])]),
    ("matmul_empty_batch_vector", torch.matmul, [t([1.0, 2.0, 3.0]), torch.ones(0, 3, 4, dtype=F64)]),
    ("index_select_0d", lambda a, i: a.index_select(0, i), [t(5.0), idx([0])]),
    ("index_select_0d_index_0d", lambda a, i: a.index_select(0, i), [t(5.0), idx(0)]),
    ("clamp_nan", lambda a: a.clamp(-1.0, 1.0), [t([NAN, 0.5, 2.0])]),
    ("clamp_min_nan", lambda a: a.clamp(min=-1.0), [t([NAN, 0.5, -2.0])]),
    ("clamp_max_nan", lambda a: a.clamp(max=1.0), [t([NAN, 0.5, 2.0])]),
    ("relu_log", lambda a: a.relu().log(), [t([-1.0, 2.0, NAN, 0.0])]),
    ("relu_nonfinite_upstream", torch.relu, [t([-1.0, -2.0, 0.0, 3.0, 4.0])], set(), t([INF, NAN, -INF, INF, NAN])),
    ("relu_nonfinite_upstream_f32", torch.relu, [t([-1.0, -2.0, 0.0, 3.0], F32)], set(), t([INF, NAN, -INF, 2.0], F32)),
    ("softmax_inf", lambda a: a.softmax(1), [t([[1.0, INF], [-INF, -INF], [-INF, 1.0], [INF, INF]])]),
    ("log_softmax_inf", lambda a: a.log_softmax(1), [t([[1.0, INF], [-INF, -INF], [-INF, 1.0], [INF, INF]])]),
    ("log_softmax_masked_row", lambda a: a.log_softmax(1), [t([[-1e9] * 4, [1e12, 1e12, 0.0, 0.0]])]),
    ("softmax_masked_row", lambda a: a.softmax(1), [t([[-1e9] * 4, [1e12, 1e12, 0.0, 0.0]])]),
    ("flatten_0d", lambda a: a.flatten(0, 0), [t(2.0)]),
    ("squeeze_0d", lambda a: a.squeeze(-1), [t(2.0)]),
    ("pow_exponent_nan_upstream", torch.pow, [t([0.0, 2.0, 0.0]), t([2.0, 1.0, 0.0])], set(), t([NAN, 1.0, NAN])),
    ("pow_half", lambda a: a.pow(0.5), [t(SPECIAL)]),
    ("pow_neg_half", lambda a: a.pow(-0.5), [t(SPECIAL)]),
    ("pow_half_f32", lambda a: a.pow(0.5), [t(SPECIAL, F32)]),
    ("pow_neg_half_f32", lambda a: a.pow(-0.5), [t(SPECIAL, F32)]),
    ("pow_tensor_half", lambda a, b: a.pow(b), [t(SPECIAL), t(0.5)], {1}),
    ("eq_scalar_f32", lambda a: a.eq(0.1), [t([0.1, 0.2], F32)], {0}),
    ("ne_scalar_f32", lambda a: a.ne(0.1), [t([0.1, 0.2], F32)], {0}),
    ("gt_scalar_f32", lambda a: a.gt(0.1), [t([0.1, 0.2], F32)], {0}),
    ("ge_scalar_f32", lambda a: a.ge(0.3), [t([0.3, 0.2], F32)], {0}),
    ("lt_scalar_f32", lambda a: a.lt(0.3), [t([0.3, 0.2], F32)], {0}),
    ("le_scalar_f32", lambda a: a.le(0.1), [t([0.1, 0.2], F32)], {0}),
    ("eq_scalar_f64", lambda a: a.eq(0.1), [t([0.1, float(torch.tensor(0.1, dtype=F32))])], {0}),
    ("erf_special", torch.erf, [t([NAN, INF, -INF, 0.0, -0.0, 6.0, -6.0, 27.0, -30.0, 1e300, -1e300, 5e-324])]),
    ("erf_special_f32", torch.erf, [t([NAN, INF, -INF, 0.0, -0.0, 6.0, -6.0, 27.0, -30.0, 1e30, -1e30, 1e-45], F32)]),
    ("erf_0d", torch.erf, [t(0.5)]),
    ("erf_empty", torch.erf, [torch.zeros(0, 3, dtype=F64)]),
]

ERRORS = [
    ("squeeze_0d_dim2", lambda: t(1.0).squeeze(2)),
    ("flatten_0d_end2", lambda: t(1.0).flatten(0, 2)),
]


def encode(x):
    x = x.detach()
    return {"dtype": str(x.dtype).replace("torch.", ""), "shape": list(x.shape), "data": x.flatten().tolist()}


def run(case):
    name, fn, inputs = case[0], case[1], case[2]
    fixed = case[3] if len(case) > 3 else set()
    leaves = []
    for i, x in enumerate(inputs):
        x = x.clone()
        if x.is_floating_point() and i not in fixed:
            x.requires_grad_(True)
        leaves.append(x)
    out = fn(*leaves)
    upstream = case[4] if len(case) > 4 else torch.ones(out.shape, dtype=out.dtype)
    grads = [None] * len(leaves)
    if out.requires_grad:
        wanted = [x for x in leaves if x.requires_grad]
        got = iter(torch.autograd.grad(out, wanted, upstream, allow_unused=True))
        grads = [encode(next(got)) if x.requires_grad else None for x in leaves]
    return {"name": name, "inputs": [dict(encode(x), requires_grad=x.requires_grad) for x in leaves],
            "output": encode(out), "upstream": encode(upstream), "grads": grads}


def error(case):
    name, fn = case
    try:
        fn()
    except (RuntimeError, IndexError) as e:
        return {"name": name, "message": str(e).splitlines()[0]}
    raise AssertionError(name + " did not fail")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "resources", "fixtures", "edge_ops.json")
    doc = {"generator": "core/src/test/python/gen_edge_fixtures.py", "torch": torch.__version__,
           "cases": [run(c) for c in CASES], "errors": [error(c) for c in ERRORS]}
    with open(target, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", len(doc["cases"]), "cases and", len(doc["errors"]), "errors to", os.path.normpath(target))


if __name__ == "__main__":
    main()
