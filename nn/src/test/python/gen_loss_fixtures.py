"""Golden values for jgrad's losses, computed by real PyTorch.

Run with Debian's PyTorch:  /usr/bin/python3 nn/src/test/python/gen_loss_fixtures.py
It writes nn/src/test/resources/fixtures/losses.json, which LossFixtureTest reads (CI never needs
Python). Each case: the torch.nn loss class and the options it was built with, input and target, the
output, a random upstream gradient, and the gradients of sum(output * upstream). LossFixtureTest builds
the Java twin of every case from the "loss" and "options" fields alone.
"""
import itertools
import json
import os
import sys
import warnings

import torch
import torch.nn as nn

torch.manual_seed(4321)
F64, F32, I64 = torch.float64, torch.float32, torch.int64
REDUCTIONS = ("none", "mean", "sum")
# 'mean' KLDivLoss is recorded on purpose (jgrad must match it), so PyTorch's advice to use batchmean is noise
warnings.filterwarnings("ignore", message="reduction: 'mean' divides")


def encode(t):
    t = t.detach()
    data = t.flatten().tolist()
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "data": data}


def rnd(*shape, dtype=F64, low=-1.0, high=1.0):
    return (torch.rand(*shape, dtype=F64) * (high - low) + low).to(dtype)


def probs(*shape, dtype=F64):
    """Probabilities kept off 0 and 1, where BCELoss's gradient blows up (bce_exact_0_1_* go there on purpose)."""
    return rnd(*shape, dtype=dtype, low=0.05, high=0.95)


def positive(*shape, dtype=F64):
    return rnd(*shape, dtype=dtype, low=0.5, high=2.0)


def logprobs(*shape, dim=1, dtype=F64):
    return (torch.randn(*shape, dtype=F64) * 2).log_softmax(dim).to(dtype)


def softmax(*shape, dim=1, dtype=F64):
    return torch.randn(*shape, dtype=F64).softmax(dim).to(dtype)


def labels(c, *shape):
    return torch.randint(0, c, shape, dtype=I64)


def spread(*shape, bands=((0.05, 0.45), (0.55, 0.95), (1.05, 2.5))):
    """Signed differences, equally many from each band: L1 bends at 0 and Huber at delta 0.5 and 1.0, so each
    side of every bend is hit and no difference sits within 0.05 of one."""
    n = torch.Size(shape).numel()
    low, high = torch.tensor(bands, dtype=F64)[torch.arange(n) % len(bands)].unbind(1)
    mags = low + torch.rand(n, dtype=F64) * (high - low)
    signs = torch.randint(0, 2, (n,), dtype=F64) * 2 - 1
    return (mags * signs)[torch.randperm(n)].reshape(shape)


def tag(flag, yes, no):
    return yes if flag else no


def ls(s):
    return f"ls{round(s * 10):02d}"


CASES = []


def case(name, loss, options, inp, target, target_grad=False):
    """torch.nn.<loss>(**options)(inp, target); options holds only what the case sets, tensors included."""
    case_n(name, loss, options, (inp, target), (True, target_grad))


def case_n(name, loss, options, tensors, requires_grad):
    """torch.nn.<loss>(**options)(*tensors), each tensor requiring grad as its flag says."""
    ins = [v.clone().requires_grad_(g) for v, g in zip(tensors, requires_grad)]
    out = getattr(nn, loss)(**options)(*ins)
    upstream = torch.rand(out.shape, dtype=out.dtype) * 2 - 1
    wanted = [v for v in ins if v.requires_grad]
    got = iter(torch.autograd.grad((out * upstream).sum(), wanted))
    CASES.append({
        "name": name, "loss": loss,
        "options": {k: encode(v) if isinstance(v, torch.Tensor) else v for k, v in options.items()},
        "inputs": [dict(encode(v), requires_grad=v.requires_grad) for v in ins],
        "output": encode(out),
        "upstream": encode(upstream),
        "grads": [encode(next(got)) if v.requires_grad else None for v in ins],
    })


def with_options(reduction, **maybe):
    """Options with reduction plus those of `maybe` that are set: None, False and 0.0 leave an option at default."""
    unset = lambda v: v is None or v is False or (isinstance(v, float) and v == 0.0)  # noqa: E731
    return dict({k: v for k, v in maybe.items() if not unset(v)}, reduction=reduction)


def bce():
    x, t = probs(4, 3), rnd(4, 3, low=0, high=1).round()
    weights = {"now": None, "w3": positive(3), "w43": positive(4, 3), "w41": positive(4, 1)}
    for (wn, w), r in itertools.product(weights.items(), REDUCTIONS):
        case(f"bce_{wn}_{r}", "BCELoss", with_options(r, weight=w), x, t)
    # exact 0 and 1: log is clamped at -100 and the gradient's denominator x(1-x) at 1e-12
    extreme = torch.tensor([[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.3, 0.0, 1.0], [0.7, 0.2, 0.9]], dtype=F64)
    hard_soft = torch.tensor([[0, 1, 1], [0, 0.5, 1], [1, 0.5, 0.5], [0, 1, 0.5]], dtype=F64)
    for r in REDUCTIONS:
        case(f"bce_exact_0_1_{r}", "BCELoss", with_options(r), extreme, hard_soft)
    case("bce_exact_0_1_w3_mean", "BCELoss", with_options("mean", weight=weights["w3"]), extreme, hard_soft)
    for r in REDUCTIONS:
        case(f"bce_1d_{r}", "BCELoss", with_options(r), probs(5), rnd(5, low=0, high=1).round())
        case(f"bce_3d_{r}", "BCELoss", with_options(r), probs(2, 3, 4), rnd(2, 3, 4, low=0, high=1).round())
    case("bce_3d_w4_mean", "BCELoss", with_options("mean", weight=positive(4)), probs(2, 3, 4),
         rnd(2, 3, 4, low=0, high=1).round())
    case("bce_soft_target_sum", "BCELoss", with_options("sum"), x, probs(4, 3))
    case("bce_w3_mean_f32", "BCELoss", with_options("mean", weight=positive(3, dtype=F32)), probs(4, 3, dtype=F32),
         rnd(4, 3, dtype=F32, low=0, high=1).round())
    case("bce_none_f32", "BCELoss", with_options("none"), probs(4, 3, dtype=F32), probs(4, 3, dtype=F32))


def bce_logits():
    x, t = rnd(4, 3, low=-3, high=3), rnd(4, 3, low=0, high=1).round()
    w, pw = positive(3), rnd(3, low=0.5, high=3)
    for wtd, pwtd, r in itertools.product((False, True), (False, True), REDUCTIONS):
        name = f"bcel_{tag(wtd, 'w', 'now')}_{tag(pwtd, 'pw', 'nopw')}_{r}"
        case(name, "BCEWithLogitsLoss", with_options(r, weight=wtd and w, pos_weight=pwtd and pw), x, t)
    # a naive log(sigmoid(x)) overflows to -inf here; the stable form must stay finite in value and gradient
    big = torch.tensor([[1000.0, -1000.0, 50.0], [-50.0, 0.5, 1000.0], [-1000.0, 50.0, -50.0], [1.5, -2.0, 0.1]],
                       dtype=F64)
    big_t = torch.tensor([[0, 1, 1], [0, 1, 1], [0, 0, 1], [1, 0, 0.5]], dtype=F64)
    for pwtd, r in itertools.product((False, True), REDUCTIONS):
        case(f"bcel_extreme_{tag(pwtd, 'pw', 'nopw')}_{r}", "BCEWithLogitsLoss",
             with_options(r, pos_weight=pwtd and pw), big, big_t)
    x4, t4, pw4 = rnd(2, 3, 2, 2, low=-3, high=3), rnd(2, 3, 2, 2, low=0, high=1).round(), rnd(3, 1, 1, low=0.5, high=3)
    for r in REDUCTIONS:
        case(f"bcel_4d_pw311_{r}", "BCEWithLogitsLoss", with_options(r, pos_weight=pw4), x4, t4)
        case(f"bcel_soft_targets_w_pw_{r}", "BCEWithLogitsLoss", with_options(r, weight=w, pos_weight=pw), x, probs(4, 3))
    case("bcel_pw_mean_f32", "BCEWithLogitsLoss", with_options("mean", pos_weight=pw.float()),
         rnd(4, 3, dtype=F32, low=-3, high=3), rnd(4, 3, dtype=F32, low=0, high=1).round())
    case("bcel_extreme_w_sum_f32", "BCEWithLogitsLoss", with_options("sum", weight=w.float()), big.float(), big_t.float())


def nll():
    # (input shape, target shape, class dim)
    shapes = {"1d": ((5,), (), 0), "2d": ((6, 5), (6,), 1), "4d": ((2, 4, 3, 2), (2, 3, 2), 1)}
    for (sn, (xs, ts, cd)), wtd, r in itertools.product(shapes.items(), (False, True), REDUCTIONS):
        c = xs[cd]
        case(f"nll_{sn}_{tag(wtd, 'w', 'now')}_{r}", "NLLLoss", with_options(r, weight=wtd and positive(c)),
             logprobs(*xs, dim=cd), labels(c, *ts))
    ignored = {"2d": ((6, 5), torch.tensor([2, 0, 2, 4, 1, 3])),
               "4d": ((2, 4, 3, 2), torch.tensor([[[2, 0], [1, 2], [3, 3]], [[0, 2], [2, 2], [1, 0]]]))}
    for (sn, (xs, tgt)), wtd, r in itertools.product(ignored.items(), (False, True), REDUCTIONS):
        case(f"nll_{sn}_ignore_{tag(wtd, 'w', 'now')}_{r}", "NLLLoss",
             with_options(r, weight=wtd and positive(xs[1]), ignore_index=2), logprobs(*xs), tgt)
    # the default ignore_index spelled out; no target equals it
    case("nll_2d_ignore_default_mean", "NLLLoss", {"reduction": "mean", "ignore_index": -100}, logprobs(6, 5), labels(5, 6))
    # a negative ignore_index lets out-of-range targets through as long as they equal it
    case("nll_2d_ignore_negative_w_mean", "NLLLoss", with_options("mean", weight=positive(5), ignore_index=-1),
         logprobs(6, 5), torch.tensor([0, -1, 3, -1, 4, 1]))
    # every target ignored: mean is 0/0 = nan in PyTorch, yet the gradient is all zeros
    for wtd, r in itertools.product((False, True), REDUCTIONS):
        case(f"nll_2d_all_ignored_{tag(wtd, 'w', 'now')}_{r}", "NLLLoss",
             with_options(r, weight=wtd and positive(4), ignore_index=1), logprobs(3, 4), torch.tensor([1, 1, 1]))
    case("nll_1d_ignored_mean", "NLLLoss", with_options("mean", ignore_index=2), logprobs(5, dim=0), torch.tensor(2))
    case("nll_2d_w_mean_f32", "NLLLoss", with_options("mean", weight=positive(5, dtype=F32)), logprobs(6, 5, dtype=F32),
         labels(5, 6))
    case("nll_4d_ignore_sum_f32", "NLLLoss", with_options("sum", ignore_index=2), logprobs(2, 4, 3, 2, dtype=F32),
         ignored["4d"][1])


def cross_entropy():
    x, w = torch.randn(6, 5, dtype=F64) * 2, positive(5)
    y = torch.tensor([2, 0, 2, 4, 1, 3])
    for wtd, ign, s, r in itertools.product((False, True), (False, True), (0.0, 0.1, 0.3), REDUCTIONS):
        name = f"ce_{tag(wtd, 'w', 'now')}_{tag(ign, 'ignore', 'noignore')}_{ls(s)}_{r}"
        case(name, "CrossEntropyLoss", with_options(r, weight=wtd and w, ignore_index=ign and 2, label_smoothing=s), x, y)
    for r in REDUCTIONS:
        case(f"ce_unbatched_{r}", "CrossEntropyLoss", with_options(r), torch.randn(5, dtype=F64) * 2, torch.tensor(3))
        case(f"ce_kdim_{r}", "CrossEntropyLoss", with_options(r), torch.randn(2, 4, 3, dtype=F64) * 2, labels(4, 2, 3))
    case("ce_unbatched_w_ls01_mean", "CrossEntropyLoss", with_options("mean", weight=positive(5), label_smoothing=0.1),
         torch.randn(5, dtype=F64) * 2, torch.tensor(1))
    case("ce_kdim_w_ignore_ls02_mean", "CrossEntropyLoss",
         with_options("mean", weight=positive(4), ignore_index=0, label_smoothing=0.2),
         torch.randn(2, 4, 3, dtype=F64) * 2, torch.tensor([[0, 1, 3], [2, 0, 3]]))
    # mean over every target ignored is nan, with or without the smoothing term
    for s in (0.0, 0.1):
        case(f"ce_all_ignored_{ls(s)}_mean", "CrossEntropyLoss",
             with_options("mean", ignore_index=1, label_smoothing=s), torch.randn(3, 4, dtype=F64), torch.tensor([1, 1, 1]))
    # class-probability targets: 'mean' divides by N even when weighted, unlike index targets
    p = softmax(6, 5)
    for wtd, s, r in itertools.product((False, True), (0.0, 0.2), REDUCTIONS):
        case(f"ce_prob_{tag(wtd, 'w', 'now')}_{ls(s)}_{r}", "CrossEntropyLoss",
             with_options(r, weight=wtd and w, label_smoothing=s), x, p)
    xk, pk = torch.randn(2, 4, 3, dtype=F64) * 2, softmax(2, 4, 3)
    for r in REDUCTIONS:
        case(f"ce_prob_kdim_{r}", "CrossEntropyLoss", with_options(r), xk, pk)
    case("ce_prob_kdim_w_ls02_mean", "CrossEntropyLoss", with_options("mean", weight=positive(4), label_smoothing=0.2),
         xk, pk)
    one_hot = nn.functional.one_hot(y, 5).to(F64)
    case("ce_prob_one_hot_mean", "CrossEntropyLoss", with_options("mean"), x, one_hot)
    case("ce_prob_one_hot_w_sum", "CrossEntropyLoss", with_options("sum", weight=w), x, one_hot)
    # log_softmax must subtract the row max: exp(1000) overflows
    big = torch.tensor([[1000.0, 0.0, -1000.0, 3.0, 1.0], [-1000.0, 1000.0, 999.0, 0.0, -1.0],
                        [0.5, -1000.0, 1000.0, 2.0, 0.0]], dtype=F64)
    big_y = torch.tensor([2, 1, 1])
    for s in (0.0, 0.1):
        case(f"ce_large_logits_{ls(s)}_sum", "CrossEntropyLoss", with_options("sum", label_smoothing=s), big, big_y)
    case("ce_large_logits_none", "CrossEntropyLoss", with_options("none"), big, big_y)
    case("ce_w_ignore_ls01_mean_f32", "CrossEntropyLoss",
         with_options("mean", weight=w.float(), ignore_index=2, label_smoothing=0.1), x.float(), y)
    case("ce_none_f32", "CrossEntropyLoss", with_options("none"), x.float(), y)
    case("ce_prob_ls02_mean_f32", "CrossEntropyLoss", with_options("mean", label_smoothing=0.2), x.float(), p.float())


def kl_div():
    x = logprobs(4, 5)
    t = softmax(4, 5)
    # target 0 contributes 0 (0 * log 0 taken as 0), which a plain t * log(t) would turn into nan
    t[0, 1] = t[2, 3] = t[2, 4] = 0.0
    log_t = logprobs(4, 5)
    for r in ("none", "sum", "mean", "batchmean"):
        case(f"kl_{r}", "KLDivLoss", with_options(r), x, t)
        case(f"kl_log_target_{r}", "KLDivLoss", with_options(r, log_target=True), x, log_t)
    # the target's gradient log(t) + 1 - x is -inf/nan at t = 0, so these targets stay strictly positive
    for r in ("none", "batchmean"):
        case(f"kl_{r}_target_grad", "KLDivLoss", with_options(r), x, softmax(4, 5), target_grad=True)
        case(f"kl_log_target_{r}_target_grad", "KLDivLoss", with_options(r, log_target=True), x, log_t, target_grad=True)
    case("kl_batchmean_f32", "KLDivLoss", with_options("batchmean"), x.float(), t.float())
    case("kl_log_target_sum_f32", "KLDivLoss", with_options("sum", log_target=True), x.float(), log_t.float())


def regression():
    x = rnd(4, 3, low=-2, high=2)
    t = x - spread(4, 3)
    losses = {"mse": ("MSELoss", {}), "l1": ("L1Loss", {}), "huber": ("HuberLoss", {}),
              "huber_delta05": ("HuberLoss", {"delta": 0.5})}
    for (ln, (loss, extra)), r in itertools.product(losses.items(), REDUCTIONS):
        case(f"{ln}_{r}", loss, dict(extra, reduction=r), x, t)
    for r in REDUCTIONS:
        case(f"mse_{r}_target_grad", "MSELoss", with_options(r), x, t, target_grad=True)
    x32, t32 = x.float(), t.float()
    for ln, (loss, extra) in losses.items():
        case(f"{ln}_mean_f32", loss, dict(extra, reduction="mean"), x32, t32)


def cross_entropy_edges():
    """Index-target cross entropy where the fused kernel has its own code: empty batches and class dims,
    non-finite logits, ignored targets with weights, zero target weights, k-dim input with weights. Drawn
    last, so the cases above keep their random values."""
    inf, nan = float("inf"), float("nan")
    w = positive(5)
    # an empty batch: none is empty, sum 0, mean 0/0 = nan
    for wtd, r in itertools.product((False, True), REDUCTIONS):
        case(f"ce_empty_batch_{tag(wtd, 'w', 'now')}_{r}", "CrossEntropyLoss", with_options(r, weight=wtd and w),
             torch.randn(0, 5, dtype=F64), torch.zeros(0, dtype=I64))
    for r in REDUCTIONS:
        case(f"ce_empty_kdim_{r}", "CrossEntropyLoss", with_options(r), torch.randn(0, 4, 3, dtype=F64),
             torch.zeros(0, 3, dtype=I64))
        # no classes at all: every target must be ignored
        case(f"ce_no_classes_{r}", "CrossEntropyLoss", with_options(r), torch.randn(3, 0, dtype=F64),
             torch.full((3,), -100, dtype=I64))
    # a row holding +inf or NaN is nan in value and gradient; -inf at the target gives +inf, elsewhere it is
    # harmless; a row of -inf is nan; the ignored last row adds no loss, yet its NaN reaches the gradient
    x = torch.tensor([[1.0, inf, 0.0, -1.0], [0.5, -inf, 2.0, 1.0], [-inf, 0.0, 1.0, 2.0], [nan, 0.0, 1.0, 2.0],
                      [-inf, -inf, -inf, -inf], [1.0, 2.0, 3.0, 4.0], [nan, 1.0, inf, 0.0]], dtype=F64)
    y = torch.tensor([0, 2, 0, 1, 3, 1, -1])
    for r in REDUCTIONS:
        case(f"ce_nonfinite_{r}", "CrossEntropyLoss", with_options(r, ignore_index=-1), x, y)
    case("ce_nonfinite_none_f32", "CrossEntropyLoss", with_options("none", ignore_index=-1), x.float(), y)
    # only ignored rows are non-finite: the loss stays finite, their gradient rows are nan or zero
    x2 = torch.tensor([[nan, 0.0, 1.0], [0.5, inf, 0.0], [-inf, 0.0, 2.0], [1.0, -inf, 0.5], [0.2, 0.1, -0.3]],
                      dtype=F64)
    for r in REDUCTIONS:
        case(f"ce_nonfinite_ignored_{r}", "CrossEntropyLoss", with_options(r, weight=positive(3), ignore_index=1),
             x2, torch.tensor([1, 1, 1, 0, 2]))
    # every target ignored with class weights: none is zeros, sum 0, mean 0/0 = nan; the gradient is zero
    for r in REDUCTIONS:
        case(f"ce_all_ignored_w_{r}", "CrossEntropyLoss", with_options(r, weight=positive(4), ignore_index=1),
             torch.randn(3, 4, dtype=F64), torch.tensor([1, 1, 1]))
    # a negative ignore_index that targets hit, and the default -100 hit
    for r in REDUCTIONS:
        case(f"ce_ignore_negative_w_{r}", "CrossEntropyLoss", with_options(r, weight=w, ignore_index=-1),
             torch.randn(6, 5, dtype=F64) * 2, torch.tensor([0, -1, 3, -1, 4, 1]))
    case("ce_ignore_default_hit_w_mean", "CrossEntropyLoss", with_options("mean", weight=w),
         torch.randn(4, 5, dtype=F64) * 2, torch.tensor([-100, 2, -100, 4]))
    # zero weight on every target: mean is 0/0 = nan, and so is the gradient (0 · upstream / 0)
    case("ce_zero_target_weights_mean", "CrossEntropyLoss",
         with_options("mean", weight=torch.tensor([0.0, 1.0, 1.0, 1.0], dtype=F64)), torch.randn(3, 4, dtype=F64),
         torch.tensor([0, 0, 0]))
    # unbatched input with weights, its one target kept or ignored
    for r in REDUCTIONS:
        case(f"ce_unbatched_w_{r}", "CrossEntropyLoss", with_options(r, weight=w), torch.randn(5, dtype=F64) * 2,
             torch.tensor(3))
        case(f"ce_unbatched_w_ignored_{r}", "CrossEntropyLoss", with_options(r, weight=w, ignore_index=3),
             torch.randn(5, dtype=F64) * 2, torch.tensor(3))
    # k-dim input (N, C, d1, d2) and (N, C, d1) with class weights and ignored targets
    x4, w4 = torch.randn(2, 4, 3, 2, dtype=F64) * 2, positive(4)
    y4 = torch.tensor([[[2, 0], [1, 2], [3, 3]], [[0, 2], [2, 1], [1, 0]]])
    for r in REDUCTIONS:
        case(f"ce_4d_w_ignore_{r}", "CrossEntropyLoss", with_options(r, weight=w4, ignore_index=2), x4, y4)
        case(f"ce_kdim_w_ignore_{r}", "CrossEntropyLoss", with_options(r, weight=w4, ignore_index=0),
             torch.randn(2, 4, 5, dtype=F64) * 2, torch.tensor([[0, 1, 3, 2, 0], [2, 0, 3, 1, 1]]))
    case("ce_4d_w_ignore_mean_f32", "CrossEntropyLoss", with_options("mean", weight=w4.float(), ignore_index=2),
         x4.float(), y4)
    case("ce_4d_w_sum_f32", "CrossEntropyLoss", with_options("sum", weight=w4.float()), x4.float(), labels(4, 2, 3, 2))


def main():
    # loss_cases_more.py imports this module's helpers; as a script this module is __main__, so name it once
    sys.modules.setdefault("gen_loss_fixtures", sys.modules[__name__])
    from loss_cases_more import MORE_FAMILIES
    for family in (bce, bce_logits, nll, cross_entropy, kl_div, regression, cross_entropy_edges) + MORE_FAMILIES:
        family()
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "resources", "fixtures", "losses.json")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    doc = {"generator": "nn/src/test/python/gen_loss_fixtures.py", "torch": torch.__version__, "cases": CASES}
    with open(target, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print("wrote", len(CASES), "cases to", os.path.normpath(target))


if __name__ == "__main__":
    main()
