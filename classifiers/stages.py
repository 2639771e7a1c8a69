"""The two stages of classifying a page.

1. The fast stage runs on every page: signs (with their evidence) and the TF-IDF model, a few
   milliseconds.
2. The semantic stage embeds the page with the sentence encoder (about a second on one core for
   a long page) and is blended with the fast stage's scores. It runs on the pages that decide a
   site and on those the fast stage cannot settle; `settled` says which those are.

`finish` turns either into a `Verdict` through the verdict policy (`classifiers.policy`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from classifiers.artifact import Model, softmax
from classifiers.fast import fast_logits
from classifiers.features import html_vector, sign_vector
from classifiers.lang import detect_lang
from classifiers.page import PageView
from classifiers.policy import FRAUD_CATEGORIES, decide, strengths
from classifiers.promotion import detect_promotion
from classifiers.registry import Registry
from classifiers.signs import absence_hits, presence_hits, registry_hit
from classifiers.verdict import Verdict

# The fast stage settles a page when it is this sure, and the signs agree (see `settled`)
SETTLED_PROBABILITY = 0.97
SETTLED_FRAUD_SIGNS = 0.75
PLACEHOLDER = "placeholder"


@dataclass(frozen=True)
class FirstStage:
    """What the fast stage found on one page."""

    page: PageView
    hits: tuple[dict, ...]
    strengths: dict[str, float]
    fast: np.ndarray | None  # the fast model's raw class scores, None without a model
    licensed: bool

    @property
    def structure(self) -> list[float]:
        """HTML features and sign strengths, as both stages read them."""
        return html_vector(self.page) + sign_vector(self.strengths)


def _declared_pyramid_hits(registry: Registry, page: PageView) -> list[dict]:
    """The declared-pyramid sign when the page matches the list."""
    match = registry.declared_pyramid(page.url, page.text)
    if not match:
        return []
    return [registry_hit("pyramid.declared_pyramid", f"{match[0].name}: {match[1]}")]


def first_stage(page: PageView, registry: Registry, model: Model | None) -> FirstStage:
    """Signs, registry matches and the fast model's scores of one page."""
    hits = presence_hits(page.text, page.html) + _declared_pyramid_hits(registry, page)
    found = strengths(hits)
    fast = None
    if model is not None:
        text = "\n".join(part for part in (page.title, page.description, page.text) if part)
        fast = fast_logits(model.fast, text, page, found)
    licensed = registry.licence_for(page.url, page.text) is not None
    return FirstStage(page, tuple(hits), found, fast, licensed)


def _rule_probabilities(found: dict[str, float]) -> dict[str, float]:
    """Stand-in probabilities from signs alone, used until a model is trained."""
    return {**found, "legit": 1.0 - max(found.values())}


def settled(first: FirstStage, model: Model | None) -> bool:
    """Whether the fast stage alone decides this page: it is at least SETTLED_PROBABILITY sure,
    and either it says legit and no sign of any kind (counted or reported) is on the page, or
    it says fraud and the signs of that category that the page states itself are strong."""
    if model is None or model.semantic is None or first.fast is None:
        return True
    probs = softmax(model.calibrated(first.fast, None))
    top = model.classes[int(np.argmax(probs))]
    if probs.max() < SETTLED_PROBABILITY:
        return False
    if top == "legit":
        return not any(hit.category in FRAUD_CATEGORIES for hit in first.hits)
    return first.strengths[top] >= SETTLED_FRAUD_SIGNS


def _semantic_scores(first: FirstStage, model: Model, embedding) -> np.ndarray:
    mean, passages = embedding
    return model.semantic.logits(mean, passages, first.structure)


def finish(first: FirstStage, model: Model | None, embedding=None) -> Verdict:
    """The verdict of a page from its fast stage and, when given, its (mean, passages)
    embedding from the encoder."""
    page = first.page
    if model is None:
        probs = _rule_probabilities(first.strengths)
        version = PLACEHOLDER
    else:
        semantic = None
        if embedding is not None and model.semantic is not None:
            semantic = _semantic_scores(first, model, embedding)
        scores = model.calibrated(first.fast, semantic)
        probs = dict(zip(model.classes, softmax(scores).tolist(), strict=True))
        version = model.version if semantic is not None else f"{model.version}/fast"
    absence = [hit for category in FRAUD_CATEGORIES for hit in absence_hits(page.text, category)]
    decision, hits = decide(probs, list(first.hits), absence, first.licensed)
    category = decision.category
    score = probs[category] if category != "legit" else max(probs[c] for c in FRAUD_CATEGORIES)
    promotion, promoted = detect_promotion(category, page.text, page.anchors, page.url)
    return Verdict(
        category=category, verdict=decision.verdict, score=round(float(score), 4),
        lang=detect_lang(page.text), signs=hits, model=version, promotion=promotion,
        promoted_domains=promoted,
    )
