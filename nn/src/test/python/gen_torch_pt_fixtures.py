"""Writes the .pt fixtures TorchFilesTest reads, with torch 1.13's own torch.save.

Run from the repository root with /usr/bin/python3 (torch 1.13):
    /usr/bin/python3 nn/src/test/python/gen_torch_pt_fixtures.py
"""
import io
import json
import os
import pickle
import zipfile

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "pt")


def path(name):
    return os.path.join(OUT, name)


def entry(name):
    """A fixed timestamp, so rerunning the generator leaves the hand-built zips byte-identical."""
    return zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))


def mlp():
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    x = torch.randn(16, 4)
    y = torch.randint(0, 3, (16,))
    for _ in range(5):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
    torch.save(model.state_dict(), path("mlp.pt"))
    inputs = torch.randn(5, 4)
    with torch.no_grad():
        outputs = model(inputs)
    with open(path("mlp.json"), "w") as f:
        json.dump({"inputs": inputs.tolist(), "outputs": outputs.tolist()}, f, indent=1)


def dtypes():
    base = torch.arange(12, dtype=torch.float32).reshape(3, 4) / 8
    shared = torch.tensor([1.5, -2.0, 3.25, 4.0])
    torch.save({
        "f64": torch.tensor([[0.1, -2.5], [1e300, -0.0]], dtype=torch.float64),
        "i64": torch.tensor([-(2 ** 62), 7, 0], dtype=torch.int64),
        "bool": torch.tensor([True, False, True]),
        "transposed": base.t(),  # stride (1, 4): a view the reader must copy in logical order
        "narrowed": base[1:, 2:],  # storage_offset 6
        "scalar": torch.tensor(2.5),
        "empty": torch.zeros(0, 3),
        "a": shared,
        "b": shared[1:],  # shares a's storage
        "u8": torch.tensor([0, 200, 255], dtype=torch.uint8),
        "i32": torch.tensor([-5, 2 ** 31 - 1], dtype=torch.int32),
        "f16": torch.tensor([0.5, -1.25, 65504.0], dtype=torch.float16),
    }, path("dtypes.pt"))
    torch.save({
        "bf16": torch.tensor([1.5, -3.0e38, 2.0 ** -130], dtype=torch.bfloat16),
        "f16": torch.tensor([2.0 ** -24, -(2.0 ** -20), float("inf"), -0.0], dtype=torch.float16),
        "i16": torch.tensor([-32768, 32767], dtype=torch.int16),
        "i8": torch.tensor([-128, 127], dtype=torch.int8),
    }, path("narrow.pt"))
    torch.save({"c": torch.tensor([1 + 2j])}, path("complex.pt"))
    torch.save({"w": torch.ones(2), "lr": 0.1}, path("non_tensor.pt"))
    # A model's parameter saved directly goes through torch._utils._rebuild_parameter.
    torch.save({"p": torch.nn.Parameter(torch.tensor([1.0, 2.0]))}, path("parameter.pt"))
    # PyTorch < 1.6's format: a bare pickle stream starting with the magic number.
    torch.save({"w": torch.ones(2)}, path("legacy.pt"), _use_new_zipfile_serialization=False)


def malicious():
    """A zip shaped like a checkpoint whose data.pkl would run os.system if Python unpickled it.

    Written opcode by opcode and never unpickled here."""
    payload = (b"\x80\x02" + b"cos\nsystem\n" + b"X\x0b\x00\x00\x00echo pwned1" + b"\x85R" + b".")
    # builtins.eval and subprocess.Popen, same shape, to check each is named.
    ev = b"\x80\x02" + b"cbuiltins\neval\n" + b"X\x04\x00\x00\x001+1;" + b"\x85R."
    po = b"\x80\x02" + b"csubprocess\nPopen\n" + b"X\x02\x00\x00\x00ls" + b"\x85R."
    for name, pkl in (("malicious.pt", payload), ("eval.pt", ev), ("popen.pt", po)):
        with zipfile.ZipFile(path(name), "w", zipfile.ZIP_STORED) as z:
            z.writestr(entry("archive/data.pkl"), pkl)
            z.writestr(entry("archive/version"), "3\n")


def broken():
    """Archives that are valid zips but not valid checkpoints, derived from a real one."""
    buf = io.BytesIO()
    torch.save({"w": torch.arange(4, dtype=torch.float32)}, buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    entries = {n: src.read(n) for n in src.namelist()}
    prefix = next(n for n in entries if n.endswith("data.pkl"))[: -len("data.pkl")]

    def write(name, files):
        with zipfile.ZipFile(path(name), "w", zipfile.ZIP_STORED) as z:
            for n, data in files.items():
                z.writestr(entry(n), data)

    write("no_data_pkl.pt", {n: d for n, d in entries.items() if not n.endswith("data.pkl")})
    write("missing_storage.pt", {n: d for n, d in entries.items() if "/data/" not in n})
    write("short_storage.pt", {n: (d[:8] if "/data/" in n else d) for n, d in entries.items()})
    write("big_endian.pt", {**entries, prefix + "byteorder": b"big"})
    write("little_endian.pt", {**entries, prefix + "byteorder": b"little"})


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    assert torch.__version__.startswith("1.13"), torch.__version__
    mlp()
    dtypes()
    malicious()
    broken()
    for f in sorted(os.listdir(OUT)):
        print(f, os.path.getsize(path(f)))
