"""How a model does on reviewed sites: the page report and the figures per site, as the
regulator counts them (a site is what gets blocked)."""

from __future__ import annotations

from classifiers.artifact import Model
from classifiers.encoder import Encoder
from classifiers.evaluation import FLAGGED, classify_docs, metrics
from classifiers.registry import Registry
from classifiers.verdict import Verdict
from fraudwatch.store import Page
from fraudwatch.store.siterollup import aggregate


def site_figures(docs: list[dict], verdicts: list[Verdict]) -> dict:
    """Per site (its pages' verdicts rolled up as the crawl does): how many were called
    illegal, how many of those rightly, fraud sites flagged and legitimate sites called
    illegal."""
    pages: dict[str, list[Page]] = {}
    labels: dict[str, str] = {}
    for doc, verdict in zip(docs, verdicts, strict=True):
        labels[doc["domain"]] = doc["label"]
        pages.setdefault(doc["domain"], []).append(Page(
            url=doc["url"], domain=doc["domain"], category=verdict.category,
            verdict=verdict.verdict, score=verdict.score))
    rolled = {domain: aggregate(rows) for domain, rows in pages.items()}
    illegal = [d for d, (_c, verdict, _s) in rolled.items() if verdict == "illegal"]
    right = [d for d in illegal if rolled[d][0] == labels[d]]
    fraud = [d for d in rolled if labels[d] != "legit"]
    legit = [d for d in rolled if labels[d] == "legit"]
    return {
        "sites": len(rolled), "illegal_sites": len(illegal),
        "illegal_precision": round(len(right) / len(illegal), 4) if illegal else None,
        "fraud_flagged": round(sum(rolled[d][1] in FLAGGED for d in fraud) / len(fraud), 4)
        if fraud else None,
        "legit_illegal": sum(rolled[d][1] == "illegal" for d in legit),
        "legit_sites": len(legit),
        "by_site": {d: {"label": labels[d], "category": c, "verdict": v}
                    for d, (c, v, _s) in sorted(rolled.items())},
    }


def assess(model: Model, docs: list[dict], registry: Registry, encoder: Encoder | None) -> dict:
    """The page report and the site figures of `model` on labelled `docs` (empty: {})."""
    if not docs:
        return {}
    verdicts = classify_docs(model, docs, encoder, registry)
    report = metrics([d["label"] for d in docs], verdicts, [d.get("lang", "") for d in docs])
    return {"model": model.version, "pages": report, "sites": site_figures(docs, verdicts)}


def precision_at_least(candidate: float | None, current: float | None) -> bool:
    """Whether the candidate's illegal precision is not below the current model's (a model
    that calls no site illegal makes no wrong call: its precision counts as 1)."""
    return (1.0 if candidate is None else candidate) >= (1.0 if current is None else current)
