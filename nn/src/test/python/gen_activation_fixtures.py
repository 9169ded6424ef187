"""Golden values for jgrad's activation layers and Embedding (io.jgrad.nn), computed by real PyTorch.

Run with Debian's PyTorch:  /usr/bin/python3 nn/src/test/python/gen_activation_fixtures.py
It writes nn/src/test/resources/fixtures/activations.json, which ActivationFixtureTest reads (CI never
needs Python). Each case: the torch.nn module class and its constructor options, its parameters as
PyTorch initialised them, the input (edge values first: 0, the kinks and thresholds, large values,
±inf, NaN, then random ones), the output, a random upstream gradient, and the gradients of
sum(output * upstream) for the input (when it is floating point) and every parameter. Every case is
recorded in float64 and float32.
"""
import json
import math
import os

import torch
import torch.nn as nn

from gen_layer_fixtures import record  # the same recording, encoding and per-case seeding as layers.json

F64, F32 = torch.float64, torch.float32
INF, NAN = math.inf, math.nan


def layer(name, cls, options, make_input):
    return [record(name, lambda: cls(**options), options, None, dt, make_input) for dt in (F64, F32)]


def edges(*values, random=12, scale=3.0):
    """The given edge values, then `random` normal values times `scale`, as a (rows, 4) float64 tensor."""
    def make(g):
        fixed = torch.tensor(values, dtype=F64)
        extra = torch.randn(random, generator=g, dtype=F64) * scale
        x = torch.cat([fixed, extra])
        pad = (-x.numel()) % 4
        return torch.cat([x, torch.randn(pad, generator=g, dtype=F64)]).reshape(-1, 4)
    return make


COMMON = (0.0, -0.0, 1e-12, -1e-12, 1e-5, -1e-5, 30.0, -30.0, 1e6, -1e6, INF, -INF, NAN)


def cases():
    out = []
    out += layer("silu", nn.SiLU, {}, edges(*COMMON, -1.2784645427610738, 1.0, -1.0))
    out += layer("gelu_tanh", nn.GELU, dict(approximate="tanh"), edges(*COMMON, 1.0, -1.0, -5.0, 5.0, 0.5))
    # The exact GELU, x·0.5·(1 + erf(x/sqrt(2))): the default constructor and the explicit 'none'.
    out += layer("gelu", nn.GELU, {}, edges(*COMMON, 1.0, -1.0, -5.0, 5.0, 0.5, -40.0, 40.0, -1e-310))
    out += layer("gelu_none", nn.GELU, dict(approximate="none"), edges(*COMMON, 0.84375 * 2 ** 0.5, -1.25 * 2 ** 0.5,
                                                                      -6.0 * 2 ** 0.5, 3.0, -3.0))
    out += layer("softplus", nn.Softplus, {}, edges(*COMMON, 20.0, -20.0, 20.000001, 19.999999, 40.0, 1.0))
    out += layer("softplus_beta", nn.Softplus, dict(beta=2, threshold=10), edges(*COMMON, 5.0, 4.999999, 5.000001, -5.0))
    out += layer("softplus_half_beta", nn.Softplus, dict(beta=0.5, threshold=3.5),
                 edges(*COMMON, 7.0, 6.9999, 7.0001, 3.5, -7.0))
    out += layer("elu", nn.ELU, {}, edges(*COMMON, 1.0, -1.0, -800.0, 800.0))
    out += layer("elu_alpha", nn.ELU, dict(alpha=0.5), edges(*COMMON, 1.0, -1.0, -2.5))
    out += layer("hardtanh", nn.Hardtanh, {}, edges(*COMMON, 1.0, -1.0, 0.999, -0.999, 1.001, -1.001, scale=1.5))
    out += layer("hardtanh_range", nn.Hardtanh, dict(min_val=-2.5, max_val=0.5),
                 edges(*COMMON, 0.5, -2.5, 0.49, -2.49, 0.51, -2.51, scale=2.0))
    # Embedding: repeated indices accumulate their gradients, the padding row gets none.
    out += layer("embedding", nn.Embedding, dict(num_embeddings=7, embedding_dim=3),
                 lambda g: torch.tensor([[0, 2, 2], [6, 2, 0]]))
    out += layer("embedding_padding", nn.Embedding, dict(num_embeddings=5, embedding_dim=4, padding_idx=1),
                 lambda g: torch.tensor([[1, 3, 1, 0], [4, 4, 1, 3]]))
    out += layer("embedding_negative_padding", nn.Embedding, dict(num_embeddings=4, embedding_dim=2, padding_idx=-1),
                 lambda g: torch.tensor([3, 0, 3, 2, 3]))
    out += layer("embedding_0d_index", nn.Embedding, dict(num_embeddings=3, embedding_dim=5), lambda g: torch.tensor(2))
    out += layer("embedding_3d_index", nn.Embedding, dict(num_embeddings=6, embedding_dim=2, padding_idx=0),
                 lambda g: torch.randint(0, 6, (2, 3, 4), generator=g))
    out += layer("embedding_empty_index", nn.Embedding, dict(num_embeddings=3, embedding_dim=2),
                 lambda g: torch.zeros(0, 2, dtype=torch.int64))
    return out


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "resources", "fixtures", "activations.json")
    with open(path, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases()}, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print("wrote", os.path.normpath(path))
