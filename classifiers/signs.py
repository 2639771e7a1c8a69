"""The signs catalogue (data/signs.yaml): loading, compiling and matching against a page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

import yaml

from classifiers.context import ReportedContext, load_context
from classifiers.prefilter import PatternSet, fold
from classifiers.verdict import SignHit

CATALOGUE_PATH = Path(__file__).parent / "data" / "signs.yaml"
EVIDENCE_RADIUS = 120
# Further matches of a sign looked at when its first one is reported speech
MAX_REPORTED_MATCHES = 20
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
    name: dict = field(default_factory=dict)
    grounds: tuple[str, ...] = ()
    looked_for: dict = field(default_factory=dict)
    html_evidence: dict = field(default_factory=dict)  # what an HTML match shows, in words
    unless: re.Pattern | None = None  # a match in a sentence this matches does not count

    def hit(self, evidence: str, reported: str | None = None, source: str = "") -> SignHit:
        """The sign as found on a page, with its evidence; when the evidence is reported
        speech, `reported` with its `context` (why: quoted, or the warning word), and the hit
        does not count towards the verdict."""
        return SignHit(self.id, self.category, self.weight, evidence, bool(reported),
                       reported or "", source)


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
        name=entry.get("name", {}), grounds=tuple(entry.get("grounds", ())),
        looked_for=entry.get("looked_for", {}), html_evidence=entry.get("html_evidence", {}),
        unless=re.compile("|".join(entry["unless"]), re.IGNORECASE)
        if entry.get("unless") else None,
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


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(lo, hi) of the sentence around text[start:end], capped at EVIDENCE_RADIUS characters
    each side."""
    lo = max(0, start - EVIDENCE_RADIUS)
    ends_before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    lo = ends_before[-1] if ends_before else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + EVIDENCE_RADIUS))
    hi = after.end() if after else min(len(text), end + EVIDENCE_RADIUS)
    return lo, hi


def evidence_window(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], capped at EVIDENCE_RADIUS characters each side."""
    lo, hi = sentence_bounds(text, start, end)
    return text[lo:hi].strip()


def reported_context(path: Path = CATALOGUE_PATH) -> ReportedContext:
    """The catalogue's reported-speech rules (warning vocabulary, operator features)."""
    return load_context(path)


def _text_hit(sign: Sign, text: str, matched_text: str, match: re.Match,
              context: ReportedContext) -> SignHit | None:
    """The hit of `sign` from its first match: that match's sentence as evidence, unless it is
    reported speech and a later match is not (then the later one's), or all the matches looked
    at are reported speech (then the first one's, marked reported). A match whose sentence the
    sign's `unless` pattern matches (say, a loan's daily interest rate for a pyramid's daily
    return) is no match at all."""
    first = None
    for _ in range(MAX_REPORTED_MATCHES):
        lo, hi = sentence_bounds(text, match.start(), match.end())
        if sign.unless is None or not sign.unless.search(matched_text, lo, hi):
            reason = context.reason(matched_text, match.start(), match.end(), lo, hi)
            if reason is None:
                return sign.hit(text[lo:hi].strip())
            first = first or sign.hit(text[lo:hi].strip(), reason)
        match = sign.text_regex.search(matched_text, max(match.end(), match.start() + 1))
        if match is None:
            break
    return first


def presence_hits(text: str, html: str = "",
                  signs: tuple[Sign, ...] | None = None) -> list[SignHit]:
    """Presence signs found in the page, each with its evidence snippet; a sign whose wording
    is only reported speech (quoted, or in a warning sentence) is marked `reported`, unless the
    page has operator features (deposit or registration forms, wallets, referral links, plan
    tables), where warnings are no excuse."""
    matched_text, folded_text, firsts = _prepared(text)
    context = reported_context()
    folded_html = None
    hits = []
    for sign in signs or load_catalogue():
        if sign.kind != "presence":
            continue
        match = sign.text_set.search(matched_text, folded_text, firsts) if sign.text_set else None
        hit = _text_hit(sign, text, matched_text, match, context) if match else None
        if hit:
            hits.append(hit)
        elif html and sign.html_set:
            if folded_html is None:
                folded_html = fold(html)
            if html_match := sign.html_set.search(html, folded_html):
                hits.append(sign.hit(html_match.group(0), source="html"))
    if any(hit.reported for hit in hits) and context.operator_features(text, html):
        hits = [replace(hit, reported=False, context="") for hit in hits]  # they count again
    return hits


def counted(hits: list[SignHit]) -> list[SignHit]:
    """The hits that count towards the verdict (not reported speech)."""
    return [hit for hit in hits if not hit.reported]


def absence_hits(text: str, category: str, signs: tuple[Sign, ...] | None = None) -> list[SignHit]:
    """Absence signs of `category` whose lawful-page patterns are all missing from the text."""
    matched_text, folded_text, firsts = _prepared(text)
    return [
        sign.hit("")
        for sign in signs or load_catalogue()
        if sign.kind == "absence" and sign.category == category
        and not sign.text_set.any_match(matched_text, folded_text, firsts)
    ]


def registry_hit(sign_id: str, evidence: str) -> SignHit:
    """The registry-kind sign `sign_id`, with the matched registry entry as evidence."""
    sign = next(s for s in load_catalogue() if s.id == sign_id)
    return sign.hit(evidence)


def category_strength(hits: list[SignHit], category: str) -> float:
    """Noisy-OR of the weights of `category`'s hits: 0 when none, towards 1 as signs add up."""
    remaining = 1.0
    for hit in hits:
        if hit.category == category:
            remaining *= 1.0 - hit.weight
    return 1.0 - remaining
