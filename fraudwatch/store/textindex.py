"""Word stemming and snippets for the embedded store (Elasticsearch does its own analysis and
highlighting).

Russian and English words are reduced to Snowball stems, so "доходы" finds "доход" in
SQLite as it does with the Russian analyzer in Elasticsearch; Kazakh words are kept whole.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]")
_LATIN = re.compile(r"[a-z]")
_KAZAKH = re.compile(r"[әғқңөұүһі]")
SNIPPET_WIDTH = 160  # characters of a search hit's snippet, on both stores
_RU = snowballstemmer.stemmer("russian")
_EN = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The index form of one word: lower case, Snowball-stemmed when Russian or English."""
    word = word.lower()
    if _KAZAKH.search(word):
        return word
    if _CYRILLIC.search(word):
        return _RU.stemWord(word)
    if _LATIN.search(word):
        return _EN.stemWord(word)
    return word


def stems(text: str) -> str:
    """The stemmed words of `text`, space-separated, for the FTS stems column."""
    return " ".join(stem(w) for w in WORD.findall(text))


def fts_terms(words: str) -> list[str]:
    """Stems of the query's free words, quoted for an FTS5 MATCH expression."""
    return ['"' + stem(w).replace('"', '""') + '"' for w in WORD.findall(words)]


def snippet(text: str, words: str, phrases: list[str], width: int = SNIPPET_WIDTH) -> str:
    """An HTML-escaped window of `text` around the first match, matched words in <mark>."""
    wanted = {stem(w) for w in WORD.findall(words)}
    for phrase in phrases:
        wanted.update(stem(w) for w in WORD.findall(phrase))
    matches = [m for m in WORD.finditer(text) if stem(m.group()) in wanted]
    if not matches:
        return html.escape(text[:width])
    start = max(0, matches[0].start() - width // 3)
    end = min(len(text), start + width)
    parts, pos = [], start
    for m in matches:
        if m.start() < start or m.end() > end:
            continue
        parts.append(html.escape(text[pos:m.start()]))
        parts.append(f"<mark>{html.escape(m.group())}</mark>")
        pos = m.end()
    parts.append(html.escape(text[pos:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(parts).strip() + suffix
