"""Golden optimizer trajectories and learning-rate schedules, computed by real PyTorch.

Run with Debian's PyTorch:  /usr/bin/python3 optim/src/test/python/gen_optim_fixtures.py
It writes optim/src/test/resources/fixtures/optim.json, which OptimizerFixtureTest and
SchedulerFixtureTest read (CI never needs Python).

Trajectories: a linear model y = x·Wᵀ + b with MSE loss on fixed data, 12 steps; after each step the
parameters are recorded. Options use PyTorch's names (weight_decay, ...), which jgrad's param groups share.
"""
import json
import os

import torch

torch.manual_seed(99)
STEPS = 12


def encode(t):
    t = t.detach()
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "data": t.flatten().tolist()}


def problem(dtype):
    g = torch.Generator().manual_seed(7)
    x = torch.randn(8, 3, generator=g, dtype=torch.float64).to(dtype)
    y = torch.randn(8, 2, generator=g, dtype=torch.float64).to(dtype)
    w = torch.randn(2, 3, generator=g, dtype=torch.float64).to(dtype)
    b = torch.randn(2, generator=g, dtype=torch.float64).to(dtype)
    return x, y, w, b


def trajectory(name, optimizer, options, dtype=torch.float64, second_group=None):
    x, y, w0, b0 = problem(dtype)
    w, b = w0.clone().requires_grad_(), b0.clone().requires_grad_()
    kwargs = {k: (tuple(v) if k == "betas" else v) for k, v in options.items()}
    if second_group is None:
        opt = getattr(torch.optim, optimizer)([w, b], **kwargs)
    else:
        opt = getattr(torch.optim, optimizer)([{"params": [w]}, dict(second_group, params=[b])], **kwargs)
    steps = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = ((x @ w.T + b - y) ** 2).mean()
        loss.backward()
        opt.step()
        steps.append({"loss": loss.item(), "weight": encode(w), "bias": encode(b)})
    return {"name": name, "optimizer": optimizer, "options": options, "secondGroup": second_group,
            "x": encode(x), "y": encode(y), "weight": encode(w0), "bias": encode(b0), "steps": steps}


def trajectories():
    out = []
    sgd = {
        "plain": {}, "momentum": {"momentum": 0.9}, "dampening": {"momentum": 0.9, "dampening": 0.3},
        "nesterov": {"momentum": 0.9, "nesterov": True}, "weight_decay": {"weight_decay": 0.1},
        "momentum_weight_decay": {"momentum": 0.8, "weight_decay": 0.05}, "maximize": {"maximize": True},
        "all": {"momentum": 0.7, "weight_decay": 0.01, "nesterov": True, "maximize": True},
    }
    for k, v in sgd.items():
        out.append(trajectory("sgd_" + k, "SGD", dict(v, lr=0.05)))
    adam = {
        "defaults": {}, "amsgrad": {"amsgrad": True}, "weight_decay": {"weight_decay": 0.1},
        "maximize": {"maximize": True}, "betas_eps": {"betas": [0.8, 0.99], "eps": 1e-6},
        "all": {"amsgrad": True, "weight_decay": 0.05, "maximize": True},
    }
    for k, v in adam.items():
        out.append(trajectory("adam_" + k, "Adam", dict(v, lr=0.05)))
    adamw = {"defaults": {}, "weight_decay": {"weight_decay": 0.3}, "amsgrad": {"amsgrad": True, "weight_decay": 0.1}}
    for k, v in adamw.items():
        out.append(trajectory("adamw_" + k, "AdamW", dict(v, lr=0.05)))
    out.append(trajectory("sgd_two_groups", "SGD", {"lr": 0.05, "momentum": 0.9}, second_group={"lr": 0.2}))
    out.append(trajectory("adam_two_groups", "Adam", {"lr": 0.05}, second_group={"lr": 0.01, "weight_decay": 0.1}))
    out.append(trajectory("sgd_f32", "SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True}, dtype=torch.float32))
    out.append(trajectory("adam_f32", "Adam", {"lr": 0.05, "amsgrad": True}, dtype=torch.float32))
    out.append(trajectory("adamw_f32", "AdamW", {"lr": 0.05}, dtype=torch.float32))
    return out


def schedule(name, scheduler, kwargs, epochs=15, metrics=None):
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=0.1)
    sched = getattr(torch.optim.lr_scheduler, scheduler)(opt, **kwargs)
    lrs = []
    for epoch in range(epochs):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        if metrics is None:
            sched.step()
        else:
            sched.step(metrics[epoch])
    return {"name": name, "scheduler": scheduler, "options": kwargs, "metrics": metrics, "lrs": lrs}


def schedules():
    plateau = [1.0, 0.9, 0.9, 0.91, 0.95, 0.9, 0.8, 0.8, 0.8, 0.85, 0.8, 0.8, 0.79, 0.8, 0.8]
    return [
        schedule("step", "StepLR", {"step_size": 4, "gamma": 0.5}),
        schedule("multistep", "MultiStepLR", {"milestones": [3, 7, 8], "gamma": 0.1}),
        schedule("exponential", "ExponentialLR", {"gamma": 0.9}),
        schedule("cosine", "CosineAnnealingLR", {"T_max": 6, "eta_min": 0.01}),
        schedule("linear_warmup", "LinearLR", {"start_factor": 0.25, "end_factor": 1.0, "total_iters": 5}),
        schedule("plateau", "ReduceLROnPlateau", {"mode": "min", "factor": 0.5, "patience": 2, "threshold": 1e-4},
                 metrics=plateau),
        schedule("plateau_max_cooldown", "ReduceLROnPlateau",
                 {"mode": "max", "factor": 0.1, "patience": 1, "cooldown": 2, "min_lr": 0.0005},
                 metrics=[-m for m in plateau]),
    ]


def clipping():
    out = []
    for name, max_norm, norm_type in [("norm2", 1.0, 2.0), ("norm1", 2.0, 1.0), ("norm_inf", 0.5, float("inf")),
                                      ("norm2_no_clip", 100.0, 2.0)]:
        grads = [torch.randn(3, 4, dtype=torch.float64), torch.randn(5, dtype=torch.float64)]
        params = [torch.zeros_like(g, requires_grad=True) for g in grads]
        for p, g in zip(params, grads):
            p.grad = g.clone()
        total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type)
        out.append({"name": name, "maxNorm": max_norm, "normType": "inf" if norm_type == float("inf") else norm_type,
                    "grads": [encode(g) for g in grads], "total": total.item(),
                    "clipped": [encode(p.grad) for p in params]})
    g = torch.randn(3, 4, dtype=torch.float64)
    p = torch.zeros_like(g, requires_grad=True)
    p.grad = g.clone()
    torch.nn.utils.clip_grad_value_([p], 0.5)
    out.append({"name": "value", "clipValue": 0.5, "grads": [encode(g)], "clipped": [encode(p.grad)]})
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "resources", "fixtures", "optim.json")
    doc = {"generator": "optim/src/test/python/gen_optim_fixtures.py", "torch": torch.__version__,
           "trajectories": trajectories(), "schedules": schedules(), "clipping": clipping()}
    with open(target, "w") as f:
        json.dump(doc, f)
        f.write("\n")
    print("wrote", len(doc["trajectories"]), "trajectories and", len(doc["schedules"]), "schedules to",
          os.path.normpath(target))


if __name__ == "__main__":
    main()
