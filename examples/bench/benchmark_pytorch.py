"""PyTorch reference half of the jgrad benchmark.

Measures, in float32 with a fixed number of intra-op threads:
  (a) per-op overhead of a 600-op chain of tiny (4-element) ops, with
      autograd (forward + sum + backward) and under torch.no_grad();
  (b) steps/second of a plain-tensor 784-256-10 MLP forward+backward
      (relu, log_softmax cross-entropy) at several batch sizes.

The Java twin is io.jgrad.examples.Benchmark, which must do identical work so
the numbers are comparable. It runs this script as a subprocess, so stdout
carries exactly one JSON line; everything else goes to stderr.

Usage: /usr/bin/python3 examples/bench/benchmark_pytorch.py
           [--threads 2] [--repeats 7] [--batches 32,128,1024] [--quick]
"""
import argparse
import json
import math
import statistics
import sys
import time

import torch


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def tiny_chain(grad):
    x = torch.randn(4, requires_grad=grad)
    y = x
    for _ in range(200):
        y = y * 1.0001
        y = y + 0.001
        y = torch.tanh(y)
    if grad:
        y.sum().backward()


def bench_tiny(repeats, chains):
    results = {}
    for grad in (True, False):
        # no_grad must wrap the whole chain so no graph is recorded at all.
        ctx = torch.enable_grad() if grad else torch.no_grad()
        with ctx:
            for _ in range(max(20, chains // 10)):
                tiny_chain(grad)
            times = []
            for _ in range(repeats):
                t0 = time.perf_counter()
                for _ in range(chains):
                    tiny_chain(grad)
                times.append((time.perf_counter() - t0) / (chains * 600) * 1e6)
        results[grad] = statistics.median(times)
        log(f"tiny grad={grad}: {[round(t, 3) for t in times]} us/op")
    return results[True], results[False]


def linear_params(fan_in, fan_out):
    # Same init as nn.Linear (uniform +-1/sqrt(fan_in)), kept as bare tensors
    # so both sides do only the listed ops.
    bound = 1.0 / math.sqrt(fan_in)
    w = torch.empty(fan_in, fan_out).uniform_(-bound, bound).requires_grad_()
    b = torch.empty(fan_out).uniform_(-bound, bound).requires_grad_()
    return w, b


def bench_mlp(batch, repeats, window):
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

    for _ in range(10):
        step()
    # Calibrate on the second half of warm-up, after first-call allocation costs.
    t0 = time.perf_counter()
    for _ in range(10):
        step()
    per_step = (time.perf_counter() - t0) / 10
    # Fix the step count once so every repeat does the same work.
    n = max(5, int(window / per_step))
    rates = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(n):
            step()
        rates.append(n / (time.perf_counter() - t0))
    log(f"mlp B={batch}: {n} steps/repeat, {[round(r, 1) for r in rates]} steps/s")
    return statistics.median(rates)


def loaded_blas():
    # The Debian package can resolve libblas.so.3 to several providers via
    # alternatives; only the process maps show which one is really in use.
    torch.randn(64, 64) @ torch.randn(64, 64)
    paths = set()
    with open("/proc/self/maps") as f:
        for line in f:
            parts = line.split(None, 5)
            if len(parts) == 6 and "blas" in parts[5].lower():
                paths.add(parts[5].strip())
    return sorted(paths)


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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--batches", default="32,128,1024")
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: 3 repeats, short timing windows")
    args = ap.parse_args()

    repeats = 3 if args.quick else args.repeats
    chains = 20 if args.quick else 200
    window = 0.1 if args.quick else 0.5
    batches = [int(b) for b in args.batches.split(",") if b.strip()]

    torch.set_num_threads(args.threads)
    torch.set_default_dtype(torch.float32)
    torch.manual_seed(0)

    blas = loaded_blas()
    log(f"torch {torch.__version__}, threads {torch.get_num_threads()}, blas {blas}")

    fwd_bwd, nograd = bench_tiny(repeats, chains)
    mlp = {str(b): bench_mlp(b, repeats, window) for b in batches}

    print(json.dumps({
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "blas": blas,
        "cpu": cpu_model(),
        "tiny_fwd_bwd_us_per_op": fwd_bwd,
        "tiny_nograd_us_per_op": nograd,
        "mlp_steps_per_s": mlp,
        "repeats": repeats,
    }), flush=True)


if __name__ == "__main__":
    main()
