"""Fixtures for jgrad's safetensors interop tests, computed by PyTorch 1.13.

    /usr/bin/python3 nn/src/test/python/gen_safetensors_fixtures.py
        trains torch.nn.Sequential(Linear(4, 8), ReLU(), Linear(8, 3)) a few steps and writes
        fixtures/pytorch_mlp.safetensors (its state dict) and fixtures/pytorch_mlp.json
        (inputs and PyTorch's float32 outputs), which PyTorchSafeTensorsTest reproduces in jgrad.

    /usr/bin/python3 nn/src/test/python/gen_safetensors_fixtures.py --check fixtures/jgrad_mlp.safetensors
        loads a file jgrad wrote (with jgrad_mlp.json beside it: inputs and jgrad's outputs) into the
        same PyTorch architecture, checks PyTorch's outputs against jgrad's to 1e-6, and writes them to
        jgrad_mlp.pytorch.json, which the Java test compares so CI never needs Python.

The safetensors reader and writer are written out here because the safetensors package is not
assumed to be installed; they follow the format's specification.
"""
import argparse
import json
import os
import struct

import torch

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures")
DTYPES = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64", torch.bool: "BOOL"}
FROM_CODE = {v: k for k, v in DTYPES.items()}


def save_file(tensors, path, metadata=None):
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = metadata
    for name, t in tensors.items():
        data = t.detach().contiguous().numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
    raw += b" " * (-len(raw) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)) + raw + b"".join(blobs))


def load_file(path):
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    data = blob[8 + n:]
    out = {}
    for name, e in header.items():
        begin, end = e["data_offsets"]
        dtype = FROM_CODE[e["dtype"]]
        t = torch.frombuffer(bytearray(data[begin:end]), dtype=dtype) if end > begin else torch.empty(0, dtype=dtype)
        out[name] = t.reshape(e["shape"])
    return out, metadata


def model():
    return torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))


def generate():
    torch.manual_seed(0)
    net = model()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    x, y = torch.randn(16, 4), torch.randn(16, 3)
    for _ in range(5):
        opt.zero_grad()
        torch.nn.functional.mse_loss(net(x), y).backward()
        opt.step()
    inputs = torch.randn(6, 4)
    with torch.no_grad():
        outputs = net(inputs)
    save_file(net.state_dict(), os.path.join(FIXTURES, "pytorch_mlp.safetensors"), {"format": "pt"})
    write_json(os.path.join(FIXTURES, "pytorch_mlp.json"), {"inputs": inputs, "outputs": outputs})


def write_json(path, tensors):
    with open(path, "w") as f:
        json.dump({k: v.double().tolist() for k, v in tensors.items()}, f, indent=1)
        f.write("\n")


def check(path):
    state, metadata = load_file(path)
    with open(os.path.splitext(path)[0] + ".json") as f:
        fixture = json.load(f)
    net = model()
    net.load_state_dict(state, strict=True)
    inputs = torch.tensor(fixture["inputs"], dtype=torch.float32)
    with torch.no_grad():
        outputs = net(inputs)
    diff = (outputs.double() - torch.tensor(fixture["outputs"], dtype=torch.float64)).abs().max().item()
    print("metadata", metadata, "max |pytorch - jgrad| =", diff)
    assert diff <= 1e-6, diff
    write_json(os.path.splitext(path)[0] + ".pytorch.json", {"outputs": outputs})


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", metavar="FILE", help="a jgrad-written safetensors file to check in PyTorch")
    args = parser.parse_args()
    check(args.check) if args.check else generate()
