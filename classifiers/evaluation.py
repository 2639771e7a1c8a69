"""Measuring the whole decision (both stages, signs, policy) on labelled pages.

The figures a regulator needs: per-class precision, recall and F1; macro-F1; the precision of
`illegal`; the share of fraud pages flagged (illegal or suspicious); how many legitimate pages
were called illegal; the confusion matrix; the same per language when pages have one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from classifiers.artifact import Model
from classifiers.classify import classify_pages
from classifiers.encoder import Encoder
from classifiers.page import PageView
from classifiers.registry import Registry
from classifiers.verdict import CATEGORIES, Verdict

FLAGGED = ("illegal", "suspicious")
MISTAKE_COLUMNS = ("id", "lang", "label", "category", "verdict", "score", "signs")


def metrics(truth: list[str], verdicts: list[Verdict], langs: list[str] | None = None) -> dict:
    """The evaluation report of `verdicts` against the true labels."""
    predicted = [v.category for v in verdicts]
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=list(CATEGORIES), zero_division=0)
    illegal = [t for v, t in zip(verdicts, truth, strict=True) if v.verdict == "illegal"]
    right = sum(v.category == t for v, t in zip(verdicts, truth, strict=True)
                if v.verdict == "illegal")
    fraud = [v for v, t in zip(verdicts, truth, strict=True) if t != "legit"]
    legit = [v for v, t in zip(verdicts, truth, strict=True) if t == "legit"]
    report = {
        "documents": len(truth),
        "per_class": {c: {"precision": round(float(p), 4), "recall": round(float(r), 4),
                          "f1": round(float(f), 4), "support": int(s)}
                      for c, p, r, f, s in zip(CATEGORIES, precision, recall, f1, support,
                                               strict=True)},
        "macro_f1": round(float(f1.mean()), 4),
        "illegal_count": len(illegal),
        "illegal_precision": round(right / len(illegal), 4) if illegal else 1.0,
        "fraud_flagged": round(sum(v.verdict in FLAGGED for v in fraud) / len(fraud), 4)
        if fraud else 0.0,
        "legit_illegal": sum(v.verdict == "illegal" for v in legit),
        "legit_count": len(legit),
        "verdicts": dict(Counter(v.verdict for v in verdicts)),
        "confusion": {
            "labels": list(CATEGORIES),
            "matrix": confusion_matrix(truth, predicted, labels=list(CATEGORIES)).tolist(),
        },
    }
    if langs and any(langs):
        report["by_lang"] = _by_lang(truth, verdicts, langs)
    return report


def _by_lang(truth: list[str], verdicts: list[Verdict], langs: list[str]) -> dict:
    """Per language: pages, accuracy of the category, fraud flagged, legit called illegal."""
    table = {}
    for lang in sorted(set(langs)):
        rows = [(t, v) for t, v, lg in zip(truth, verdicts, langs, strict=True) if lg == lang]
        fraud = [v for t, v in rows if t != "legit"]
        table[lang] = {
            "pages": len(rows),
            "accuracy": round(sum(v.category == t for t, v in rows) / len(rows), 4),
            "fraud_flagged": round(sum(v.verdict in FLAGGED for v in fraud) / len(fraud), 4)
            if fraud else None,
            "legit_illegal": sum(v.verdict == "illegal" for t, v in rows if t == "legit"),
        }
    return table


def classify_docs(model: Model | None, docs: list[dict], encoder: Encoder | None,
                  registry: Registry, mode: str = "always",
                  progress: Callable | None = None) -> list[Verdict]:
    """The verdicts of `docs` ({text, html?, url?}), classified in batches of 64."""
    verdicts: list[Verdict] = []
    for start in range(0, len(docs), 64):
        pages = [PageView.of(d.get("text", ""), d.get("html", ""), d.get("url", ""))
                 for d in docs[start:start + 64]]
        verdicts += classify_pages(pages, registry, model, encoder, mode)
        if progress:
            progress(len(verdicts), len(docs))
    return verdicts


def evaluate_docs(model: Model | None, docs: list[dict], encoder: Encoder | None,
                  registry: Registry | None = None, mode: str = "always",
                  progress: Callable | None = None) -> dict:
    """The report over `docs` ({text, html?, url?, label, lang?}), classified in batches."""
    verdicts = classify_docs(model, docs, encoder, registry or Registry(), mode, progress)
    report = metrics([d["label"] for d in docs], verdicts, [d.get("lang", "") for d in docs])
    report["mode"] = mode
    report["mistakes"] = mistakes(docs, verdicts)
    return report


def wrong(label: str, verdict: Verdict) -> bool:
    """Whether a page labelled `label` got a wrong answer: the wrong category, a fraud page
    not flagged, or a legitimate page called illegal."""
    if label == "legit":
        return verdict.category != "legit" or verdict.verdict == "illegal"
    return verdict.category != label or verdict.verdict not in FLAGGED


def mistakes(docs: list[dict], verdicts: list[Verdict]) -> list[dict]:
    """One row per wrongly answered page: its id, language, label, what the classifier said
    and the signs it found, for a reviewer to read the page again."""
    return [{"id": d.get("id", ""), "lang": d.get("lang", ""), "label": d["label"],
             "category": v.category, "verdict": v.verdict, "score": round(v.score, 4),
             "signs": " ".join(s.id for s in v.signs)}
            for d, v in zip(docs, verdicts, strict=True) if wrong(d["label"], v)]


def format_report(report: dict) -> str:
    """A plain-text table of the report."""
    lines = [f"{'class':<10}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}"]
    for name, row in report["per_class"].items():
        lines.append(f"{name:<10}{row['precision']:>10.4f}{row['recall']:>10.4f}"
                     f"{row['f1']:>10.4f}{row['support']:>10}")
    lines.append(f"macro-F1 {report['macro_f1']:.4f}")
    lines.append(f"illegal precision {report['illegal_precision']:.4f} over "
                 f"{report['illegal_count']} pages called illegal")
    lines.append(f"fraud pages flagged (illegal or suspicious) {report['fraud_flagged']:.1%}")
    lines.append(f"legitimate pages called illegal: {report['legit_illegal']} of "
                 f"{report['legit_count']}")
    labels = report["confusion"]["labels"]
    lines.append("confusion (rows true, columns predicted): " + " ".join(labels))
    for label, row in zip(labels, report["confusion"]["matrix"], strict=True):
        lines.append(f"{label:<10}" + "".join(f"{n:>8}" for n in row))
    lines.append(f"pages answered wrongly: {len(report.get('mistakes', ()))} of "
                 f"{report['documents']}")
    for lang, row in (report.get("by_lang") or {}).items():
        flagged = "-" if row["fraud_flagged"] is None else f"{row['fraud_flagged']:.0%}"
        lines.append(f"  {lang:<8} {row['pages']:>4} pages  accuracy {row['accuracy']:.0%}  "
                     f"fraud flagged {flagged}  legit illegal {row['legit_illegal']}")
    return "\n".join(lines)
