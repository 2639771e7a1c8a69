"""The Elasticsearch query of a SearchQuery over the pages: its words, phrases, filters, dates."""

from __future__ import annotations

import re

from fraudwatch.store.query import SearchQuery

# Each word is looked up in the exact words of the title (counted twice) and the text, and in
# their stemmed forms (es_mappings) in the languages whose script it is written in: the
# Russian stemmer leaves a word without Cyrillic letters as the exact words have it, and the
# English one a word without Latin letters, so those fields would only be scored again.
TEXT_BOOSTS = {"title": "^2", "text": ""}
STEMMED = {"ru": re.compile("[\u0400-\u052f]"), "en": re.compile("[A-Za-z\u00c0-\u024f]")}
_FILTER_FIELDS = {"sign": "sign_ids"}


def page_query(query: SearchQuery, facet_filters: dict[str, list[str]],
               extra: list[dict] | None = None) -> dict:
    """The query's words and phrases (scored), its other filters and dates,
    `facet_filters` (any of each field's values, every field) and the `extra` filters."""
    must = [{"multi_match": {"query": w, "fields": text_fields(w)}}
            for w in query.text.split() if w.strip()]
    must += [{"multi_match": {"query": p, "fields": ["title", "text"], "type": "phrase"}}
             for p in query.phrases]
    filters = [{"terms": {_FILTER_FIELDS.get(f, f): v}}
               for f, v in (query.other_filters() | facet_filters).items()]
    if query.last_seen_from or query.last_seen_to:
        bounds = {"gte": query.last_seen_from or None, "lte": query.last_seen_to or None}
        filters.append({"range": {"last_seen": {k: v for k, v in bounds.items() if v}}})
    return {"bool": {"must": must or [{"match_all": {}}], "filter": filters + (extra or [])}}


def text_fields(word: str) -> list[str]:
    """The fields `word` is looked up in: the exact words, and the stemmed ones of the
    languages whose letters it has."""
    kinds = [""] + [f".{lang}" for lang, letters in STEMMED.items() if letters.search(word)]
    return [f"{field}{kind}{boost}" for field, boost in TEXT_BOOSTS.items() for kind in kinds]
