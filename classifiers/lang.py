"""Cheap language detection from character sets: ru, kk, en or mixed."""

from __future__ import annotations

import re
from collections import Counter

KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
_KAZAKH = re.compile(f"[{KAZAKH_LETTERS}]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-záǵıńóúýÁǴİŃÓÚÝ]")
_SENTENCES = re.compile(r"[.!?\n]+")
_LATIN_KAZAKH = re.compile(
    r"[áǵıńóúý]|(?i:\b(?:jane|ushin|bolady|qarjy|aqsha|tabys|kunine|nesie|bizdin|sizdin|joq|"
    r"qazaqstan|teńge|tenge|aqy|aqsy|tirkel\w*|alyńyz|alynyz|qosyl\w*)\b)"
)
MIXED_SHARE = 0.25


def detect_lang(text: str) -> str:
    """Return ru, kk, en, or mixed when a second language holds a substantial share of letters."""
    shares: Counter[str] = Counter()
    for sentence in _SENTENCES.split(text):
        lang, letters = _sentence_lang(sentence)
        shares[lang] += letters
    ranked = [lang for lang, n in shares.most_common() if n]
    if not ranked:
        return "en"
    total = sum(shares.values())
    if len(ranked) > 1 and shares[ranked[1]] / total >= MIXED_SHARE:
        return "mixed"
    return ranked[0]


def _sentence_lang(sentence: str) -> tuple[str, int]:
    """Language of one sentence and how many letters it has."""
    cyrillic = len(_CYRILLIC.findall(sentence))
    latin = len(_LATIN.findall(sentence))
    if cyrillic >= latin:
        return ("kk" if _KAZAKH.search(sentence) else "ru"), cyrillic
    return ("kk" if _LATIN_KAZAKH.search(sentence) else "en"), latin
