"""Held-out evaluation: per-class precision, recall, F1, confusion matrix, illegal precision."""

from __future__ import annotations

from pathlib import Path

from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from classifiers.classify import classify
from classifiers.corpus import CORPUS_DIR, heldout_sha256, load_split
from classifiers.registry import Registry
from classifiers.verdict import CATEGORIES


def evaluate(model: dict, corpus_dir: Path = CORPUS_DIR) -> dict:
    """Metrics of the full decision (model, signs, thresholds) on the held-out split."""
    docs = load_split("test", corpus_dir)
    verdicts = [classify(d["text"], d.get("html", ""), "", Registry(), model) for d in docs]
    truth = [d["label"] for d in docs]
    predicted = [v.category for v in verdicts]
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=list(CATEGORIES), zero_division=0)
    illegal = [(v.category, t) for v, t in zip(verdicts, truth, strict=True)
               if v.verdict == "illegal"]
    return {
        "documents": len(docs),
        "test_sha256": heldout_sha256(corpus_dir),
        "per_class": {c: {"precision": round(float(p), 4), "recall": round(float(r), 4),
                          "f1": round(float(f), 4), "support": int(s)}
                      for c, p, r, f, s in zip(CATEGORIES, precision, recall, f1, support,
                                               strict=True)},
        "macro_f1": round(float(f1.mean()), 4),
        "illegal_count": len(illegal),
        "illegal_precision": round(sum(c == t for c, t in illegal) / len(illegal), 4)
        if illegal else 1.0,
        "confusion": {
            "labels": list(CATEGORIES),
            "matrix": confusion_matrix(truth, predicted, labels=list(CATEGORIES)).tolist(),
        },
    }


def format_report(metrics: dict) -> str:
    """A plain-text table of the metrics."""
    lines = [f"{'class':<10}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}"]
    for name, row in metrics["per_class"].items():
        lines.append(f"{name:<10}{row['precision']:>10.4f}{row['recall']:>10.4f}{row['f1']:>10.4f}"
                     f"{row['support']:>10}")
    lines.append(f"macro-F1 {metrics['macro_f1']:.4f}   illegal precision "
                 f"{metrics['illegal_precision']:.4f} over {metrics['illegal_count']} pages")
    labels = metrics["confusion"]["labels"]
    lines.append("confusion (rows true, columns predicted): " + " ".join(labels))
    for label, row in zip(labels, metrics["confusion"]["matrix"], strict=True):
        lines.append(f"{label:<10}" + "".join(f"{n:>8}" for n in row))
    return "\n".join(lines)
