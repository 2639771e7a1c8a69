"""Light structural features of a page: HTML forms, outbound links, slot scripts, sign strengths."""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

import numpy as np

from classifiers.verdict import FRAUD_CATEGORIES

_CARD_INPUT = re.compile(r"<input[^>]+name=[\"']?(?:cvv|cvc|cvv2|card_?number|card_?cvv)\b", re.I)
_IIN_INPUT = re.compile(r"<input[^>]+name=[\"']?(?:iin|inn|user_iin)\b", re.I)
_OUTBOUND = re.compile(r"<a\b[^>]+href=[\"']?https?://", re.I)
_SLOT_SCRIPT = re.compile(
    r"<script[^>]+src=[\"'][^\"']*(?:pragmaticplay|netent|evolution|playngo|microgaming|bgaming|"
    r"endorphina)", re.I)
_COUNTDOWN = re.compile(r"(?:class|id)=[\"'][^\"']*countdown", re.I)
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "title", "section"})


class _TextExtractor(HTMLParser):
    """Collects visible text, one line per block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIPPED_TAGS and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, blank lines collapsed."""
    parser = _TextExtractor()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def html_vector(html: str) -> list[float]:
    """Card/CVV form, IIN form, log outbound links, slot-provider script, countdown timer."""
    return [
        float(bool(_CARD_INPUT.search(html))),
        float(bool(_IIN_INPUT.search(html))),
        math.log1p(len(_OUTBOUND.findall(html))) / 3.0,
        float(bool(_SLOT_SCRIPT.search(html))),
        float(bool(_COUNTDOWN.search(html))),
    ]


def sign_vector(strengths: dict[str, float]) -> list[float]:
    """Sign strength per fraud category, in FRAUD_CATEGORIES order."""
    return [strengths.get(category, 0.0) for category in FRAUD_CATEGORIES]


def structural_matrix(rows: list[list[float]]) -> np.ndarray:
    """Stack per-page structural vectors into a 2-D float array."""
    return np.asarray(rows, dtype=np.float64)
