"""Golden values for jgrad's classification metrics (io.jgrad.metrics), computed by scikit-learn.

Run with Debian's Python, PyTorch and scikit-learn (apt-get install python3-sklearn; then re-point the
libblas.so.3, liblapack.so.3 and libopenblas.so.0 alternatives at the openblas-openmp build, which
that install switches to the pthread one):
    /usr/bin/python3 nn/src/test/python/gen_metric_fixtures.py
It writes nn/src/test/resources/fixtures/metrics.json, which MetricsFixtureTest reads (CI never needs
Python). Scores [N, C] become class predictions through torch.argmax (ties: the first index, as
PyTorch); every number after that comes from sklearn.metrics with zero_division=0. Per-class values use
labels=range(C); averages use sklearn's default labels (those present in target or prediction), so a
class absent from both is left out of the macro average, as torchmetrics does.
"""
import json
import os
import warnings

import numpy as np
import sklearn
import torch
from sklearn import metrics as skm

torch.manual_seed(2024)
F64, F32, I64 = torch.float64, torch.float32, torch.int64
# sklearn warns for every zero division it resolves with zero_division=0: those cases are the point
warnings.filterwarnings("ignore", category=UserWarning)


def encode(t):
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "data": t.flatten().tolist()}


def averages(y, p, multilabel):
    out = {}
    for avg in ("macro", "micro", "weighted"):
        pr, rc, f1, _ = skm.precision_recall_fscore_support(y, p, average=avg, zero_division=0)
        out[avg] = {"precision": float(pr), "recall": float(rc), "f1": float(f1)}
    return out


def per_class(y, p, labels):
    pr, rc, f1, sup = skm.precision_recall_fscore_support(y, p, labels=labels, average=None, zero_division=0)
    return {"precision": pr.tolist(), "recall": rc.tolist(), "f1": f1.tolist(), "support": sup.tolist()}


def multiclass(name, inp, target, num_classes, pass_classes=True):
    """inp: int64 or bool labels [N] (or integral floats), or floating scores [N, C]; target: labels [N]."""
    pred = inp.argmax(1) if inp.dim() == 2 else inp.long()
    y, p = target.long().numpy(), pred.numpy()
    labels = list(range(num_classes))
    case = {"name": name, "kind": "multiclass", "input": encode(inp), "target": encode(target),
            "num_classes": num_classes if pass_classes else None,
            "predicted": pred.tolist(),
            "confusion": skm.confusion_matrix(y, p, labels=labels).tolist(),
            "per_class": per_class(y, p, labels)}
    if len(y):
        case["accuracy"] = float(skm.accuracy_score(y, p))
        case["averages"] = averages(y, p, False)
    return case


def multilabel(name, inp, target):
    y, p = target.long().numpy(), inp.long().numpy()
    labels = list(range(y.shape[1]))
    return {"name": name, "kind": "multilabel", "input": encode(inp), "target": encode(target),
            "exact_match": float(skm.accuracy_score(y, p)),
            "hamming_loss": float(skm.hamming_loss(y, p)),
            "per_class": per_class(y, p, labels), "averages": averages(y, p, True)}


def labels(c, n):
    return torch.randint(0, c, (n,), dtype=I64)


def cases():
    out = []
    out.append(multiclass("random_labels", labels(4, 40), labels(4, 40), 4))
    out.append(multiclass("labels_inferred_classes", labels(5, 25), labels(5, 25), 5, pass_classes=False))
    out.append(multiclass("logits_float32", torch.randn(30, 5, dtype=F32), labels(5, 30), 5))
    out.append(multiclass("probabilities_float64", torch.randn(30, 3, dtype=F64).softmax(1), labels(3, 30), 3))
    # class 2 occurs in the target but is never predicted: its precision divides 0 by 0
    out.append(multiclass("never_predicted", torch.tensor([0, 1, 1, 0, 3, 3, 1, 0]),
                          torch.tensor([0, 1, 2, 2, 3, 1, 1, 0]), 4))
    # class 3 is predicted but absent from the target: recall 0/0, support 0
    out.append(multiclass("absent_from_target", torch.tensor([0, 3, 1, 2, 3, 0]), torch.tensor([0, 1, 1, 2, 2, 0]), 4))
    # class 4 is in neither: counted per class as zeros, left out of the macro average
    out.append(multiclass("absent_from_both", torch.tensor([0, 1, 2, 3, 0, 1, 2]), torch.tensor([0, 1, 3, 3, 0, 2, 2]), 5))
    ties = torch.tensor([[1.0, 1.0, 0.0], [0.0, 2.0, 2.0], [3.0, 3.0, 3.0], [-1.0, 0.5, 0.5], [0.0, -2.0, 0.0]], dtype=F64)
    out.append(multiclass("argmax_ties_first_index", ties, torch.tensor([1, 2, 0, 1, 2]), 3))
    out.append(multiclass("perfect", torch.tensor([2, 0, 1, 2, 1]), torch.tensor([2, 0, 1, 2, 1]), 3))
    out.append(multiclass("all_wrong", torch.tensor([1, 2, 0, 1]), torch.tensor([0, 1, 2, 0]), 3))
    out.append(multiclass("single_sample", torch.tensor([[0.2, 0.7, 0.1]], dtype=F32), torch.tensor([1]), 3))
    out.append(multiclass("binary_bool_against_float", torch.rand(20) > 0.5, (torch.rand(20) > 0.4).float(), 2))
    out.append(multiclass("integral_float_labels", labels(3, 12).double(), labels(3, 12), 3))
    out.append(multiclass("empty_scores", torch.zeros(0, 4, dtype=F32), torch.zeros(0, dtype=I64), 4))
    out.append(multiclass("empty_labels", torch.zeros(0, dtype=I64), torch.zeros(0, dtype=I64), 3))

    def multihot(n, l, p):
        return (torch.rand(n, l) < p).long()
    truth = multihot(30, 6, 0.4)
    # predictions that flip each label with probability 0.15, so some rows match exactly
    out.append(multilabel("multilabel_random", truth ^ multihot(30, 6, 0.15), truth))
    out.append(multilabel("multilabel_bool_against_float", torch.rand(12, 4) < 0.5, (torch.rand(12, 4) < 0.5).float()))
    # label 1 never predicted, label 2 never true, row 0 all negative in both
    out.append(multilabel("multilabel_edges",
                          torch.tensor([[0, 0, 0], [1, 0, 1], [1, 0, 0], [0, 0, 1], [1, 0, 0]]),
                          torch.tensor([[0, 0, 0], [1, 1, 0], [0, 1, 0], [1, 1, 0], [1, 0, 0]])))
    out.append(multilabel("multilabel_perfect", torch.tensor([[1, 0], [0, 1], [1, 1]]), torch.tensor([[1, 0], [0, 1], [1, 1]])))
    return out


def main():
    path = os.path.join(os.path.dirname(__file__), "..", "resources", "fixtures", "metrics.json")
    doc = {"generator": "nn/src/test/python/gen_metric_fixtures.py", "torch": torch.__version__,
           "sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases()}
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"wrote {len(doc['cases'])} cases to {os.path.normpath(path)}")


if __name__ == "__main__":
    main()
