"""The signs catalogue (data/signs.yaml): loading, compiling and matching against a page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from classifiers.prefilter import PatternSet, fold

CATALOGUE_PATH = Path(__file__).parent / "data" / "signs.yaml"
EVIDENCE_RADIUS = 120
_SENTENCE_END = re.compile(r"[.!?\n]")


@dataclass(frozen=True)
class Sign:
    """One catalogue entry with its patterns compiled into a single alternation."""

    id: str
    category: str
    kind: str
    weight: float
    description: dict
    patterns: dict
    examples: dict
    text_regex: re.Pattern | None
    html_regex: re.Pattern | None
    # The same patterns with literal prefilters: search() equals text_regex/html_regex.search()
    text_set: PatternSet | None = None
    html_set: PatternSet | None = None

    def hit(self, evidence: str) -> dict:
        """The sign as reported on a page: id, category, weight and evidence."""
        return {"id": self.id, "category": self.category, "weight": self.weight,
                "evidence": evidence}


def _compile(patterns: list[str], prefix: str = "") -> PatternSet | None:
    """Case-insensitive patterns matched as one alternation, or None when there are none."""
    return PatternSet(patterns, prefix) if patterns else None


def _sign(entry: dict) -> Sign:
    """Build a Sign from one YAML entry."""
    patterns = entry.get("patterns", {})
    text_patterns = [p for lang_patterns in patterns.values() for p in lang_patterns]
    text_set = _compile(text_patterns, prefix=r"\b")
    html_set = _compile(entry.get("html_patterns", []))
    return Sign(
        id=entry["id"], category=entry["category"], kind=entry["kind"],
        weight=float(entry["weight"]), description=entry["description"], patterns=patterns,
        examples=entry.get("examples", {}), text_regex=text_set and text_set.regex,
        html_regex=html_set and html_set.regex, text_set=text_set, html_set=html_set,
    )


@cache
def load_catalogue(path: Path = CATALOGUE_PATH) -> tuple[Sign, ...]:
    """All signs of the catalogue, compiled once per process (text patterns start at a word
    boundary, which also halves matching time)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return tuple(_sign(entry) for entry in data["signs"])


def normalise(text: str) -> str:
    """Text for matching: ё read as е, same length so offsets still point into the original."""
    return text.replace("ё", "е").replace("Ё", "Е")


@lru_cache(maxsize=8)
def _prepared(text: str) -> tuple[str, str, dict[str, int]]:
    """The page normalised for matching, its case-folded form for the literal prefilters and a
    cache of first literal occurrences in it, made once per page although presence and absence
    signs are matched separately."""
    matched_text = normalise(text)
    return matched_text, fold(matched_text), {}


def evidence_window(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], capped at EVIDENCE_RADIUS characters each side."""
    lo = max(0, start - EVIDENCE_RADIUS)
    ends_before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    lo = ends_before[-1] if ends_before else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + EVIDENCE_RADIUS))
    hi = after.end() if after else min(len(text), end + EVIDENCE_RADIUS)
    return text[lo:hi].strip()


def presence_hits(text: str, html: str = "", signs: tuple[Sign, ...] | None = None) -> list[dict]:
    """Presence signs found in the page, each with its evidence snippet."""
    matched_text, folded_text, firsts = _prepared(text)
    folded_html = None
    hits = []
    for sign in signs or load_catalogue():
        if sign.kind != "presence":
            continue
        match = sign.text_set.search(matched_text, folded_text, firsts) if sign.text_set else None
        if match:
            hits.append(sign.hit(evidence_window(text, match.start(), match.end())))
        elif html and sign.html_set:
            if folded_html is None:
                folded_html = fold(html)
            if html_match := sign.html_set.search(html, folded_html):
                hits.append(sign.hit(html_match.group(0)))
    return hits


def absence_hits(text: str, category: str, signs: tuple[Sign, ...] | None = None) -> list[dict]:
    """Absence signs of `category` whose lawful-page patterns are all missing from the text."""
    matched_text, folded_text, firsts = _prepared(text)
    return [
        sign.hit("")
        for sign in signs or load_catalogue()
        if sign.kind == "absence" and sign.category == category
        and not sign.text_set.any_match(matched_text, folded_text, firsts)
    ]


def registry_hit(sign_id: str, evidence: str) -> dict:
    """The registry-kind sign `sign_id`, with the matched registry entry as evidence."""
    sign = next(s for s in load_catalogue() if s.id == sign_id)
    return sign.hit(evidence)


def category_strength(hits: list[dict], category: str) -> float:
    """Noisy-OR of the weights of `category`'s hits: 0 when none, towards 1 as signs add up."""
    remaining = 1.0
    for hit in hits:
        if hit["category"] == category:
            remaining *= 1.0 - hit["weight"]
    return 1.0 - remaining
