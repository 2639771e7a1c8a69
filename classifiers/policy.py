"""The verdict policy: from calibrated probabilities and signs to a category and a verdict.

Precision first, because a wrongly blocked legitimate site is worse than a missed scam:
- `illegal` needs BOTH a confident model and strong signs of the same category that the page
  states itself (not quoted, not in a warning);
- `suspicious` (for a human to review) needs either a fair chance of a fraud category or
  strong signs; the category is then the likeliest fraud category;
- a page whose fraud signs are all reported speech in a warning is `clean`, and one whose
  signs of its category are mostly reported is at most `suspicious`;
- a match in the licence registry is `licensed`, never `illegal`.
"""

from __future__ import annotations

from dataclasses import dataclass

from classifiers.signs import category_strength, counted
from classifiers.verdict import FRAUD_CATEGORIES, SignHit

ILLEGAL_PROBABILITY = 0.85
ILLEGAL_SIGNS = 0.75
# A page the calibrated model gives at least a 30% chance of fraud is worth a reviewer's look;
# it is never blocked on that alone (`illegal` needs the bar above).
SUSPICIOUS_PROBABILITY = 0.3
SUSPICIOUS_SIGNS = 0.85
SIGNED_MINIMUM_PROBABILITY = 0.2


@dataclass(frozen=True)
class Decision:
    """A category, its verdict, and whether the signs behind it were capped as reported."""

    category: str
    verdict: str


def strengths(hits: list[SignHit]) -> dict[str, float]:
    """Noisy-OR strength per fraud category of the hits that count (not reported speech)."""
    hits = counted(hits)
    return {category: category_strength(hits, category) for category in FRAUD_CATEGORIES}


def reported_strengths(hits: list[SignHit]) -> dict[str, float]:
    """Noisy-OR strength per fraud category of the reported-speech hits."""
    reported = [hit for hit in hits if hit.reported]
    return {category: category_strength(reported, category) for category in FRAUD_CATEGORIES}


def only_warns(hits: list[SignHit]) -> bool:
    """Whether every fraud sign of the page is reported speech and one of them sits in a
    warning sentence (not only in quotation marks): a news item, court report or warning."""
    fraud = [hit for hit in hits if hit.category in FRAUD_CATEGORIES]
    return bool(fraud) and all(hit.reported for hit in fraud) and any(
        hit.context.startswith("warning") for hit in fraud)


def mostly_reported(hits: list[SignHit], category: str) -> bool:
    """Whether the reported-speech signs of `category` weigh at least as much as those that
    count (reported marks are only left on pages without operator features)."""
    reported = reported_strengths(hits)[category]
    return reported > 0 and reported >= strengths(hits)[category]


def first_decision(probs: dict[str, float], signed: dict[str, float]) -> Decision:
    """The likeliest fraud category, and how sure we are of it: `illegal` when the model is
    confident and the page's own signs are strong, `suspicious` (for review) when the model
    gives it at least SUSPICIOUS_PROBABILITY or the signs are strong, else a clean page."""
    top = max(FRAUD_CATEGORIES, key=probs.get)
    if probs[top] >= ILLEGAL_PROBABILITY and signed[top] >= ILLEGAL_SIGNS:
        return Decision(top, "illegal")
    if probs[top] >= SUSPICIOUS_PROBABILITY or (
            signed[top] >= SUSPICIOUS_SIGNS and probs[top] >= SIGNED_MINIMUM_PROBABILITY):
        return Decision(top, "suspicious")
    return Decision("legit", "clean")


def decide(probs: dict[str, float], presence: list[SignHit], absence: list[SignHit],
           licensed: bool) -> tuple[Decision, list[SignHit]]:
    """The final decision and the hits to report (absence signs added for fraud categories)."""
    decision = first_decision(probs, strengths(presence))
    hits = list(presence)
    if decision.category != "legit" and only_warns(presence):
        decision = Decision("legit", "clean")
    if decision.category != "legit":
        capped = mostly_reported(presence, decision.category)
        hits += [hit for hit in absence if hit.category == decision.category]
        signed = strengths(hits)[decision.category]
        verdict = decision.verdict
        if verdict == "suspicious" and probs[decision.category] >= ILLEGAL_PROBABILITY \
                and signed >= ILLEGAL_SIGNS:
            verdict = "illegal"
        if capped and verdict == "illegal":
            verdict = "suspicious"
        decision = Decision(decision.category, verdict)
    if licensed:
        decision = Decision(decision.category, "licensed")
    return decision, hits
