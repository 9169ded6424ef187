"""Golden values for jgrad's losses, computed by real PyTorch.

Run with Debian's PyTorch:  /usr/bin/python3 nn/src/test/python/gen_loss_fixtures.py
It writes nn/src/test/resources/fixtures/losses.json, which LossFixtureTest reads (CI never needs
Python). Each case names a torch.nn loss class and its options, and records the inputs, the output,
a random upstream gradient and the gradients of sum(output * upstream).
"""
import itertools
import json
import os

import torch
import torch.nn as nn

torch.manual_seed(4321)
F64, F32, I64 = torch.float64, torch.float32, torch.int64
REDUCTIONS = ("none", "mean", "sum")


def encode(t):
    t = t.detach()
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "data": t.flatten().tolist()}


def rand(*shape, dtype=F64, low=0.0, high=1.0):
    return (torch.rand(*shape, dtype=F64) * (high - low) + low).to(dtype)


def probs(*shape, dtype=F64):
    return rand(*shape, dtype=dtype, low=0.05, high=0.95)


def logprobs(*shape, dim=1, dtype=F64):
    return torch.randn(*shape, dtype=F64).log_softmax(dim).to(dtype)


def labels(c, *shape):
    return torch.randint(0, c, shape, dtype=I64)


CASES = []


def case(name, loss, options, inp, target, target_grad=False):
    """Runs torch.nn.<loss>(**options) and records it; tensors in options are encoded."""
    module_options = {k: v for k, v in options.items()}
    x = inp.clone().requires_grad_(True)
    t = target.clone()
    if target_grad:
        t.requires_grad_(True)
    out = getattr(nn, loss)(**module_options)(x, t)
    upstream = torch.rand(out.shape, dtype=out.dtype) * 2 - 1
    wanted = [v for v in (x, t) if v.requires_grad]
    got = iter(torch.autograd.grad((out * upstream).sum(), wanted))
    grads = [encode(next(got)) if v.requires_grad else None for v in (x, t)]
    opts = {k: (encode(v) if isinstance(v, torch.Tensor) else v) for k, v in options.items()}
    CASES.append({"name": name, "loss": loss, "options": opts,
                  "inputs": [dict(encode(x), requires_grad=True), dict(encode(t), requires_grad=target_grad)],
                  "output": encode(out), "upstream": encode(upstream), "grads": grads})


def bce():
    x, t = probs(4, 3), rand(4, 3).round()
    weights = {"noweight": None, "w3": rand(3, low=0.5, high=2), "w43": rand(4, 3, low=0.5, high=2),
               "w41": rand(4, 1, low=0.5, high=2)}
    for (wn, w), r in itertools.product(weights.items(), REDUCTIONS):
        opts = {"reduction": r} if w is None else {"reduction": r, "weight": w}
        case(f"bce_{wn}_{r}", "BCELoss", opts, x, t)
    extreme = torch.tensor([[0.0, 1.0, 0.0], [1.0, 0.3, 1.0]], dtype=F64)
    for r in REDUCTIONS:
        case(f"bce_exact_0_1_{r}", "BCELoss", {"reduction": r}, extreme, torch.tensor([[0, 1, 1], [0, 0.5, 1.0]], dtype=F64))
    case("bce_1d", "BCELoss", {"reduction": "mean"}, probs(5), rand(5))
    case("bce_3d", "BCELoss", {"reduction": "sum"}, probs(2, 3, 4), rand(2, 3, 4).round())
    case("bce_soft_target_grad", "BCELoss", {"reduction": "sum"}, probs(4, 3), rand(4, 3), target_grad=True)
    case("bce_f32", "BCELoss", {"reduction": "mean"}, probs(4, 3, dtype=F32), rand(4, 3, dtype=F32).round())


def bce_logits():
    x, t = rand(4, 3, low=-3, high=3), rand(4, 3).round()
    w, pw = rand(3, low=0.5, high=2), rand(3, low=0.5, high=3)
    for (name, extra), r in itertools.product(
            {"plain": {}, "weight": {"weight": w}, "pos_weight": {"pos_weight": pw},
             "both": {"weight": w, "pos_weight": pw}}.items(), REDUCTIONS):
        case(f"bcel_{name}_{r}", "BCEWithLogitsLoss", dict(extra, reduction=r), x, t)
    big = torch.tensor([[1000.0, -1000.0, 50.0], [-50.0, 0.5, 1000.0]], dtype=F64)
    for r in REDUCTIONS:
        case(f"bcel_extreme_{r}", "BCEWithLogitsLoss", {"reduction": r, "pos_weight": pw}, big,
             torch.tensor([[0, 1, 1], [0, 1, 1.0]], dtype=F64))
    case("bcel_4d_pos_weight", "BCEWithLogitsLoss", {"reduction": "mean", "pos_weight": rand(3, 1, 1, low=0.5, high=3)},
         rand(2, 3, 2, 2, low=-3, high=3), rand(2, 3, 2, 2).round())
    case("bcel_soft_targets", "BCEWithLogitsLoss", {"reduction": "sum", "pos_weight": pw}, x, rand(4, 3), target_grad=True)
    case("bcel_f32", "BCEWithLogitsLoss", {"reduction": "mean", "pos_weight": pw.float()},
         rand(4, 3, dtype=F32, low=-3, high=3), rand(4, 3, dtype=F32).round())


def nll():
    shapes = {"1d": ((5,), ()), "2d": ((6, 5), (6,)), "4d": ((2, 4, 3, 2), (2, 3, 2))}
    for (sn, (xs, ts)), weighted, r in itertools.product(shapes.items(), (False, True), REDUCTIONS):
        c = xs[0] if len(xs) == 1 else xs[1]
        opts = {"reduction": r}
        if weighted:
            opts["weight"] = rand(c, low=0.5, high=2)
        case(f"nll_{sn}_{'w' if weighted else 'nw'}_{r}", "NLLLoss", opts, logprobs(*xs, dim=0 if len(xs) == 1 else 1),
             labels(c, *ts))
    target = torch.tensor([2, 0, 2, 4, 1, 2])
    for weighted, r in itertools.product((False, True), REDUCTIONS):
        opts = {"reduction": r, "ignore_index": 2}
        if weighted:
            opts["weight"] = rand(5, low=0.5, high=2)
        case(f"nll_ignore_{'w' if weighted else 'nw'}_{r}", "NLLLoss", opts, logprobs(6, 5), target)
    case("nll_all_ignored_mean", "NLLLoss", {"reduction": "mean", "ignore_index": 1}, logprobs(3, 4),
         torch.tensor([1, 1, 1]))
    case("nll_ignore_missed", "NLLLoss", {"reduction": "mean", "ignore_index": -100}, logprobs(6, 5), labels(5, 6))
    case("nll_f32", "NLLLoss", {"reduction": "mean", "weight": rand(5, dtype=F32, low=0.5, high=2)},
         logprobs(6, 5, dtype=F32), labels(5, 6))


def cross_entropy():
    x = torch.randn(6, 5, dtype=F64) * 2
    y = torch.tensor([2, 0, 2, 4, 1, 3])
    w = rand(5, low=0.5, high=2)
    for weighted, ignore, smoothing, r in itertools.product((False, True), (False, True), (0.0, 0.1, 0.3), REDUCTIONS):
        opts = {"reduction": r}
        if weighted:
            opts["weight"] = w
        if ignore:
            opts["ignore_index"] = 2
        if smoothing:
            opts["label_smoothing"] = smoothing
        name = f"ce_{'w' if weighted else 'nw'}_{'ig' if ignore else 'noig'}_ls{smoothing}_{r}"
        case(name, "CrossEntropyLoss", opts, x, y)
    case("ce_unbatched", "CrossEntropyLoss", {"reduction": "mean", "label_smoothing": 0.1}, torch.randn(5, dtype=F64),
         torch.tensor(3))
    case("ce_kdim", "CrossEntropyLoss", {"reduction": "mean", "weight": rand(4, low=0.5, high=2), "label_smoothing": 0.2},
         torch.randn(2, 4, 3, dtype=F64), labels(4, 2, 3))
    p = torch.randn(6, 5, dtype=F64).softmax(1)
    for weighted, smoothing, r in itertools.product((False, True), (0.0, 0.2), REDUCTIONS):
        opts = {"reduction": r}
        if weighted:
            opts["weight"] = w
        if smoothing:
            opts["label_smoothing"] = smoothing
        case(f"ce_prob_{'w' if weighted else 'nw'}_ls{smoothing}_{r}", "CrossEntropyLoss", opts, x, p)
    case("ce_prob_kdim", "CrossEntropyLoss", {"reduction": "mean"}, torch.randn(2, 4, 3, dtype=F64),
         torch.randn(2, 4, 3, dtype=F64).softmax(1))
    case("ce_one_hot_prob", "CrossEntropyLoss", {"reduction": "mean"}, x,
         torch.nn.functional.one_hot(y, 5).to(F64))
    big = torch.tensor([[1000.0, 0.0, -1000.0], [-1000.0, 1000.0, 0.0]], dtype=F64)
    case("ce_large_logits", "CrossEntropyLoss", {"reduction": "sum"}, big, torch.tensor([2, 1]))
    case("ce_f32", "CrossEntropyLoss", {"reduction": "mean", "label_smoothing": 0.1}, x.float(), y)


def kl_div():
    x = logprobs(4, 5)
    t = torch.randn(4, 5, dtype=F64).softmax(1)
    t[0, 1] = 0.0
    t[2, 3] = 0.0
    for r in ("none", "sum", "mean", "batchmean"):
        case(f"kl_{r}", "KLDivLoss", {"reduction": r}, x, t)
        case(f"kl_log_target_{r}", "KLDivLoss", {"reduction": r, "log_target": True}, x,
             torch.randn(4, 5, dtype=F64).log_softmax(1))
    case("kl_target_grad", "KLDivLoss", {"reduction": "batchmean"}, x, torch.randn(4, 5, dtype=F64).softmax(1),
         target_grad=True)
    case("kl_f32", "KLDivLoss", {"reduction": "batchmean"}, x.float(), t.float())


def regression():
    x = torch.randn(4, 3, dtype=F64)
    d = torch.tensor([0.1, -0.3, 0.7, -1.6, 2.2, -0.05, 0.45, 1.3, -0.8, 0.2, -2.5, 0.6], dtype=F64).reshape(4, 3)
    t = x - d
    for loss, r in itertools.product(("MSELoss", "L1Loss", "HuberLoss"), REDUCTIONS):
        case(f"{loss.lower()}_{r}", loss, {"reduction": r}, x, t)
    for r in REDUCTIONS:
        case(f"huber_delta_0.5_{r}", "HuberLoss", {"reduction": r, "delta": 0.5}, x, t)
    case("mseloss_target_grad", "MSELoss", {"reduction": "mean"}, x, t, target_grad=True)
    case("huber_target_grad", "HuberLoss", {"reduction": "sum", "delta": 0.5}, x, t, target_grad=True)
    case("mseloss_f32", "MSELoss", {"reduction": "mean"}, x.float(), t.float())


def main():
    for family in (bce, bce_logits, nll, cross_entropy, kl_div, regression):
        family()
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "resources", "fixtures", "losses.json")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w") as f:
        json.dump({"generator": "nn/src/test/python/gen_loss_fixtures.py", "torch": torch.__version__, "cases": CASES}, f)
        f.write("\n")
    print("wrote", len(CASES), "cases to", os.path.normpath(target))


if __name__ == "__main__":
    main()
