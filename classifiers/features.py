"""Light structural features of a page: HTML forms, outbound links, slot scripts, sign strengths."""

from __future__ import annotations

import math
import re

import numpy as np

from classifiers.page import PageView
from classifiers.verdict import FRAUD_CATEGORIES

_CARD_INPUT = re.compile(r"<input[^>]+name=[\"']?(?:cvv|cvc|cvv2|card_?number|card_?cvv)\b", re.I)
_IIN_INPUT = re.compile(r"<input[^>]+name=[\"']?(?:iin|inn|user_iin)\b", re.I)
_SLOT_SCRIPT = re.compile(
    r"<script[^>]+src=[\"'][^\"']*(?:pragmaticplay|netent|evolution|playngo|microgaming|bgaming|"
    r"endorphina)", re.I)
_COUNTDOWN = re.compile(r"(?:class|id)=[\"'][^\"']*countdown", re.I)
def html_vector(page: PageView) -> list[float]:
    """Card/CVV form, IIN form, log outbound links (the parsed links written out whole),
    slot-provider script, countdown timer."""
    html = page.html
    return [
        float(bool(_CARD_INPUT.search(html))),
        float(bool(_IIN_INPUT.search(html))),
        math.log1p(page.absolute_links) / 3.0,
        float(bool(_SLOT_SCRIPT.search(html))),
        float(bool(_COUNTDOWN.search(html))),
    ]


def sign_vector(strengths: dict[str, float]) -> list[float]:
    """Sign strength per fraud category, in FRAUD_CATEGORIES order."""
    return [strengths.get(category, 0.0) for category in FRAUD_CATEGORIES]


def structural_matrix(rows: list[list[float]]) -> np.ndarray:
    """Stack per-page structural vectors into a 2-D float array."""
    return np.asarray(rows, dtype=np.float64)
