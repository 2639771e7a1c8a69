"""Combining model probabilities, signs and the registry into a Verdict."""

from __future__ import annotations

from classifiers.lang import detect_lang
from classifiers.model import probabilities
from classifiers.promotion import detect_promotion
from classifiers.registry import Registry
from classifiers.signs import (
    absence_hits,
    category_strength,
    counted,
    presence_hits,
    registry_hit,
)
from classifiers.verdict import Verdict

FRAUD_CATEGORIES = ("casino", "loan", "pyramid")
ILLEGAL_PROBABILITY = 0.85
ILLEGAL_SIGNS = 0.75
SUSPICIOUS_PROBABILITY = 0.5
SUSPICIOUS_SIGNS = 0.85
PLACEHOLDER = "placeholder"


def _declared_pyramid_hits(registry: Registry, url: str, text: str) -> list[dict]:
    """The declared-pyramid sign when the page matches the list."""
    match = registry.declared_pyramid(url, text)
    if not match:
        return []
    return [registry_hit("pyramid.declared_pyramid", f"{match[0].name}: {match[1]}")]


def _strengths(hits: list[dict]) -> dict[str, float]:
    """Noisy-OR strength per fraud category of the hits that count (not reported speech)."""
    hits = counted(hits)
    return {category: category_strength(hits, category) for category in FRAUD_CATEGORIES}


def _reported_strengths(hits: list[dict]) -> dict[str, float]:
    """Noisy-OR strength per fraud category of the reported-speech hits."""
    reported = [hit for hit in hits if hit.get("reported")]
    return {category: category_strength(reported, category) for category in FRAUD_CATEGORIES}


def _only_warns(hits: list[dict]) -> bool:
    """Whether every fraud sign of the page is reported speech and one of them sits in a
    warning sentence (not only in quotation marks): a news item, court report or warning."""
    fraud = [hit for hit in hits if hit["category"] in FRAUD_CATEGORIES]
    return bool(fraud) and all(hit.get("reported") for hit in fraud) and any(
        hit["context"].startswith("warning") for hit in fraud)


def _mostly_reported(hits: list[dict], category: str) -> bool:
    """Whether the reported-speech signs of `category` weigh at least as much as those that
    count (reported marks are only left on pages without operator features)."""
    reported = _reported_strengths(hits)[category]
    return reported > 0 and reported >= _strengths(hits)[category]


def _rule_probabilities(strengths: dict[str, float]) -> dict[str, float]:
    """Stand-in probabilities from signs alone, used until a model is trained."""
    best = max(strengths.values())
    return {**strengths, "legit": 1.0 - best}


def _category_and_verdict(probs: dict, strengths: dict) -> tuple[str, str]:
    """Category and verdict from probabilities and sign strengths, favouring precision."""
    category = max(probs, key=probs.get)
    if category == "legit":
        signed = max(FRAUD_CATEGORIES, key=strengths.get)
        if strengths[signed] >= SUSPICIOUS_SIGNS and probs[signed] >= 0.2:
            return signed, "suspicious"
        return "legit", "clean"
    if probs[category] >= ILLEGAL_PROBABILITY and strengths[category] >= ILLEGAL_SIGNS:
        return category, "illegal"
    if probs[category] >= SUSPICIOUS_PROBABILITY or strengths[category] >= SUSPICIOUS_SIGNS:
        return category, "suspicious"
    return "legit", "clean"


def classify(text: str, html: str, url: str, registry: Registry, model: dict | None) -> Verdict:
    """Classify one page with `model` (or signs only when None) against `registry`.

    Signs that are reported speech (quoted, or in a warning sentence, on a page without operator
    features) are listed but do not count: a page that only warns is clean, and one whose signs
    of its category are mostly reported is at most suspicious."""
    hits = presence_hits(text, html) + _declared_pyramid_hits(registry, url, text)
    strengths = _strengths(hits)
    probs = probabilities(model, text, html, strengths) if model else _rule_probabilities(strengths)
    category, verdict = _category_and_verdict(probs, strengths)
    if category != "legit" and _only_warns(hits):
        category, verdict = "legit", "clean"
    if category != "legit":
        capped = _mostly_reported(hits, category)
        hits += absence_hits(text, category)
        strengths = _strengths(hits)
        if verdict == "suspicious" and probs[category] >= ILLEGAL_PROBABILITY \
                and strengths[category] >= ILLEGAL_SIGNS:
            verdict = "illegal"
        if capped and verdict == "illegal":
            verdict = "suspicious"
    if registry.licence_for(url, text):
        verdict = "licensed"
    score = probs[category] if category != "legit" else max(probs[c] for c in FRAUD_CATEGORIES)
    promotion, promoted = detect_promotion(category, text, html, url)
    return Verdict(
        category=category, verdict=verdict, score=round(float(score), 4), lang=detect_lang(text),
        signs=hits, model=model["version"] if model else PLACEHOLDER, promotion=promotion,
        promoted_domains=promoted,
    )
