"""Writes the stratified Fashion-MNIST subset bundled with the examples.

Run: /usr/bin/python3 examples/src/main/python/make_fashion_mnist_subset.py [source-dir]
Source: Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist). Output: the first 1,000
training and 200 test images of each class, in file order, as IDX gz under
examples/src/main/resources/data/fashion-mnist/, read by io.jgrad.examples.FashionMnist when the
full set is not installed. Standard library only.
"""
import gzip
import os
import struct
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "data", "fashion-mnist")


def read(name):
    with gzip.open(os.path.join(SRC, name)) as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return shape, data[4 + 4 * dims:]


def write(name, shape, payload):
    header = struct.pack(">I", 0x0800 | len(shape)) + struct.pack(">" + "I" * len(shape), *shape)
    with gzip.GzipFile(os.path.join(OUT, name), "wb", mtime=0) as f:  # mtime 0: reproducible bytes
        f.write(header + payload)


def subset(split, per_class):
    (n, rows, cols), images = read(f"{split}-images-idx3-ubyte.gz")
    _, labels = read(f"{split}-labels-idx1-ubyte.gz")
    size = rows * cols
    taken = {c: 0 for c in range(10)}
    keep = []
    for i in range(n):
        if taken[labels[i]] < per_class:
            taken[labels[i]] += 1
            keep.append(i)
    write(f"{split}-images-idx3-ubyte.gz", (len(keep), rows, cols), b"".join(images[i * size:(i + 1) * size] for i in keep))
    write(f"{split}-labels-idx1-ubyte.gz", (len(keep),), bytes(labels[i] for i in keep))
    print(split, len(keep), "examples")


os.makedirs(OUT, exist_ok=True)
subset("train", 1000)
subset("t10k", 200)
