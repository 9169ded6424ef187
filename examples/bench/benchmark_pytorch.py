"""PyTorch half of the jgrad benchmark.

Measures, in float32 with a fixed number of intra-op threads:
  (a) per-op overhead of a 600-op chain of tiny (4-element) ops, with
      autograd (forward + sum + backward) and under torch.no_grad();
  (b) steps/second of a plain-tensor 784-256-10 MLP forward+backward
      (relu, log_softmax cross-entropy) at several batch sizes;
  (c) steps/second of the full training step users run: nn.Sequential
      784-256-10 MLP, CrossEntropyLoss, backward, Adam(lr=1e-3).step(),
      zero_grad(), on a fixed random batch, at the same batch sizes;
  (d) Fashion-MNIST: 5 epochs of that MLP at batch 128 (the recipe of
      io.jgrad.examples.TrainFashionMnist), wall time and test accuracy;
  (e) Fashion-MNIST CNN: the first --cnn-batches batches of one epoch of
      io.jgrad.examples.TrainFashionMnistCnn's recipe (two conv blocks with
      BatchNorm, ReLU and max-pooling, a linear head, Adam 1e-3, batch 128),
      without the test evaluation, their time scaled to the whole epoch.

Every rate is timed the same way as on the Java side (BenchmarkJgrad.Timer):
run the step for --warmup seconds; on first use fix the step count as the
steps that fit in one --window at the median warm-up step time (so every
repeat and every round does the same work); then take the median of
--repeats timed runs of that many steps.

The Java twin is io.jgrad.examples.BenchmarkJgrad, which must do identical
work so the numbers are comparable. io.jgrad.examples.Benchmark runs this
script as one long-lived subprocess with --serve: stdout carries exactly one
JSON line describing the environment, then one JSON line of results for each
"round" line read on stdin; progress goes to stderr. Without --serve it runs
one round and prints environment and results as one JSON line.

Usage: /usr/bin/python3 examples/bench/benchmark_pytorch.py [--quick]
           [--threads 2] [--repeats 7] [--warmup 2] [--window 0.5]
           [--batches 32,128,1024] [--epochs 5] [--cnn-batches 50]
           [--fashion-mnist DIR | --no-fashion-mnist] [--serve]
"""
import argparse
import ctypes
import gzip
import json
import math
import os
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn
from torch.utils.data import BatchSampler, DataLoader, RandomSampler, TensorDataset

DEBIAN_FASHION_MNIST = "/usr/share/datasets/fashion-mnist"
FASHION_MNIST_FILES = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                       "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


class Timer:
    """Warm-up, a step count fixed on first use of a key (a window's worth at the
    median warm-up call, which a burst of load on the machine hardly moves),
    median of repeats."""

    def __init__(self, warmup, window, repeats):
        self.warmup, self.window, self.repeats = warmup, window, repeats
        self.steps = {}

    def rate(self, key, body):
        """Median calls of body per second."""
        calls = []  # seconds per warm-up call
        end = time.perf_counter() + self.warmup
        while True:
            t0 = time.perf_counter()
            body()
            calls.append(time.perf_counter() - t0)
            if time.perf_counter() >= end:
                break
        # The steps that fit in one window at the median warm-up call, counted in the first round only.
        if key not in self.steps:
            self.steps[key] = max(5, int(self.window / statistics.median(calls)))
        n = self.steps[key]
        rates = []
        for _ in range(self.repeats):
            t0 = time.perf_counter()
            for _ in range(n):
                body()
            rates.append(n / (time.perf_counter() - t0))
        log(f"  {key}: {n} steps/repeat, {[round(r, 1) for r in rates]} /s")
        return statistics.median(rates)


# (a) tiny-op chain

def tiny_chain(grad):
    x = torch.randn(4, requires_grad=grad)
    y = x
    for _ in range(200):
        y = y * 1.0001
        y = y + 0.001
        y = torch.tanh(y)
    if grad:
        y.sum().backward()


# (b) plain-tensor MLP forward+backward

def linear_params(fan_in, fan_out):
    # Same init as nn.Linear (uniform +-1/sqrt(fan_in)), kept as bare tensors
    # so both sides do only the listed ops.
    bound = 1.0 / math.sqrt(fan_in)
    w = torch.empty(fan_in, fan_out).uniform_(-bound, bound).requires_grad_()
    b = torch.empty(fan_out).uniform_(-bound, bound).requires_grad_()
    return w, b


def mlp_fwd_bwd(batch):
    W1, b1 = linear_params(784, 256)
    W2, b2 = linear_params(256, 10)
    params = (W1, b1, W2, b2)
    x = torch.randn(batch, 784)
    y = torch.randint(0, 10, (batch,))

    def step():
        h = (x @ W1 + b1).relu()
        logits = h @ W2 + b2
        loss = -logits.log_softmax(1).gather(1, y.unsqueeze(1)).mean()
        loss.backward()
        for p in params:
            p.grad = None

    return step


# (c) full training step

def mlp():
    return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))


def training_step(batch):
    model = mlp()
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(batch, 784)
    y = torch.randint(0, 10, (batch,))

    def step():
        # PyTorch 1.13's default is set_to_none=False (zeroing in place); jgrad's zeroGrad(),
        # like PyTorch 2's, drops the gradients.
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()

    return step


# (d) Fashion-MNIST

def read_idx(path):
    """An IDX gz file of unsigned bytes as a numpy array of its shape."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load_fashion_mnist(folder):
    """(train images, train labels, test images, test labels) as jgrad's FashionMnist
    has them: N x 28 x 28 float32 in [0, 1] (pixel / 255, no normalisation), int64
    labels; or None when a file is missing."""
    paths = [os.path.join(folder, f) for f in FASHION_MNIST_FILES]
    if not all(os.path.isfile(p) for p in paths):
        return None
    arrays = [read_idx(p) for p in paths]
    return (torch.from_numpy(arrays[0].astype(np.float32)) / 255, torch.from_numpy(arrays[1].astype(np.int64)),
            torch.from_numpy(arrays[2].astype(np.float32)) / 255, torch.from_numpy(arrays[3].astype(np.int64)))


def cnn():
    """TrainFashionMnistCnn's network: 1x28x28 -> 32x14x14 -> 64x7x7 -> 10."""
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 10))


def mlp_input(images):
    return images.flatten(1)


def cnn_input(images):
    return images.unsqueeze(1)  # N x 28 x 28 -> N x 1 x 28 x 28, one channel


def train_fashion_mnist(data, epochs, model_fn=mlp, to_input=mlp_input, lr=1e-3, batch=128, seed=0,
                        max_batches=None, evaluate=True, cosine=False):
    """TrainFashionMnist.train (and, with cnn and cnn_input, TrainFashionMnistCnn.train):
    seconds over all epochs (with the per-epoch test evaluation unless evaluate is false),
    the mean train loss and the test accuracy after each epoch. The model is initialised
    from torch.manual_seed(seed) and the batches are shuffled by a generator seeded
    seed + 1, as on the Java side; max_batches stops each epoch early; cosine anneals the learning
    rate to 0 over the epochs (CosineAnnealingLR(T_max=epochs), stepped after each epoch), as the
    CNN example does."""
    train_x, train_y, test_x, test_y = data
    torch.manual_seed(seed)
    shuffle = torch.Generator().manual_seed(seed + 1)
    model = model_fn()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=epochs) if cosine else None
    criterion = nn.CrossEntropyLoss()
    # Reshuffled every epoch; each batch is gathered with one index op, as jgrad's DataLoader does
    # (a per-sample default collate would add Python overhead that is no part of the comparison).
    # The last, partial batch is kept (drop_last=False), as there.
    train = TensorDataset(train_x, train_y)
    loader = DataLoader(train, batch_size=None,
                        sampler=BatchSampler(RandomSampler(train, generator=shuffle), batch, drop_last=False))
    losses, accuracies = [], []
    start = time.perf_counter()
    for _ in range(epochs):
        model.train()
        total, seen = 0.0, 0
        for i, (xb, yb) in enumerate(loader):
            if max_batches is not None and i == max_batches:
                break
            optimizer.zero_grad(set_to_none=True)  # as in training_step
            loss = criterion(model(to_input(xb)), yb)
            loss.backward()
            optimizer.step()
            total += loss.item() * xb.shape[0]
            seen += xb.shape[0]
        losses.append(total / seen)
        if scheduler is not None:
            scheduler.step()
        if evaluate:
            accuracies.append(accuracy(model, test_x, test_y, to_input))
    return time.perf_counter() - start, losses, accuracies


def accuracy(model, test_x, test_y, to_input=mlp_input):
    model.eval()
    with torch.no_grad():
        # In chunks, so the CNN's activations for 10,000 images need not be held at once.
        predicted = torch.cat([model(to_input(x)).argmax(1) for x in test_x.split(1000)])
        return (predicted == test_y).float().mean().item()


# one round: the same rows, in the same order, as BenchmarkJgrad.round()

def run_round(args, timer, data):
    r = {}
    log("PyTorch: tiny-op chain ...")
    r["tiny_fwd_bwd_us_per_op"] = 1e6 / (600 * timer.rate("tiny_fwd_bwd", lambda: tiny_chain(True)))
    # no_grad wraps the whole measurement so no graph is recorded at all.
    with torch.no_grad():
        r["tiny_nograd_us_per_op"] = 1e6 / (600 * timer.rate("tiny_nograd", lambda: tiny_chain(False)))
    for b in args.batches:
        log(f"PyTorch: MLP forward+backward, batch {b} ...")
        r[f"mlp_fwd_bwd_steps_per_s_{b}"] = timer.rate(f"mlp_fwd_bwd_{b}", mlp_fwd_bwd(b))
    for b in args.batches:
        log(f"PyTorch: training step, batch {b} ...")
        r[f"train_step_steps_per_s_{b}"] = timer.rate(f"train_step_{b}", training_step(b))
    if data is None:
        r["fashion_mnist_seconds"] = r["fashion_mnist_accuracy"] = None
    else:
        log(f"PyTorch: Fashion-MNIST, {args.epochs} epoch(s) ...")
        seconds, losses, accuracies = train_fashion_mnist(data, args.epochs)
        log(f"  {seconds:.1f} s, train loss {[round(x, 4) for x in losses]}, "
            f"test accuracy {[round(a, 4) for a in accuracies]}")
        r["fashion_mnist_seconds"] = seconds
        r["fashion_mnist_accuracy"] = accuracies[-1]
    if data is None or args.cnn_batches == 0:
        r["cnn_epoch_seconds"] = None
    else:
        log(f"PyTorch: Fashion-MNIST CNN, the first {args.cnn_batches} batches of an epoch ...")
        seconds, losses, _ = train_fashion_mnist(data, 1, cnn, cnn_input, max_batches=args.cnn_batches, cosine=True,
                                                 evaluate=False)
        log(f"  {seconds:.1f} s, train loss {losses[0]:.4f}")
        epoch_batches = math.ceil(len(data[0]) / 128)
        r["cnn_epoch_seconds"] = seconds / min(args.cnn_batches, epoch_batches) * epoch_batches
    return r


# environment

def loaded_blas():
    """Real paths of the BLAS libraries mapped into this process (after one GEMM)."""
    # The Debian package can resolve libblas.so.3 to several providers via
    # alternatives; only the process maps show which one is really in use.
    torch.randn(64, 64) @ torch.randn(64, 64)
    paths = set()
    with open("/proc/self/maps") as f:
        for line in f:
            parts = line.split(None, 5)
            if len(parts) == 6 and "blas" in os.path.basename(parts[5]).lower():
                paths.add(os.path.realpath(parts[5].strip()))
    return sorted(paths)


def openblas_info(paths):
    """Core, build configuration and threads of the loaded OpenBLAS, asked through its own API."""
    for path in paths:
        if "openblas" not in os.path.basename(path).lower():
            continue
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            lib.openblas_get_config.restype = ctypes.c_char_p
            return {"path": path, "core": lib.openblas_get_corename().decode(),
                    "config": lib.openblas_get_config().decode().strip(),
                    "threads": lib.openblas_get_num_threads()}
        except (OSError, AttributeError) as e:
            log(f"cannot query OpenBLAS in {path}: {e}")
    return None


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform
    return platform.processor() or platform.machine()


def environment(args, fashion_mnist):
    blas = loaded_blas()
    return {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "blas": blas,
        "openblas": openblas_info(blas),
        "openblas_env": {v: os.environ.get(v) for v in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")},
        "cpu": cpu_model(),
        "fashion_mnist": fashion_mnist,
        "repeats": args.repeats, "warmup": args.warmup, "window": args.window, "epochs": args.epochs,
        "cnn_batches": args.cnn_batches,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: defaults of 3 repeats, 0.5 s warm-up, 0.1 s windows, 1 epoch")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int)
    ap.add_argument("--warmup", type=float, help="seconds of warm-up before each measurement")
    ap.add_argument("--window", type=float, help="seconds one timed repeat lasts, roughly")
    ap.add_argument("--batches", default="32,128,1024")
    ap.add_argument("--epochs", type=int, help="Fashion-MNIST epochs (5; 1 with --quick)")
    ap.add_argument("--cnn-batches", type=int, default=50,
                    help="CNN row: training batches timed (0 skips the row)")
    ap.add_argument("--fashion-mnist", default=DEBIAN_FASHION_MNIST, metavar="DIR",
                    help="folder with the four IDX gz files")
    ap.add_argument("--no-fashion-mnist", action="store_true")
    ap.add_argument("--serve", action="store_true",
                    help="print the environment, then run one round per 'round' line on stdin")
    args = ap.parse_args()
    quick = args.quick
    args.repeats = args.repeats or (3 if quick else 7)
    args.warmup = args.warmup if args.warmup is not None else (0.5 if quick else 2.0)
    args.window = args.window or (0.1 if quick else 0.5)
    args.epochs = args.epochs or (1 if quick else 5)
    args.batches = [int(b) for b in args.batches.split(",") if b.strip()]

    torch.set_num_threads(args.threads)
    torch.set_default_dtype(torch.float32)
    torch.manual_seed(0)

    data, fashion_mnist = None, None
    if args.no_fashion_mnist:
        log("PyTorch: Fashion-MNIST row skipped (--no-fashion-mnist)")
    else:
        data = load_fashion_mnist(args.fashion_mnist)
        if data is None:
            log(f"PyTorch: Fashion-MNIST row skipped: the full data set ({', '.join(FASHION_MNIST_FILES)}) "
                f"is not in {args.fashion_mnist} ('apt-get install dataset-fashion-mnist')")
        else:
            fashion_mnist = args.fashion_mnist

    env = environment(args, fashion_mnist)
    log(f"PyTorch {env['torch']}, {env['threads']} threads, BLAS {env['blas']}, OpenBLAS {env['openblas']}")
    timer = Timer(args.warmup, args.window, args.repeats)
    if not args.serve:
        env.update(run_round(args, timer, data))
        print(json.dumps(env), flush=True)
        return
    print(json.dumps(env), flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "round":
            print(json.dumps(run_round(args, timer, data)), flush=True)
        elif command == "quit":
            break
        elif command:
            log(f"benchmark_pytorch.py: unknown command {command!r} (expected 'round' or 'quit')")
            sys.exit(2)


if __name__ == "__main__":
    main()
