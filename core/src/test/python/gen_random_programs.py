"""Seeded random programs replayed against PyTorch, for DifferentialTest.

Run with Debian's PyTorch:  /usr/bin/python3 core/src/test/python/gen_random_programs.py [--first 0] [--count 300] [--out F]
Without --out it writes core/src/test/resources/fixtures/random_programs.json (CI never needs Python).
Each program is a list of input tensors (registers 0..k-1) and a list of steps; step i reads the
registers named in "args" and writes register k+i. The program's output is the last register.
DifferentialTest.java interprets the same steps with jgrad's public Tensor API, so the two
interpreters below and there must stay in step. Programs that PyTorch rejects are kept with the
exception it raised: jgrad must refuse them too, with a clear exception.

Scalars that are whole numbers are passed to PyTorch as Python ints, because jgrad's scalar
overloads take a double and treat a whole value as an integer (int64 + 2 stays int64).
"""
import argparse
import json
import math
import os
import random

import torch

from random_programs_more import MORE, apply_more, deliberate_more, scalar, step_more
from random_programs_record import finish

DTYPES = {"float64": torch.float64, "float32": torch.float32, "int64": torch.int64, "bool": torch.bool}
UNARY = ["neg", "exp", "log", "log1p", "sqrt", "abs", "tanh", "sigmoid", "relu", "sign", "erf"]
BINARY = ["add", "sub", "mul", "div", "pow", "maximum", "minimum", "eq", "ne", "gt", "ge", "lt", "le"]
SCALAR = ["add_s", "sub_s", "mul_s", "div_s", "pow_s", "eq_s", "ne_s", "gt_s", "ge_s", "lt_s", "le_s"]
REDUCE = ["sum", "mean", "amax", "amin"]


def apply(op, a, k):
    """One step: `a` are the argument tensors, `k` the step's keyword parameters."""
    if op in UNARY:
        return getattr(torch, op)(a[0])
    if op in BINARY:
        return getattr(torch, op)(a[0], a[1])
    if op in SCALAR:
        name = op[:-2]
        v = scalar(k["v"])
        return a[0] ** v if name == "pow" else getattr(torch, name)(a[0], v)
    if op == "add_alpha":
        return torch.add(a[0], a[1], alpha=scalar(k["alpha"]))
    if op in ("logical_and", "logical_or"):
        return getattr(torch, op)(a[0], a[1])
    if op == "logical_not":
        return torch.logical_not(a[0])
    if op == "matmul":
        return torch.matmul(a[0], a[1])
    if op == "clamp":
        return torch.clamp(a[0], min=None if k["min"] is None else scalar(k["min"]),
                           max=None if k["max"] is None else scalar(k["max"]))
    if op == "where":
        return torch.where(a[0], a[1], a[2])
    if op in REDUCE:
        if k["dims"] is None:
            return getattr(torch, op)(a[0]) if op in ("sum", "mean") else getattr(torch, op)(a[0], dim=())
        return getattr(torch, op)(a[0], dim=k["dims"], keepdim=k["keepdim"])
    if op == "logsumexp":
        return torch.logsumexp(a[0], dim=k["dims"], keepdim=k["keepdim"])
    if op == "softmax":
        return torch.softmax(a[0], k["dim"])
    if op == "log_softmax":
        return torch.log_softmax(a[0], k["dim"])
    if op == "argmax":
        return torch.argmax(a[0]) if k["dim"] is None else torch.argmax(a[0], k["dim"], keepdim=k["keepdim"])
    if op == "reshape":
        return a[0].reshape(k["shape"])
    if op == "view":
        return a[0].view(k["shape"])
    if op == "flatten":
        return a[0].flatten(k["start"], k["end"])
    if op == "squeeze":
        return a[0].squeeze() if k["dim"] is None else a[0].squeeze(k["dim"])
    if op == "unsqueeze":
        return a[0].unsqueeze(k["dim"])
    if op == "permute":
        return a[0].permute(k["dims"])
    if op == "transpose":
        return a[0].transpose(k["d0"], k["d1"])
    if op == "t":
        return a[0].t()
    if op == "expand":
        return a[0].expand(k["shape"])
    if op == "narrow":
        return a[0].narrow(k["dim"], k["start"], k["length"])
    if op == "select":
        return a[0].select(k["dim"], k["index"])
    if op == "cat":
        return torch.cat(a, k["dim"])
    if op == "stack":
        return torch.stack(a, k["dim"])
    if op == "gather":
        return a[0].gather(k["dim"], a[1])
    if op == "scatter_add":
        return a[0].scatter_add(k["dim"], a[1], a[2])
    if op == "index_select":
        return a[0].index_select(k["dim"], a[1])
    if op == "masked_fill":
        return a[0].masked_fill(a[1], scalar(k["v"]))
    if op == "to":
        return a[0].to(DTYPES[k["dtype"]])
    return apply_more(op, a, k)


def run(inputs, steps):
    regs = list(inputs)
    for s in steps:
        regs.append(apply(s["op"], [regs[i] for i in s["args"]], s.get("kw", {})))
    return regs[-1]


class Gen:
    """Draws one program; shapes and parameters are usually valid, sometimes deliberately not."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.inputs = []
        self.steps = []

    def chance(self, p):
        return self.r.random() < p

    def dim_size(self):
        return self.r.choice([0, 1, 1, 2, 2, 3, 3, 4])

    def shape(self, rank=None):
        rank = self.r.choice([0, 1, 1, 2, 2, 2, 3, 3, 4]) if rank is None else rank
        return [self.dim_size() for _ in range(rank)]

    def value(self, dtype, style):
        r = self.r
        if dtype == "bool":
            return r.random() < 0.5
        if dtype == "int64":
            if style == "large" and r.random() < 0.3:
                return r.choice([-1, 1]) * r.randint(1, 1 << 40)
            return r.randint(-4, 4)
        big = 1e300 if dtype == "float64" else 1e30
        if style == "ties":
            return float(r.choice([-1, 0, 1, 2, 2]))
        if style == "special" and r.random() < 0.35:
            return r.choice([0.0, -0.0, math.inf, -math.inf, math.nan, big, -big])
        if style == "large":
            return r.choice([-1, 1]) * 10 ** r.uniform(1, 30 if dtype == "float32" else 300)
        if style == "pos":
            return r.uniform(0.1, 3.0)
        return round(r.uniform(-3, 3), 6)

    def tensor(self, shape, dtype, style=None):
        style = style or self.r.choice(["normal", "normal", "normal", "ties", "special", "large", "pos"])
        data = [self.value(dtype, style) for _ in range(math.prod(shape))]
        return torch.tensor(data, dtype=DTYPES[dtype]).reshape(shape)

    def input(self, t):
        self.inputs.append(t)
        return len(self.inputs) - 1

    def dtype(self, like=None):
        if like is not None and self.chance(0.8):
            return like
        return self.r.choice(["float64", "float64", "float32", "float32", "int64"])

    def dim(self, rank, extra=0):
        """A dim for a tensor of `rank` (in range, negative allowed); now and then out of range."""
        n = rank + extra
        if self.chance(0.07) or n == 0:
            return self.r.choice([n, -n - 1, n + 1])
        return self.r.randint(-n, n - 1)

    def broadcast_partner(self, shape):
        if self.chance(0.08):
            return self.shape()
        s = list(shape)
        if s and self.chance(0.4):
            s = s[self.r.randint(0, len(s)):]
        s = [1 if self.chance(0.25) else d for d in s]
        if self.chance(0.15) and len(s) < 4:
            s = [self.r.choice([1, 2])] + s
        return s

    def index(self, shape, limit):
        """An int64 index tensor of `shape` with entries in [0, limit), sometimes one out of range."""
        data = [self.r.randint(0, limit - 1) if limit > 0 else 0 for _ in range(math.prod(shape))]
        if data and (limit == 0 or self.chance(0.06)):
            data[self.r.randrange(len(data))] = self.r.choice([limit, -limit - 1, limit + 3])
        return torch.tensor(data, dtype=torch.int64).reshape(shape)

    def step(self, cur, t):
        """Appends one step reading register `cur` (value `t`); returns its kw and the args."""
        r, shape, rank = self.r, list(t.shape), t.dim()
        dt = str(t.dtype).replace("torch.", "")
        op = r.choice(UNARY * 1 + BINARY * 1 + SCALAR + ["add_alpha", "matmul", "matmul", "clamp", "clamp", "where",
                      "logical_and", "logical_not", "logsumexp", "logsumexp", "softmax", "softmax", "log_softmax",
                      "log_softmax", "argmax", "reshape", "view", "flatten", "squeeze", "unsqueeze", "permute",
                      "transpose", "t", "expand", "narrow", "select", "cat", "stack", "gather", "scatter_add",
                      "index_select", "masked_fill", "to"] + REDUCE * 2 + MORE)
        args, kw = [cur], {}
        if op in BINARY or op in ("add_alpha", "logical_and"):
            other = self.broadcast_partner(shape)
            if self.chance(0.3):
                other, args = shape, [cur, cur]
            else:
                args.append(self.input(self.tensor(other, self.dtype(dt))))
            if op == "add_alpha":
                kw["alpha"] = r.choice([0.5, -2, 1.5, 3])
        elif op in SCALAR:
            kw["v"] = r.choice([2, -1, 0, 0.5, -0.5, 1.5, 3, -2.5, 1e10, float("inf"), float("nan")])
        elif op == "matmul":
            if rank == 0 or self.chance(0.1):
                other = self.shape()
            else:
                k = shape[-1]
                other = r.choice([[k], [k, self.dim_size()], [self.dim_size(), k, self.dim_size()]])
                if rank >= 3 and self.chance(0.5):
                    other = shape[:-2] + [k, self.dim_size()]
                if self.chance(0.3):  # batch dims that broadcast, up to rank 5 on either side
                    batch = self.broadcast_partner(shape[:-2])[-3:]
                    other = batch + [k if rank > 1 else shape[0], self.dim_size()]
            args.append(self.input(self.tensor(other, self.dtype(dt))))
        elif op == "clamp":
            lo, hi = r.choice([(-1.0, 1.0), (0.5, None), (None, 0.0), (-0.5, 2.5), (2.0, -1.0), (0, 1)])
            kw["min"], kw["max"] = lo, hi
        elif op == "where":
            c = self.input(self.tensor(self.broadcast_partner(shape), "bool"))
            b = self.input(self.tensor(self.broadcast_partner(shape), self.dtype(dt)))
            args = [c, cur, b]
        elif op in REDUCE or op == "logsumexp":
            if op != "logsumexp" and self.chance(0.25):
                kw["dims"], kw["keepdim"] = None, False
            else:
                n = r.randint(1, max(1, rank))
                kw["dims"] = sorted({self.dim(rank) for _ in range(n)})
                kw["keepdim"] = self.chance(0.4)
        elif op in ("softmax", "log_softmax"):
            kw["dim"] = self.dim(rank)
        elif op == "argmax":
            kw["dim"] = None if self.chance(0.3) else self.dim(rank)
            kw["keepdim"] = self.chance(0.4)
        elif op in ("reshape", "view"):
            n = t.numel()
            cands = [[n], [-1], [1, n], [n, 1], [-1, 1], [], [n + 1], [2, -1], [0, -1]]
            cands += [[d, n // d] for d in (2, 3, 4) if n and n % d == 0]
            kw["shape"] = r.choice(cands)
        elif op == "flatten":
            kw["start"], kw["end"] = sorted([self.dim(max(rank, 1)), self.dim(max(rank, 1))])
            if self.chance(0.1):
                kw["start"], kw["end"] = kw["end"], kw["start"]
        elif op == "squeeze":
            kw["dim"] = None if self.chance(0.4) else self.dim(rank)
        elif op == "unsqueeze":
            kw["dim"] = self.dim(rank, extra=1)
        elif op == "permute":
            dims = list(range(rank))
            r.shuffle(dims)
            dims = [d - rank if self.chance(0.3) else d for d in dims]
            if self.chance(0.08):
                dims = dims[:-1] if dims else [0]
            kw["dims"] = dims
        elif op == "transpose":
            kw["d0"], kw["d1"] = self.dim(rank), self.dim(rank)
        elif op == "expand":
            s = [r.choice([d, 2, 3]) if d == 1 else d for d in shape]
            s = [-1 if self.chance(0.2) else d for d in s]
            if self.chance(0.3):
                s = [r.choice([0, 1, 2])] + s
            if self.chance(0.07):
                s = [d + 1 for d in s]
            kw["shape"] = s
        elif op == "narrow":
            kw["dim"] = self.dim(rank)
            size = shape[kw["dim"]] if -rank <= kw["dim"] < rank else 1
            kw["start"] = r.randint(0, size)
            kw["length"] = r.randint(0, size - kw["start"]) if not self.chance(0.07) else size + 1
            if self.chance(0.1):
                kw["start"] = -size if size else 0
        elif op == "select":
            kw["dim"] = self.dim(rank)
            size = shape[kw["dim"]] if -rank <= kw["dim"] < rank else 1
            kw["index"] = r.randint(-size, size - 1) if size and not self.chance(0.07) else size
        elif op in ("cat", "stack"):
            for _ in range(r.randint(1, 2)):
                s = list(shape)
                if op == "cat" and s and self.chance(0.6):
                    s[r.randrange(len(s))] = self.dim_size()
                args.append(self.input(self.tensor(s, self.dtype(dt))))
            kw["dim"] = self.dim(rank, extra=1 if op == "stack" else 0)
        elif op in ("gather", "scatter_add"):
            kw["dim"] = self.dim(rank)
            d = kw["dim"] if -rank <= kw["dim"] < rank else 0
            ishape = [r.randint(0, s) for s in shape]
            if rank:
                ishape[d] = r.randint(0, 4)
            limit = shape[d] if rank else 1
            args.append(self.input(self.index(ishape, limit)))
            if op == "scatter_add":
                args.append(self.input(self.tensor(ishape if self.chance(0.7) else shape, self.dtype(dt))))
        elif op == "index_select":
            kw["dim"] = self.dim(rank)
            d = kw["dim"] if -rank <= kw["dim"] < rank else 0
            limit = shape[d] if rank else 1
            # PyTorch 1.13 writes past a 0-d tensor's output for an index of more than one element (heap corruption)
            # and returns uninitialised memory for an empty one, so a 0-d input gets exactly one index
            n = r.randint(0, 4) if rank else 1
            args.append(self.input(self.index([n] if self.chance(0.85) else [], limit)))
        elif op == "masked_fill":
            args.append(self.input(self.tensor(self.broadcast_partner(shape), "bool")))
            kw["v"] = r.choice([-1.0, 0, 2.5, float("inf"), float("nan")])
        elif op == "to":
            kw["dtype"] = r.choice(["float64", "float32", "int64", "bool"])
        elif op in MORE:
            op, args, kw = step_more(self, op, t, args)
        step = {"op": op, "args": args}
        if kw:
            step["kw"] = kw
        self.steps.append(step)


def deliberate(step, args):
    """True where jgrad differs from PyTorch by design (README); the program stops before such a step.

    matmul promotes mixed or non-float operands; sign records no graph, so a
    float sign() has no gradient at all instead of PyTorch's zeros; argmax takes bool; casting a
    non-finite or out-of-range float to int64 is undefined in C++ (PyTorch yields INT64_MIN, Java
    saturates).
    """
    op, fl = step["op"], [a.is_floating_point() for a in args]
    if op == "matmul":
        return not all(fl) or args[0].dtype != args[1].dtype
    if op == "sign":
        return fl[0]
    if op == "argmax":
        return args[0].dtype == torch.bool
    if op == "to" and step["kw"]["dtype"] == "int64" and fl[0]:
        return not bool((args[0].abs() < 2 ** 62).all())
    return deliberate_more(step, args)


def program(seed):
    g = Gen(seed)
    cur = g.input(g.tensor(g.shape(), g.dtype()))
    outs = []  # values of the steps so far; a step's register is ("step", i) until finish() numbers it

    def value(a):
        return outs[a[1]] if isinstance(a, tuple) else g.inputs[a]

    for _ in range(g.r.randint(1, 4)):
        g.step(cur, value(cur))
        s = g.steps[-1]
        if deliberate(s, [value(a) for a in s["args"]]):
            g.steps.pop()
            break
        try:
            outs.append(apply(s["op"], [value(a) for a in s["args"]], s.get("kw", {})))
        except Exception:
            break  # a rejected step ends the program
        cur = ("step", len(outs) - 1)
    if not g.steps:
        return None
    return finish(seed, g, run)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--first", type=int, default=0)
    p.add_argument("--count", type=int, default=300)
    here = os.path.dirname(os.path.abspath(__file__))
    p.add_argument("--out", default=os.path.join(here, "..", "resources", "fixtures", "random_programs.json"))
    a = p.parse_args()
    torch.set_num_threads(1)
    cases = [c for c in (program(s) for s in range(a.first, a.first + a.count * 2)) if c][:a.count]
    doc = {"generator": "core/src/test/python/gen_random_programs.py", "torch": torch.__version__,
           "first_seed": a.first, "cases": cases}
    with open(a.out, "w") as f:
        json.dump(doc, f)
        f.write("\n")
    raised = sum("raised" in c for c in cases)
    print("wrote", len(cases), "programs (", raised, "rejected by PyTorch ) to", os.path.normpath(a.out))


if __name__ == "__main__":
    main()
