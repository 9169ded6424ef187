"""How gen_random_programs.py records one program as a JSON case: its steps renumbered, its inputs, and
PyTorch's output and the gradients of sum(output * upstream) for a seeded upstream, or the error PyTorch
raised (which jgrad must raise too)."""
import math
import random

import torch


def encode(t):
    t = t.detach()
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "data": t.flatten().tolist()}


def describe(steps, n):
    exprs = [f"x{i}" for i in range(n)]
    for s in steps:
        parts = [exprs[i] for i in s["args"]]
        parts += [f"{k}={v}" for k, v in s.get("kw", {}).items()]
        exprs.append(f"{s['op']}({', '.join(parts)})")
    return exprs[-1]


def finish(seed, g, run):
    """Renumbers step registers after the inputs and replays the program on fresh leaves with run(leaves, steps)."""
    n = len(g.inputs)
    steps = [dict(s) for s in g.steps]
    for s in steps:
        s["args"] = [n + a[1] if isinstance(a, tuple) else a for a in s["args"]]
    rg = random.Random(seed * 7919 + 1)
    leaves = []
    for t in g.inputs:
        t = t.clone()
        if t.is_floating_point():
            t.requires_grad_(True)
        leaves.append(t)
    case = {"seed": seed, "expr": describe(steps, n), "inputs": [dict(encode(t), requires_grad=t.requires_grad)
                                                                 for t in leaves], "steps": steps}
    try:
        out = run(leaves, steps)
    except Exception as e:  # PyTorch rejects the program: jgrad must too
        case["raised"] = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
        return case
    case["output"] = encode(out)
    if out.requires_grad:
        special = rg.random() < 0.1
        up = [rg.choice([math.inf, -math.inf, math.nan, 0.0]) if special and rg.random() < 0.3
              else round(rg.uniform(-1, 1), 6) for _ in range(out.numel())]
        upstream = torch.tensor(up, dtype=out.dtype).reshape(out.shape)
        wanted = [t for t in leaves if t.requires_grad]
        try:
            got = iter(torch.autograd.grad((out * upstream).sum(), wanted, allow_unused=True))
        except Exception as e:
            case["backward_raised"] = f"{type(e).__name__}: {str(e).splitlines()[0]}"
            return case
        case["upstream"] = encode(upstream)
        case["grads"] = [(lambda gr: None if gr is None else encode(gr))(next(got)) if t.requires_grad else None
                         for t in leaves]
    return case
