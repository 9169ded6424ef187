"""Golden values for jgrad's layers (io.jgrad.nn), computed by real PyTorch.

Run with Debian's PyTorch:  /usr/bin/python3 nn/src/test/python/gen_layer_fixtures.py
It writes nn/src/test/resources/fixtures/layers.json, which LayerFixtureTest reads (CI never needs
Python). Each case: the torch.nn module class and the options it was built with (or a functional),
its parameters as PyTorch initialised them (jgrad copies them in), the input, the output, a random
upstream gradient, and the gradients of sum(output * upstream) for the input and every parameter.
Every case is recorded in float64 and float32.
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

F64, F32 = torch.float64, torch.float32


def encode(t):
    t = t.detach()
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "data": t.flatten().tolist()}


def seeded(name):
    # Each case draws from its own generator, so adding a case leaves the others' numbers unchanged.
    return torch.Generator().manual_seed(sum(ord(ch) * 31 ** i for i, ch in enumerate(name)) % (2 ** 31))


def record(name, build, options, shape, dtype, make_input=None):
    g = seeded(name)
    torch.manual_seed(g.initial_seed())
    module = build().to(dtype)
    x = make_input(g) if make_input else torch.randn(*shape, generator=g, dtype=F64)
    if x.is_floating_point():  # integer input (Embedding's indices) keeps its dtype and has no gradient
        x = x.to(dtype).requires_grad_(True)
    out = module(x)
    upstream = (torch.rand(out.shape, generator=g, dtype=F64) * 2 - 1).to(dtype)
    params = dict(module.named_parameters())
    wrt = ([x] if x.requires_grad else []) + list(params.values())
    grads = list(torch.autograd.grad((out * upstream).sum(), wrt))
    case = {
        "name": name + "_" + str(dtype).replace("torch.", ""),
        "layer": type(module).__name__,
        "options": options,
        "params": {k: encode(v) for k, v in params.items()},
        "input": encode(x),
        "output": encode(out),
        "upstream": encode(upstream),
    }
    if x.requires_grad:
        case["input_grad"] = encode(grads[0])
    case["param_grads"] = {k: encode(v) for k, v in zip(params, grads[-len(params):] if params else [])}
    case["repr"] = repr(module)
    return case


def layer(name, cls, options, shape, make_input=None):
    """A module case in both dtypes; options are the constructor's keyword arguments."""
    return [record(name, lambda: cls(**options), options, shape, dt, make_input) for dt in (F64, F32)]


class Unfold(nn.Module):
    """F.unfold as a module, so functional cases share the recording."""

    def __init__(self, **kw):
        super().__init__()
        self.kw = kw

    def forward(self, x):
        return F.unfold(x, **self.kw)


def cases():
    out = []
    # Convolutions: every option, rectangular kernels, groups, unbatched input, no bias.
    out += layer("conv2d_basic", nn.Conv2d, dict(in_channels=2, out_channels=3, kernel_size=3), (2, 2, 5, 6))
    out += layer("conv2d_pad_stride", nn.Conv2d, dict(in_channels=2, out_channels=4, kernel_size=3, stride=2, padding=1),
                 (2, 2, 7, 6))
    out += layer("conv2d_rect", nn.Conv2d, dict(in_channels=3, out_channels=2, kernel_size=[2, 3], stride=[1, 2],
                                                padding=[1, 0], dilation=[2, 1]), (2, 3, 6, 7))
    out += layer("conv2d_groups", nn.Conv2d, dict(in_channels=4, out_channels=6, kernel_size=2, groups=2, bias=False),
                 (2, 4, 4, 5))
    out += layer("conv2d_depthwise", nn.Conv2d, dict(in_channels=3, out_channels=3, kernel_size=3, padding=1, groups=3),
                 (1, 3, 4, 4))
    out += layer("conv2d_unbatched", nn.Conv2d, dict(in_channels=2, out_channels=2, kernel_size=2), (2, 3, 3))
    out += layer("conv2d_1x1", nn.Conv2d, dict(in_channels=3, out_channels=2, kernel_size=1), (2, 3, 2, 2))
    # Stride 1 takes the CPU device's shifted-product path; dilation and groups there too, and inf in the
    # input, where the weight gradient falls back to im2col
    # (at least 16 channels per group: fewer take im2col).
    out += layer("conv2d_dilated_groups", nn.Conv2d, dict(in_channels=32, out_channels=4, kernel_size=3, padding=2,
                                                          dilation=2, groups=2), (2, 32, 6, 5))
    out += layer("conv2d_wide_rect", nn.Conv2d, dict(in_channels=16, out_channels=3, kernel_size=(2, 3), padding=(0, 1)),
                 (2, 16, 4, 5))

    def inf_pixel(g):
        x = torch.randn(2, 16, 5, 5, generator=g, dtype=F64)
        x[1, 3, 2, 4] = float("inf")
        return x

    out += layer("conv2d_inf_input", nn.Conv2d, dict(in_channels=16, out_channels=2, kernel_size=3, padding=1),
                 (2, 16, 5, 5), inf_pixel)
    out += layer("conv1d_basic", nn.Conv1d, dict(in_channels=2, out_channels=3, kernel_size=3), (2, 2, 8))
    out += layer("conv1d_options", nn.Conv1d, dict(in_channels=4, out_channels=2, kernel_size=2, stride=2, padding=2,
                                                   dilation=2, groups=2), (3, 4, 9))
    out += layer("conv1d_unbatched", nn.Conv1d, dict(in_channels=2, out_channels=2, kernel_size=3, bias=False), (2, 5))
    out += layer("unfold", Unfold, dict(kernel_size=[2, 3], dilation=[1, 2], padding=[1, 1], stride=[2, 1]), (2, 2, 5, 6))
    # Pooling: ties go to the first element of a window, NaN propagates, padding never wins.
    ties = lambda g: torch.randint(0, 3, (2, 2, 6, 6), generator=g).to(F64)

    def with_nan(g):
        x = torch.randn(1, 2, 4, 4, generator=g, dtype=F64)
        x[0, 0, 1, 2] = float("nan")
        x[0, 1, 3, 3] = float("-inf")
        return x

    out += layer("maxpool2d_basic", nn.MaxPool2d, dict(kernel_size=2), (2, 3, 6, 7))
    out += layer("maxpool2d_pad_stride", nn.MaxPool2d, dict(kernel_size=3, stride=2, padding=1), (2, 2, 7, 6))
    out += layer("maxpool2d_rect_dilation", nn.MaxPool2d, dict(kernel_size=(2, 3), stride=(1, 2), padding=(1, 1),
                                                               dilation=(2, 1)), (1, 2, 6, 7))
    out += layer("maxpool2d_overlap_ties", nn.MaxPool2d, dict(kernel_size=3, stride=1), (2, 2, 6, 6), ties)
    out += layer("maxpool2d_nan_inf", nn.MaxPool2d, dict(kernel_size=2), (1, 2, 4, 4), with_nan)
    out += layer("maxpool2d_unbatched", nn.MaxPool2d, dict(kernel_size=2, stride=1), (2, 3, 4))
    # PyTorch's CPU kernel: only inside positions count, and any NaN takes over (so the last of several).
    def nan_twice(g):
        x = torch.randn(1, 1, 4, 4, generator=g, dtype=F64)
        x[0, 0, 0, 1] = x[0, 0, 1, 0] = float("nan")
        return x

    def neg_inf_corner(g):
        x = torch.randn(1, 1, 5, 5, generator=g, dtype=F64)
        x[0, 0, :2, :2] = float("-inf")
        return x

    out += layer("maxpool2d_nan_twice", nn.MaxPool2d, dict(kernel_size=2), (1, 1, 4, 4), nan_twice)
    out += layer("maxpool2d_neg_inf_padding", nn.MaxPool2d, dict(kernel_size=3, stride=1, padding=1), (1, 1, 5, 5),
                 neg_inf_corner)
    out += layer("maxpool2d_dilation_padding", nn.MaxPool2d, dict(kernel_size=3, stride=2, padding=1, dilation=2), (2, 2, 9, 8))
    out += layer("avgpool2d_basic", nn.AvgPool2d, dict(kernel_size=2), (2, 3, 6, 7))
    out += layer("avgpool2d_pad_include", nn.AvgPool2d, dict(kernel_size=3, stride=2, padding=1), (2, 2, 7, 6))
    out += layer("avgpool2d_pad_exclude", nn.AvgPool2d, dict(kernel_size=3, stride=2, padding=1,
                                                            count_include_pad=False), (2, 2, 7, 6))
    out += layer("avgpool2d_rect_unbatched", nn.AvgPool2d, dict(kernel_size=(2, 3), stride=(1, 2), padding=(1, 1),
                                                               count_include_pad=False), (2, 5, 6))
    out += layer("adaptiveavgpool2d_1", nn.AdaptiveAvgPool2d, dict(output_size=1), (2, 3, 5, 7))
    out += layer("adaptiveavgpool2d_rect", nn.AdaptiveAvgPool2d, dict(output_size=(3, 2)), (2, 2, 5, 7))
    out += layer("adaptiveavgpool2d_upsample", nn.AdaptiveAvgPool2d, dict(output_size=(7, 4)), (1, 2, 5, 3))
    out += layer("adaptiveavgpool2d_unbatched", nn.AdaptiveAvgPool2d, dict(output_size=3), (2, 6, 7))
    out += layernorm_cases()
    return out


# --- normalization layers ---

def randomized(cls):
    """The layer with its affine parameters drawn in [-1.5, 1.5] (PyTorch starts at ones and zeros, which hide a
    wrong weight or bias), from the global generator record() seeds."""

    def build(**options):
        module = cls(**options)
        with torch.no_grad():
            for p in module.parameters():
                p.uniform_(-1.5, 1.5)
        return module

    return build


def layernorm_cases():
    def constant_rows(g):
        x = torch.randn(3, 4, generator=g, dtype=F64)
        x[1] = 2.5  # zero variance: eps alone keeps the division finite
        return x

    out = layer("layernorm_last", randomized(nn.LayerNorm), dict(normalized_shape=[5]), (3, 5))
    out += layer("layernorm_two_dims", randomized(nn.LayerNorm), dict(normalized_shape=[3, 4], eps=1e-3), (2, 2, 3, 4))
    out += layer("layernorm_no_affine", nn.LayerNorm, dict(normalized_shape=[6], elementwise_affine=False), (4, 6))
    out += layer("layernorm_constant_row", randomized(nn.LayerNorm), dict(normalized_shape=[4]), (3, 4), constant_rows)
    out += layer("layernorm_one_element", randomized(nn.LayerNorm), dict(normalized_shape=[1]), (3, 1))
    return out


def norm_run(name, cls, options, modes, dtype):
    """Batch norm over several steps: per step, train or eval, a fresh input, the output, the gradients of
    sum(output * upstream) and the buffers afterwards. The initial state dict (random affine parameters) is
    recorded so jgrad loads it, which also checks its keys equal PyTorch's."""
    g = seeded(name)
    torch.manual_seed(g.initial_seed())
    module = randomized(cls)(**options).to(dtype)
    state = {k: encode(v) for k, v in module.state_dict().items()}
    steps = []
    for mode, shape in modes:
        module.train(mode == "train")
        x = torch.randn(*shape, generator=g, dtype=F64).to(dtype).requires_grad_(True)
        out = module(x)
        upstream = (torch.rand(out.shape, generator=g, dtype=F64) * 2 - 1).to(dtype)
        params = dict(module.named_parameters())
        grads = torch.autograd.grad((out * upstream).sum(), [x] + list(params.values()))
        steps.append({"training": mode == "train", "input": encode(x), "output": encode(out),
                      "upstream": encode(upstream), "input_grad": encode(grads[0]),
                      "param_grads": {k: encode(v) for k, v in zip(params, grads[1:])},
                      "buffers": {k: encode(v) for k, v in module.named_buffers()}})
    return {"name": name + "_" + str(dtype).replace("torch.", ""), "layer": type(module).__name__,
            "options": options, "state": state, "steps": steps, "repr": repr(module)}


def norm_cases():
    out = []

    def both(name, cls, options, modes):
        out.extend(norm_run(name, cls, options, modes, dt) for dt in (F64, F32))

    t, e = "train", "eval"
    s4 = (4, 3, 3, 5)
    both("bn2d_default", nn.BatchNorm2d, dict(num_features=3), [(t, s4), (t, s4), (t, s4), (e, s4), (e, (2, 3, 2, 2))])
    both("bn2d_eval_first", nn.BatchNorm2d, dict(num_features=2, eps=1e-3, momentum=0.3),
         [(e, (2, 2, 3, 3)), (t, (3, 2, 2, 4)), (t, (1, 2, 3, 3)), (e, (2, 2, 3, 3))])
    both("bn2d_cumulative", nn.BatchNorm2d, dict(num_features=3, momentum=None), [(t, s4), (t, s4), (t, s4), (e, s4)])
    both("bn2d_no_affine", nn.BatchNorm2d, dict(num_features=3, affine=False), [(t, s4), (t, s4), (e, s4)])
    both("bn2d_no_track", nn.BatchNorm2d, dict(num_features=3, track_running_stats=False), [(t, s4), (e, s4)])
    both("bn1d_2d_input", nn.BatchNorm1d, dict(num_features=4), [(t, (6, 4)), (t, (2, 4)), (t, (5, 4)), (e, (3, 4))])
    both("bn1d_3d_input", nn.BatchNorm1d, dict(num_features=3, eps=1e-4, momentum=0.5),
         [(t, (4, 3, 5)), (t, (1, 3, 2)), (e, (2, 3, 5)), (e, (1, 3, 1))])
    both("bn1d_no_track_no_affine", nn.BatchNorm1d, dict(num_features=2, affine=False, track_running_stats=False),
         [(t, (3, 2)), (e, (4, 2, 3))])
    return out


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "resources", "fixtures", "layers.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases(), "norm_cases": norm_cases()}, f, indent=None,
                  separators=(",", ":"))
        f.write("\n")
    print("wrote", os.path.normpath(path))
