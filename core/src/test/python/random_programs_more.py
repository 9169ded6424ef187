"""The ops gen_random_programs.py gained after its first vocabulary: var/std, norm, max/min along a
dim, cumsum, sort, topk, constant pad, split and chunk (erf joined its UNARY list). Kept apart so
each file stays small; Programs.java interprets them in the same way."""
import math

import torch

MORE = ["var", "std", "norm", "norm", "max_dim", "min_dim", "cumsum", "sort", "sort", "topk", "topk", "pad", "pad",
        "split", "chunk"]


def scalar(v):
    return int(v) if float(v).is_integer() and abs(v) < 2 ** 53 else v


def apply_more(op, a, k):
    """The ops added after the first vocabulary: statistics, selections along a dim, pad, split."""
    x = a[0]
    if op in ("var", "std"):
        return getattr(torch, op)(x, k["dims"], correction=k["correction"], keepdim=k["keepdim"])
    if op == "norm":
        return torch.norm(x, k["p"]) if k["dim"] is None else torch.norm(x, k["p"], k["dim"], k["keepdim"])
    if op in ("max_dim", "min_dim"):
        r = getattr(torch, op[:3])(x, k["dim"], keepdim=k["keepdim"])
        return r.values if k["out"] == "values" else r.indices
    if op == "cumsum":
        return torch.cumsum(x, k["dim"])
    if op == "sort":
        r = torch.sort(x, dim=k["dim"], descending=k["descending"], stable=True)
        return r.values if k["out"] == "values" else r.indices
    if op == "topk":
        v = torch.topk(x, k["k"], k["dim"], largest=k["largest"]).values
        return v.detach() if k["detach"] else v
    if op == "pad":
        return torch.nn.functional.pad(x, k["pad"], value=scalar(k["v"]))
    if op == "split":
        return x.split(k["size"], k["dim"])[k["piece"]]
    if op == "chunk":
        return x.chunk(k["chunks"], k["dim"])[k["piece"]]
    raise ValueError(op)


def step_more(g, op, t, args):
    """Parameters of the ops in MORE; returns the op (split and chunk with no piece become erf)."""
    r, shape, rank = g.r, list(t.shape), t.dim()
    kw = {}
    if op in ("var", "std"):
        kw["dims"] = None if g.chance(0.3) else sorted({g.dim(rank) for _ in range(r.randint(1, max(1, rank)))})
        kw["correction"] = r.choice([0, 1, 1])
        kw["keepdim"] = g.chance(0.4)
    elif op == "norm":
        kw["p"] = r.choice([1, 2, 2, math.inf])
        kw["dim"] = None if g.chance(0.4) else g.dim(rank)
        kw["keepdim"] = g.chance(0.4)
    elif op in ("max_dim", "min_dim", "sort"):
        kw["dim"] = g.dim(rank)
        if op == "sort":
            kw["descending"] = g.chance(0.5)
        else:
            kw["keepdim"] = g.chance(0.4)
        # sort's indices only where no lane has ties, so they do not hang on how ties are ordered
        # (stable in both here, but PyTorch's default sort leaves it open)
        kw["out"] = "indices" if g.chance(0.4) and (op != "sort" or not ties(t, kw["dim"])) else "values"
    elif op == "cumsum":
        kw["dim"] = g.dim(rank)
    elif op == "topk":
        kw["dim"] = g.dim(rank)
        size = shape[kw["dim"]] if -rank <= kw["dim"] < rank else 1
        kw["k"] = r.randint(0, size) if not g.chance(0.07) else r.choice([size + 1, -1])
        kw["largest"] = g.chance(0.6)
        # PyTorch picks among equal elements by its selection algorithm, not first in the lane as
        # jgrad's stable sort does: the same values, but the gradient may land on another of the ties
        kw["detach"] = ties(t, kw["dim"])
    elif op == "pad":
        n = r.randint(1, max(1, rank)) if not g.chance(0.07) else rank + 1
        kw["pad"] = [r.choice([0, 0, 1, 2, -1]) for _ in range(2 * n)]
        kw["v"] = r.choice([0, 0, -1.5, 2, float("inf"), float("nan")])
    elif op in ("split", "chunk"):
        kw["dim"] = g.dim(rank)
        size = shape[kw["dim"]] if -rank <= kw["dim"] < rank else 1
        if op == "chunk":
            kw["chunks"] = r.choice([1, 2, 3, 4]) if not g.chance(0.07) else 0
        elif g.chance(0.5):
            kw["size"] = r.choice([1, 2, 3]) if not g.chance(0.07) else 0
        else:
            cut = sorted(r.randint(0, size) for _ in range(r.randint(0, 2)))
            sizes = [b - a for a, b in zip([0] + cut, cut + [size])]
            kw["size"] = sizes if not g.chance(0.1) else sizes + [1]
        try:
            pieces = len(getattr(t, op)(kw["size"] if op == "split" else kw["chunks"], kw["dim"]))
        except Exception:
            pieces = 1  # PyTorch refuses the arguments; the piece does not matter
        if pieces == 0:
            return "erf", args, {}
        kw["piece"] = r.randrange(pieces)
    return op, args, kw


def deliberate_more(step, args):
    """Where PyTorch 1.13 is the odd one (found by the larger runs); the program stops before such a step.

    log1p of a float32 subnormal: log1p(x) rounds to x there, but PyTorch's vectorised float32 log1p
    returns 4.2e-45 as 5.6e-45, one subnormal unit up (jgrad, through double, gives 4.2e-45).

    var over a 0-d input with correction 1 (n = correction): VarBackward0 returns grad·inf whatever
    the input (for inputs of 1+ dims that gradient even has the wrong shape and PyTorch's engine
    raises), where its own formula 2/(n - correction)·(x - mean) gives 0·inf = NaN, as jgrad does and as
    PyTorch does itself with a dim over a size-1 dim of a 1-D input.

    pad that pads somewhere and leaves a padded dim of size 0: constant_pad_nd checks new_dim > 0
    (its message says "negative output size") for every padded dim once any amount is positive,
    while cropping alone returns size-0 dims (pad([2, 1], [0, -1]) is [2, 0]); jgrad allows both.
    """
    op, x = step["op"], args[0]
    if op == "log1p" and x.dtype == torch.float32:
        return bool(((x != 0) & (x.abs() < torch.finfo(torch.float32).tiny)).any())
    if op == "var":
        return x.dim() == 0 and step["kw"]["correction"] == 1
    if op == "pad":
        pad, shape = step["kw"]["pad"], list(x.shape)
        if len(pad) // 2 > len(shape) or all(p <= 0 for p in pad):
            return False
        sizes = [shape[-1 - i] for i in range(len(pad) // 2)]
        crops_ok = all(n + min(pad[2 * i], 0) + min(pad[2 * i + 1], 0) >= 0 for i, n in enumerate(sizes))
        return crops_ok and any(n + pad[2 * i] + pad[2 * i + 1] == 0 for i, n in enumerate(sizes))
    return False


def ties(t, dim):
    """True when some lane of `t` along `dim` holds two equal elements (NaNs and ±0 count as equal)."""
    if not -max(t.dim(), 1) <= dim < max(t.dim(), 1) or t.numel() == 0:
        return False
    s = torch.sort(t.reshape(1) if t.dim() == 0 else t, dim=dim).values.movedim(dim, -1)
    if s.shape[-1] < 2:
        return False
    a, b = s[..., 1:], s[..., :-1]
    same = a == b
    if s.is_floating_point():
        same = same | (a.isnan() & b.isnan())
    return bool(same.any())
