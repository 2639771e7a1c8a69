"""Reported speech: a sign's wording quoted, or in a sentence that warns about it (news, court
reports, a regulator's or a blogger's warning), reports on the offer instead of making it.

The vocabulary lives in the catalogue (data/signs.yaml, `reported_context`) so that it can be
reviewed with the signs. Only hits are examined, never the whole page, so the cost is a few
small regex searches on pages that have signs at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

QUOTED = "quoted"
WARNING = "warning"


@dataclass(frozen=True)
class ReportedContext:
    """The compiled `reported_context` section of the catalogue."""

    quotes: tuple[tuple[str, str], ...]
    markers: re.Pattern
    denials: re.Pattern
    operator_text: tuple[tuple[str, re.Pattern], ...]
    operator_html: tuple[tuple[str, re.Pattern], ...]
    description: dict
    marker_langs: tuple[str, ...] = ()
    feature_descriptions: tuple[tuple[str, dict], ...] = ()

    def reason(self, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
        """Why text[start:end], a sign's match in the sentence text[lo:hi], is reported speech:
        'quoted', 'warning: <marker>', or None when it is not (no marker outside the match, or
        a denial in the sentence)."""
        sentence = text[lo:hi]
        if self.denials.search(sentence):
            return None
        for marker in self.markers.finditer(text, lo, hi):
            if marker.end() <= start or marker.start() >= end:
                return f"{WARNING}: {marker.group(0).strip()}"
        if self._quoted(text, start, end, lo, hi):
            return QUOTED
        return None

    def _quoted(self, text: str, start: int, end: int, lo: int, hi: int) -> bool:
        """Whether text[start:end] lies inside one pair of quotation marks of its line."""
        line_lo = text.rfind("\n", 0, start) + 1
        line_hi = text.find("\n", end)
        line_hi = len(text) if line_hi < 0 else line_hi
        for opening, closing in self.quotes:
            at = text.find(opening, line_lo, start)
            while at >= 0:
                close = text.find(closing, at + 1, line_hi)
                if close < 0:
                    break
                if close >= end:
                    return True
                at = text.find(opening, close + 1, start)
        return False

    def operator_features(self, text: str, html: str) -> list[str]:
        """Ids of the operator features (forms, wallets, referral links, plan tables) found."""
        found = [fid for fid, regex in self.operator_text if regex.search(text)]
        if html:
            found += [fid for fid, regex in self.operator_html if regex.search(html)]
        return found


def _alternation(patterns: list[str]) -> re.Pattern:
    """Patterns as one case-insensitive alternation anchored at a word start."""
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", re.IGNORECASE)


@cache
def load_context(path: Path) -> ReportedContext:
    """The reported-speech rules of the catalogue at `path`, compiled once per process."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["reported_context"]
    features = data["operator_features"]
    return ReportedContext(
        quotes=tuple((pair[0], pair[1]) for pair in data["quotes"]),
        markers=_alternation([p for ps in data["markers"].values() for p in ps]),
        denials=_alternation([p for ps in data["denials"].values() for p in ps]),
        operator_text=tuple((f["id"], re.compile("|".join(f["text_patterns"])))
                            for f in features if f.get("text_patterns")),
        operator_html=tuple((f["id"], re.compile("|".join(f["html_patterns"]), re.IGNORECASE))
                            for f in features if f.get("html_patterns")),
        description=data["description"],
        marker_langs=tuple(data["markers"]),
        feature_descriptions=tuple((f["id"], f["description"]) for f in features),
    )
