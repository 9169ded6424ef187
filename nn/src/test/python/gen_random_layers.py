"""Seeded random window-layer configurations replayed against PyTorch, for RandomLayerTest.

Run with Debian's PyTorch:  /usr/bin/python3 nn/src/test/python/gen_random_layers.py [--first 0] [--count 150] [--out F]
Without --out it writes nn/src/test/resources/fixtures/random_layers.json (CI never needs Python).

The hand-picked cases of gen_layer_fixtures.py cover each option once; these draw the options at random
so that every code path of jgrad's kernels meets odd combinations: convolutions with few or many (16-20,
jgrad's shifted products) channels per group, strides, dilations, paddings and NaN/inf operands (which
send jgrad to its fallback); max pooling with ties and NaN/inf (and the unrolled float 2x2 stride-2 path);
average pooling both ways of count_include_pad; batch norm in training and eval. Each case records the
functional's arguments, the output, a random upstream gradient and the gradients of sum(out * upstream)
for every tensor argument (max pooling also its return_indices). Configurations PyTorch rejects keep the
message it raised: jgrad must refuse them with a clear exception too.

Case i draws from random.Random(i) alone, so a failure names its seed and
`--first SEED --count 1 --out /tmp/l.json` regenerates it (RandomLayerTest replays that file with
-Djgrad.layers=/tmp/l.json).
"""
import argparse
import json
import math
import os
import random

import numpy as np
import torch
import torch.nn.functional as F

F64, F32 = torch.float64, torch.float32
SPECIAL = [math.nan, math.inf, -math.inf]


def encode(t):
    t = t.detach()
    dtype = str(t.dtype).replace("torch.", "")
    data = t.flatten().tolist()
    if t.dtype == F32:
        # float32's shortest decimal, read back by Java as a double then rounded to the same float
        data = [float(repr(np.float32(v))) if math.isfinite(v) else v for v in data]
    return {"dtype": dtype, "shape": list(t.shape), "data": data}


def values(r, shape, dtype, special=0, ties=False):
    """A tensor of short decimals (or small integers, for ties) with `special` NaN/inf entries."""
    n = math.prod(shape)
    if ties:
        data = [float(r.randint(-2, 2)) for _ in range(n)]
    else:
        data = [round(r.gauss(0, 1), 3) for _ in range(n)]
    for _ in range(special if n else 0):
        data[r.randrange(n)] = r.choice(SPECIAL)
    return torch.tensor(data, dtype=F64).reshape(shape).to(dtype)


def conv(r, dims):
    groups = r.choice([1, 1, 2, 3])
    many = r.random() < 0.35  # jgrad's shifted products need >= 16 channels per group (and stride 1)
    per_group = r.randint(16, 20) if many else r.randint(1, 3)
    if many:
        groups = r.choice([1, 1, 2])
    out_per_group = r.randint(1, 2 if many else 3)
    batch = r.randint(1, 2 if many else 3)
    size = [r.randint(1, 6 if many else 9) for _ in range(dims)]
    kernel = [r.randint(1, 4) for _ in range(dims)]
    unit = many and r.random() < 0.85
    stride = [1 if unit else r.randint(1, 3) for _ in range(dims)]
    padding = [r.randint(0, 3) for _ in range(dims)]
    dilation = [r.randint(1, 3) for _ in range(dims)]
    if dims == 1:
        stride, padding, dilation = stride[0], padding[0], dilation[0]
    dtype = F32 if r.random() < 0.3 else F64
    special = r.random() < (0.3 if many else 0.15)
    x_shape = [batch, groups * per_group] + size
    if r.random() < 0.1:
        x_shape = x_shape[1:]  # unbatched
    w_shape = [groups * out_per_group, per_group] + kernel
    args = {
        "input": values(r, x_shape, dtype, r.randint(1, 3) if special and r.random() < 0.6 else 0),
        "weight": values(r, w_shape, dtype, r.randint(1, 2) if special and r.random() < 0.6 else 0),
    }
    if r.random() < 0.6:
        args["bias"] = values(r, [groups * out_per_group], dtype)
    options = {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups}
    fn = F.conv2d if dims == 2 else F.conv1d
    return ("conv2d" if dims == 2 else "conv1d"), args, options, lambda a: fn(
        a["input"], a["weight"], a.get("bias"), **options)


def pool_window(r, square2=False):
    if square2:
        return [2, 2], [2, 2], [0, 0], [1, 1]
    kernel = [r.randint(1, 4) for _ in range(2)]
    stride = [r.randint(1, 3) for _ in range(2)]
    padding = [r.randint(0, k // 2) for k in kernel]
    if r.random() < 0.05:
        padding[r.randrange(2)] = kernel[0] // 2 + 1 + r.randint(0, 1)  # too much: PyTorch refuses
    dilation = [r.randint(1, 3) for _ in range(2)]
    return kernel, stride, padding, dilation


def max_pool(r):
    square2 = r.random() < 0.4
    kernel, stride, padding, dilation = pool_window(r, square2)
    dtype = F32 if square2 and r.random() < 0.8 or r.random() < 0.3 else F64
    shape = [r.randint(1, 3), r.randint(1, 3), r.randint(1, 9), r.randint(1, 9)]
    if r.random() < 0.1:
        shape = shape[1:]
    ties = r.random() < 0.6
    args = {"input": values(r, shape, dtype, r.randint(1, 4) if r.random() < 0.5 else 0, ties)}
    options = {"kernel_size": kernel, "stride": stride, "padding": padding, "dilation": dilation}
    return "max_pool2d", args, options, lambda a: F.max_pool2d(a["input"], return_indices=True, **options)


def avg_pool(r):
    kernel, stride, padding, _ = pool_window(r)
    dtype = F32 if r.random() < 0.3 else F64
    shape = [r.randint(1, 3), r.randint(1, 3), r.randint(1, 9), r.randint(1, 9)]
    if r.random() < 0.1:
        shape = shape[1:]
    args = {"input": values(r, shape, dtype, r.randint(1, 2) if r.random() < 0.15 else 0)}
    options = {"kernel_size": kernel, "stride": stride, "padding": padding,
               "count_include_pad": r.random() < 0.5}
    return "avg_pool2d", args, options, lambda a: F.avg_pool2d(a["input"], **options)


def batch_norm(r):
    dtype = F32 if r.random() < 0.3 else F64
    c = r.randint(1, 4)
    shape = [r.randint(1, 4), c] + [r.randint(1, 4) for _ in range(r.randint(0, 2))]
    training = r.random() < 0.6
    args = {"input": values(r, shape, dtype)}
    if not training or r.random() < 0.7:
        args["running_mean"] = values(r, [c], dtype)
        args["running_var"] = torch.tensor([r.uniform(0.1, 3) for _ in range(c)], dtype=F64).to(dtype)
    if r.random() < 0.6:
        args["weight"] = values(r, [c], dtype)
    if r.random() < 0.6:
        args["bias"] = values(r, [c], dtype)
    options = {"training": training, "momentum": round(r.uniform(0, 1), 3), "eps": r.choice([1e-5, 1e-3, 0.1, 0.5])}
    return "batch_norm", args, options, lambda a: F.batch_norm(
        a["input"], a.get("running_mean"), a.get("running_var"), a.get("weight"), a.get("bias"), **options)


KINDS = [(lambda r: conv(r, 2), 0.34), (lambda r: conv(r, 1), 0.14), (max_pool, 0.26), (avg_pool, 0.12),
         (batch_norm, 0.14)]
DIFFERENTIABLE = {"input", "weight", "bias"}


def masks(tensors):
    return [(torch.isnan(t), torch.isinf(t) * torch.sign(t)) for t in tensors]


def self_consistent(op, args, run, out, upstream, grads):
    """False where PyTorch 1.13 disagrees with itself: given NaN/inf operands, its float32 convolution on a
    batch of more than one image (mkldnn) skips the products with the zero padding, so a padded zero times
    an infinite weight adds nothing there, while the same call on a single image, or in float64 (im2col),
    makes it NaN, which jgrad does on every path. Such draws are redrawn rather than recorded."""
    if not op.startswith("conv") or out.dtype != F32 or all(torch.isfinite(v).all() for v in args.values()):
        return True
    wide = {k: v.detach().to(F64).requires_grad_(v.requires_grad) for k, v in args.items()}
    out64 = run(wide)
    grads64 = torch.autograd.grad((out64 * upstream.to(F64)).sum(), [wide[k] for k in args if k in DIFFERENTIABLE])
    return all(a.equal(b) and c.equal(d) for (a, c), (b, d) in
               zip(masks([out, *grads]), masks([out64.to(F32), *(g.to(F32) for g in grads64)])))


def windows_cover(shape, o):
    """Every max-pooling window has a position inside the input. Where dilation strides a border window over
    it entirely, PyTorch 1.13 returns -inf with the index of a position outside the window (often outside the
    plane) and its backward writes there: heap corruption ("double free or corruption" at seed 3630 of a larger
    run). jgrad refuses such windows (PoolInputTest); they are redrawn, never run here."""
    for n, k, s, p, d in zip(shape[-2:], o["kernel_size"], o["stride"], o["padding"], o["dilation"]):
        out = (n + 2 * p - d * (k - 1) - 1) // s + 1
        if any(all(not 0 <= i * s - p + j * d < n for j in range(k)) for i in range(max(out, 0))):
            return False
    return True


def case(seed):
    r = random.Random(seed)
    make = r.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    for _ in range(20):
        # random windows often overhang small inputs: keep about one such refusal in ten, redraw the others;
        # batch norm's rarer one (a single value per channel in training) half the time
        op, args, options, run = make(r)
        if op == "max_pool2d" and not windows_cover(args["input"].shape, options):
            continue
        c = {"seed": seed, "op": op, "options": options, "args": {k: encode(v) for k, v in args.items()}}
        for k, v in args.items():
            if k in DIFFERENTIABLE:
                v.requires_grad_(True)
        try:
            result = run(args)
        except (RuntimeError, ValueError) as e:
            c["raised"] = type(e).__name__ + ": " + str(e).splitlines()[0]
            if r.random() < (0.5 if op == "batch_norm" else 0.1):
                return c
            continue
        out, indices = result if isinstance(result, tuple) else (result, None)
        g = torch.Generator().manual_seed(seed)
        upstream = (torch.rand(out.shape, generator=g, dtype=F64) * 2 - 1).to(out.dtype)
        wrt = [k for k in args if k in DIFFERENTIABLE]
        grads = torch.autograd.grad((out * upstream).sum(), [args[k] for k in wrt])
        if not self_consistent(op, args, run, out, upstream, grads):
            INCONSISTENT.append(seed)
            continue
        c.update(output=encode(out), upstream=encode(upstream), grads={k: encode(v) for k, v in zip(wrt, grads)})
        if indices is not None:
            c["indices"] = encode(indices)
        if "running_mean" in args and options.get("training"):
            c["running_after"] = {k: encode(args[k]) for k in ("running_mean", "running_var")}
        return c
    raise RuntimeError("seed %d: no usable draw in 20" % seed)


INCONSISTENT = []


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser()
    p.add_argument("--first", type=int, default=0)
    p.add_argument("--count", type=int, default=250)
    p.add_argument("--out", default=os.path.join(here, "..", "resources", "fixtures", "random_layers.json"))
    a = p.parse_args()
    cases = [case(s) for s in range(a.first, a.first + a.count)]
    doc = {"generator": "nn/src/test/python/gen_random_layers.py", "torch": torch.__version__, "cases": cases}
    with open(a.out, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    ops = {}
    for c in cases:
        ops[c["op"] + (" (raised)" if "raised" in c else "")] = ops.get(c["op"] + (" (raised)" if "raised" in c else ""), 0) + 1
    print("wrote", os.path.normpath(a.out), os.path.getsize(a.out), "bytes", ops)
    print("redrawn where PyTorch's float32 convolution disagreed with its float64 one:", INCONSISTENT)
