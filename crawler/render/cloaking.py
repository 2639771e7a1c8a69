"""Cloaking: a site that shows the crawler something else than a victim's browser.

The plain fetch of a landing page is compared with its renders in victims' profiles
(crawler.render.profiles). A JavaScript shell rendering into a full page is not cloaking; a page
that reads as a different category or verdict, or shares few words, is.
"""

from __future__ import annotations

import re

WORDS = re.compile(r"\w{3,}")
MIN_OVERLAP = 0.35


def word_overlap(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' word sets (words of 3+ letters, case-folded)."""
    left, right = set(WORDS.findall(a.casefold())), set(WORDS.findall(b.casefold()))
    if not left and not right:
        return 1.0
    return len(left & right) / len(left | right)


def differs_in_substance(plain_text: str, plain_label: tuple[str, str], victim_text: str,
                         victim_label: tuple[str, str], min_text: int) -> bool:
    """Whether a victim's render of a page differs in substance from the plain fetch.

    Labels are (category, verdict). A plain page with less than `min_text` characters is a
    shell, not a disguise, and never counts.
    """
    if len(plain_text) < min_text:
        return False
    if plain_label != victim_label and "clean" in (plain_label[1], victim_label[1]):
        return True
    return word_overlap(plain_text, victim_text) < MIN_OVERLAP
