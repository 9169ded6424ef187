"""Golden cases for SmoothL1Loss, MultiLabelSoftMarginLoss, MarginRankingLoss, CosineEmbeddingLoss,
PoissonNLLLoss and GaussianNLLLoss, written into losses.json by gen_loss_fixtures.py (run that script, not
this one). Each family reseeds, so its cases keep their values whatever is added before it.
"""
import itertools
import math

import torch

from gen_loss_fixtures import F32, F64, REDUCTIONS, case, case_n, positive, probs, rnd, spread, tag, with_options

INF, NAN = float("inf"), float("nan")


def smooth_l1():
    torch.manual_seed(1401)
    x = rnd(4, 3, low=-2, high=2)
    t = x - spread(4, 3)
    for beta, r in itertools.product((1.0, 0.5, 0.0), REDUCTIONS):
        case(f"sl1_beta{round(beta * 10):02d}_{r}", "SmoothL1Loss", {"beta": beta, "reduction": r}, x, t,
             target_grad=r != "mean")
        if r == "mean":
            case(f"sl1_beta{round(beta * 10):02d}_mean_f32", "SmoothL1Loss", {"beta": beta, "reduction": r},
                 x.float(), t.float())
    # d exactly at ±beta and 0 (beta = 0: gradient -1 at d = 0, PyTorch's kernel rule), huge, infinite, NaN
    edge = torch.tensor([0.5, -0.5, 0.0, 1e30, -1e30, INF, -INF, NAN], dtype=F64)
    for beta, r in itertools.product((0.5, 0.0), ("none", "sum")):
        case(f"sl1_edge_beta{round(beta * 10):02d}_{r}", "SmoothL1Loss", {"beta": beta, "reduction": r}, edge,
             torch.zeros(8, dtype=F64), target_grad=True)
    case("sl1_edge_beta00_none_f32", "SmoothL1Loss", {"beta": 0.0, "reduction": "none"}, edge.float(),
         torch.zeros(8, dtype=F32))
    case("sl1_empty_mean", "SmoothL1Loss", with_options("mean"), torch.zeros(0, 3, dtype=F64), torch.zeros(0, 3, dtype=F64))


def multilabel_soft_margin():
    torch.manual_seed(1402)
    x, t, w = rnd(4, 5, low=-3, high=3), rnd(4, 5, low=0, high=1).round(), positive(5)
    for wtd, r in itertools.product((False, True), REDUCTIONS):
        case(f"mlsm_{tag(wtd, 'w', 'now')}_{r}", "MultiLabelSoftMarginLoss", with_options(r, weight=wtd and w), x, t,
             target_grad=r == "sum")
    for r in REDUCTIONS:
        case(f"mlsm_1d_{r}", "MultiLabelSoftMarginLoss", with_options(r), rnd(5, low=-3, high=3),
             rnd(5, low=0, high=1).round())
        case(f"mlsm_3d_w_{r}", "MultiLabelSoftMarginLoss", with_options(r, weight=positive(4)), rnd(2, 3, 4, low=-3, high=3),
             rnd(2, 3, 4, low=0, high=1).round())
    case("mlsm_soft_w_mean", "MultiLabelSoftMarginLoss", with_options("mean", weight=w), x, probs(4, 5))
    # large logits stay finite; ±inf against the matching label is 0·inf = nan in value but 0 in gradient
    big = torch.tensor([[1000.0, -1000.0, 50.0, -50.0, 0.5], [INF, -INF, 1.0, 2.0, 0.0], [NAN, 1.0, 0.0, -1.0, 3.0]],
                       dtype=F64)
    big_t = torch.tensor([[0, 1, 1, 0, 1], [1, 0, 0, 1, 0], [1, 0, 1, 0, 1]], dtype=F64)
    for r in REDUCTIONS:
        case(f"mlsm_extreme_{r}", "MultiLabelSoftMarginLoss", with_options(r), big, big_t)
    case("mlsm_w_mean_f32", "MultiLabelSoftMarginLoss", with_options("mean", weight=w.float()), x.float(), t.float())
    case("mlsm_extreme_none_f32", "MultiLabelSoftMarginLoss", with_options("none"), big.float(), big_t.float())


def signs(*shape, dtype=F64):
    return (torch.randint(0, 2, shape) * 2 - 1).to(dtype)


def margin_ranking():
    torch.manual_seed(1403)
    x1, x2, y = rnd(6), rnd(6), signs(6)
    for m, r in itertools.product((0.0, 0.5), REDUCTIONS):
        case_n(f"mr_m{round(m * 10):02d}_{r}", "MarginRankingLoss", with_options(r, margin=m), (x1, x2, y),
               (True, True, r == "sum"))
    for r in REDUCTIONS:
        case_n(f"mr_2d_{r}", "MarginRankingLoss", with_options(r, margin=0.2), (rnd(3, 4), rnd(3, 4), signs(3, 4)),
               (True, True, False))
        case_n(f"mr_0d_{r}", "MarginRankingLoss", with_options(r, margin=0.3),
               (rnd(1).squeeze(), rnd(1).squeeze(), signs(1).squeeze()), (True, True, False))
    # same dims broadcast: one reference score against a batch
    case_n("mr_broadcast_mean", "MarginRankingLoss", with_options("mean", margin=0.1), (rnd(5), rnd(1), signs(5)),
           (True, True, False))
    # on the hinge (loss exactly 0) the gradient passes, as clamp_min's does; a target of 0 leaves only the margin
    case_n("mr_hinge_sum", "MarginRankingLoss", with_options("sum", margin=0.5),
           (torch.tensor([1.0, 0.0, 2.0, 1e30], dtype=F64), torch.tensor([0.5, 0.5, 1.0, -1e30], dtype=F64),
            torch.tensor([1.0, -1.0, 0.0, -1.0], dtype=F64)), (True, True, False))
    case_n("mr_empty_mean", "MarginRankingLoss", with_options("mean"),
           (torch.zeros(0, dtype=F64), torch.zeros(0, dtype=F64), torch.zeros(0, dtype=F64)), (True, True, False))
    case_n("mr_m05_mean_f32", "MarginRankingLoss", with_options("mean", margin=0.5), (x1.float(), x2.float(), y.float()),
           (True, True, False))


def cosine_embedding():
    torch.manual_seed(1404)
    x1, x2, y = torch.randn(5, 4, dtype=F64), torch.randn(5, 4, dtype=F64), signs(5)
    for m, r in itertools.product((0.0, 0.3, -0.2), REDUCTIONS):
        case_n(f"cos_m{'n' if m < 0 else ''}{round(abs(m) * 10):02d}_{r}", "CosineEmbeddingLoss",
               with_options(r, margin=m), (x1, x2, y), (True, True, False))
    for yv, r in itertools.product((1.0, -1.0), REDUCTIONS):
        case_n(f"cos_1d_y{'p' if yv > 0 else 'n'}_{r}", "CosineEmbeddingLoss", with_options(r, margin=-0.5),
               (torch.randn(4, dtype=F64), torch.randn(4, dtype=F64), torch.tensor(yv, dtype=F64)), (True, True, False))
    # zero vectors: EPSILON keeps the cosine 0, and a hinge on 0 lets a huge gradient through; a target of 0
    # (neither 1 nor -1) gives 0; int64 targets work as well
    z1 = torch.tensor([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [1.0, 2.0, 3.0], [1e10, -1e10, 3e10], [1.0, 1.0, 1.0]], dtype=F64)
    z2 = torch.tensor([[0.0, 0.0, 0.0], [1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [2e10, 1e10, 1e10], [-1.0, 2.0, 0.5]], dtype=F64)
    zy = torch.tensor([1, -1, 1, -1, 0])
    for r in REDUCTIONS:
        case_n(f"cos_zero_vectors_{r}", "CosineEmbeddingLoss", with_options(r), (z1, z2, zy), (True, True, False))
    case_n("cos_empty_mean", "CosineEmbeddingLoss", with_options("mean"),
           (torch.zeros(0, 3, dtype=F64), torch.zeros(0, 3, dtype=F64), torch.zeros(0, dtype=F64)), (True, True, False))
    case_n("cos_m03_mean_f32", "CosineEmbeddingLoss", with_options("mean", margin=0.3),
           (x1.float(), x2.float(), y.float()), (True, True, False))
    case_n("cos_zero_vectors_none_f32", "CosineEmbeddingLoss", with_options("none"), (z1.float(), z2.float(), zy),
           (True, True, False))


def poisson_nll():
    torch.manual_seed(1405)
    log_rate, rate = rnd(4, 3, low=-2, high=2), positive(4, 3)
    counts = torch.randint(0, 7, (4, 3)).to(F64)
    counts[0, 0], counts[1, 1] = 0.0, 1.0  # the Stirling term is masked at t <= 1
    for li, full, r in itertools.product((True, False), (False, True), REDUCTIONS):
        inp = log_rate if li else rate
        name = f"pnll_{tag(li, 'log', 'rate')}_{tag(full, 'full', 'nofull')}_{r}"
        # a target of 0 gives full's target gradient nan (0·log 0 behind the mask), so those use counts >= 1
        case(name, "PoissonNLLLoss", dict(log_input=li, full=full, reduction=r), inp,
             counts if r == "mean" else counts.clamp(min=1), target_grad=r != "mean")
    case("pnll_rate_eps_mean", "PoissonNLLLoss", dict(log_input=False, eps=1e-3, reduction="mean"),
         rnd(4, 3, low=0, high=0.01), counts)
    edge_x = torch.tensor([0.0, 1000.0, -1000.0, 2.0, INF, NAN, 0.0], dtype=F64)
    edge_t = torch.tensor([0.0, 1.0, 2.0, 5.0, 1.0, 3.0, 1e6], dtype=F64)
    for li, full in itertools.product((True, False), (False, True)):
        case(f"pnll_edge_{tag(li, 'log', 'rate')}_{tag(full, 'full', 'nofull')}_none", "PoissonNLLLoss",
             dict(log_input=li, full=full, reduction="none"), edge_x, edge_t, target_grad=True)
    case("pnll_log_full_mean_f32", "PoissonNLLLoss", dict(log_input=True, full=True, reduction="mean"),
         log_rate.float(), counts.float())
    case("pnll_rate_none_f32", "PoissonNLLLoss", dict(log_input=False, reduction="none"), rate.float(), counts.float())


def gaussian_nll():
    torch.manual_seed(1406)
    x, t = torch.randn(4, 3, dtype=F64), torch.randn(4, 3, dtype=F64)
    variances = {"v43": positive(4, 3), "v4": positive(4), "v41": positive(4, 1)}
    for (vn, v), full, r in itertools.product(variances.items(), (False, True), REDUCTIONS):
        case_n(f"gnll_{vn}_{tag(full, 'full', 'nofull')}_{r}", "GaussianNLLLoss", with_options(r, full=full), (x, t, v),
               (True, r == "sum", True))
    for r in REDUCTIONS:
        case_n(f"gnll_1d_v0d_{r}", "GaussianNLLLoss", with_options(r), (torch.randn(3, dtype=F64),
               torch.randn(3, dtype=F64), positive(1).squeeze()), (True, False, True))
        case_n(f"gnll_target_broadcast_{r}", "GaussianNLLLoss", with_options(r), (x, torch.randn(4, 1, dtype=F64),
               variances["v43"]), (True, True, True))
    # var below eps is clamped, yet its gradient is the unclamped one (the clamp ran on a clone under no_grad)
    small = torch.tensor([[0.0, 1e-9, 1e-7], [1e-5, 0.5, 2.0], [NAN, 1.0, INF], [1e-300, 1e30, 1.0]], dtype=F64)
    for eps, r in itertools.product((1e-6, 1e-3), ("none", "sum")):
        case_n(f"gnll_small_var_eps{-round(math.log10(eps))}_{r}", "GaussianNLLLoss", dict(eps=eps, reduction=r),
               (torch.randn(4, 3, dtype=F64) * 10, torch.randn(4, 3, dtype=F64), small), (True, True, True))
    case_n("gnll_empty_mean", "GaussianNLLLoss", with_options("mean"),
           (torch.zeros(0, 3, dtype=F64), torch.zeros(0, 3, dtype=F64), torch.ones(0, dtype=F64)), (True, False, True))
    case_n("gnll_v4_full_mean_f32", "GaussianNLLLoss", with_options("mean", full=True),
           (x.float(), t.float(), variances["v4"].float()), (True, False, True))
    case_n("gnll_small_var_none_f32", "GaussianNLLLoss", with_options("none"),
           (x.float(), t.float(), small.float()), (True, False, True))


MORE_FAMILIES = (smooth_l1, multilabel_soft_margin, margin_ranking, cosine_embedding, poisson_nll, gaussian_nll)
