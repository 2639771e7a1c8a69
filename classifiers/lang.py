"""Cheap language detection from character sets: ru, kk, en or mixed."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

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
    for lang, letters in _sentence_langs(text):
        shares[lang] += letters
    ranked = [lang for lang, n in shares.most_common() if n]
    if not ranked:
        return "en"
    total = sum(shares.values())
    if len(ranked) > 1 and shares[ranked[1]] / total >= MIXED_SHARE:
        return "mixed"
    return ranked[0]


def _letter_table() -> np.ndarray:
    """Per code point below U+0500: 1 Cyrillic, 2 Kazakh Cyrillic, 4 Latin, 8 sentence end."""
    table = np.zeros(0x500, dtype=np.uint8)
    table[0x400:0x500] = 1
    for char in KAZAKH_LETTERS:
        table[ord(char)] |= 2
    for char in _LATIN_LETTERS:
        table[ord(char)] |= 4
    for char in _SENTENCE_ENDS:
        table[ord(char)] |= 8
    return table


_LATIN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzáǵıńóúýÁǴİŃÓÚÝ"
_SENTENCE_ENDS = ".!?\n"
_TABLE = _letter_table()


def _sentence_langs(text: str) -> list[tuple[str, int]]:
    """_sentence_lang of each piece of _SENTENCES.split(text), in order, with the letters counted
    in numpy over the whole text instead of by two regex scans per sentence."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    kinds = _TABLE[np.minimum(points, len(_TABLE) - 1)] * (points < len(_TABLE))
    ends = (kinds & 8) != 0
    opens_run = ends & ~np.concatenate(([False], ends[:-1]))  # first end of a run of ends
    run_starts = np.flatnonzero(opens_run)
    run_ends = np.flatnonzero(ends & ~np.concatenate((ends[1:], [False]))) + 1
    sentence = np.cumsum(opens_run)  # piece index of each character
    pieces = len(run_starts) + 1
    cyrillic = np.bincount(sentence[(kinds & 1) != 0], minlength=pieces).tolist()
    kazakh = np.bincount(sentence[(kinds & 2) != 0], minlength=pieces).tolist()
    latin = np.bincount(sentence[(kinds & 4) != 0], minlength=pieces).tolist()
    starts = [0, *run_ends.tolist()]
    stops = [*run_starts.tolist(), len(text)]
    langs = []
    for i in range(pieces):
        if cyrillic[i] >= latin[i]:
            langs.append(("kk" if kazakh[i] else "ru", cyrillic[i]))
        else:
            kk = _LATIN_KAZAKH.search(text[starts[i]:stops[i]])
            langs.append(("kk" if kk else "en", latin[i]))
    return langs


def _sentence_lang(sentence: str) -> tuple[str, int]:
    """Language of one sentence and how many letters it has."""
    cyrillic = len(_CYRILLIC.findall(sentence))
    latin = len(_LATIN.findall(sentence))
    if cyrillic >= latin:
        return ("kk" if _KAZAKH.search(sentence) else "ru"), cyrillic
    return ("kk" if _LATIN_KAZAKH.search(sentence) else "en"), latin
