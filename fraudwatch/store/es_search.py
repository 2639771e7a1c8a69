"""Search over the Elasticsearch store's pages: text, filters, disjunctive facets, sites.

A mixin of ElasticStore (fraudwatch.store.elastic), which owns the client (`es`), its retries
(`_call`) and the index aliases (`alias`).
"""

from __future__ import annotations

import json
import logging
import re

from fraudwatch.store.base import StoreError, StoreUnavailable
from fraudwatch.store.es_mappings import DATE_FIELDS, SITE_KEY_SINCE
from fraudwatch.store.es_transport import RETRY_STATUSES
from fraudwatch.store.models import Page
from fraudwatch.store.query import TIMELINE_FIELDS, Hit, SearchQuery, SearchResult
from fraudwatch.store.textindex import SNIPPET_WIDTH

log = logging.getLogger(__name__)

# Each word is looked up in the exact words of the title (counted twice) and the text, and in
# their stemmed forms (es_mappings) in the languages whose script it is written in: the
# Russian stemmer leaves a word without Cyrillic letters as the exact words have it, and the
# English one a word without Latin letters, so those fields would only be scored again.
TEXT_BOOSTS = {"title": "^2", "text": ""}
STEMMED = {"ru": re.compile("[\u0400-\u052f]"), "en": re.compile("[A-Za-z\u00c0-\u024f]")}
_SORTS = {
    "last_seen": [{"last_seen": "asc"}, {"url": "asc"}],
    "-last_seen": [{"last_seen": "desc"}, {"url": "asc"}],
    "score": [{"score": "asc"}, {"url": "asc"}], "-score": [{"score": "desc"}, {"url": "asc"}],
    "domain": [{"domain": "asc"}, {"url": "asc"}],
    "relevance": [{"_score": "desc"}, {"last_seen": "desc"}, {"url": "asc"}],
}
_FILTER_FIELDS = {"sign": "sign_ids"}
# The total of sites is counted exactly below this many sites (a regulator's register holds
# 8,000-12,000), within about 1% above. Elasticsearch's largest, 40,000, costs four times as
# much over a million pages of 130,000 sites (130 against 32 ms) for exact counts no one
# reads; each facet value's sites keep its default, 3,000.
SITES_PRECISION = 20_000
# One fragment of the text around the matches (of the exact or the stemmed words), escaped,
# matches in <mark>; without a match, the text's beginning.
HIGHLIGHT = {
    "pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html",
    "fields": {"text": {"type": "unified", "matched_fields": ["text", "text.ru", "text.en"],
                        "number_of_fragments": 1, "fragment_size": SNIPPET_WIDTH,
                        "no_match_size": SNIPPET_WIDTH}},
}
_EMPTY_STRING_FIELDS = set().union(*DATE_FIELDS.values())


class ElasticSearch:
    """search() and its requests, for ElasticStore."""

    _sites_by: str | None = None  # the field sites are counted over (see _site_field)
    # Elasticsearch may answer a count it made before from its shard request cache (dropped at
    # each refresh), so that paging through results does not count them again. bench/run turns
    # it off, to time the counting.
    request_cache = True

    def search(self, query: SearchQuery) -> SearchResult:
        """One `_msearch`: the hits (by site, one per domain, by `collapse`) and the counts,
        which are requests of their own, so that the node runs them side by side and the hits
        need not score every match. See _count_requests for the counts."""
        counts, where = _count_requests(query, self._site_field() if query.by_site else "")
        found, *counted = self._msearch([_hits_request(query), *counts])

        def answer(name: str) -> dict:
            return counted[where[name]]["aggregations"][name]

        hits = [Hit.of(Page.from_doc(restore_source(h["_source"])), query, _pages_of(h),
                       snippet=_snippet(h)) for h in found["hits"]["hits"]]
        facets = {f: {b["key"]: b["sites"]["value"] if query.by_site else b["doc_count"]
                      for b in answer(f)["buckets"] if b["key"]} for f in query.facets}
        total = answer("sites")["value"] if query.by_site else counted[0]["hits"]["total"]["value"]
        timeline = {name: _days(answer(f"timeline_{name}")["buckets"], query)
                    for name in TIMELINE_FIELDS} if query.timeline else {}
        return SearchResult(total=total, hits=hits, facets=facets, timeline=timeline)

    def _msearch(self, bodies: list[dict]) -> list[dict]:
        """The answer to each search body over the pages, asked in one `_msearch`; a body the
        node refuses raises as a refused search does."""
        header = {"index": self.alias("page"), "request_cache": self.request_cache}
        answers = self._call(self.es.msearch,
                             searches=[line for body in bodies for line in (header, body)])
        for answer in answers["responses"]:
            if "error" in answer:
                reason = _reason(answer["error"])
                if answer.get("status") in RETRY_STATUSES:
                    raise StoreUnavailable(f"Elasticsearch at {self.url} is overloaded "
                                           f"(search: {reason}); try again")
                raise StoreError(f"Elasticsearch search failed: {reason}")
        return answers["responses"]

    def _site_field(self) -> str:
        """The field distinct sites are counted over: `site_key`, or `domain` (the same
        counts, slower) while the pages' index predates it, until `fraudwatch store
        migrate` rebuilds it."""
        if self._sites_by == "site_key":
            return self._sites_by
        indices = self._call(self.es.indices.get_mapping, index=self.alias("page"))
        if all(index["mappings"].get("_meta", {}).get("template_version", 0) >= SITE_KEY_SINCE
               for index in indices.values()):
            self._sites_by = "site_key"
        elif self._sites_by is None:
            self._sites_by = "domain"
            log.warning("the Elasticsearch index %s predates site_key, so searches by site "
                        "count sites over the domains, slowly; fix: fraudwatch store migrate",
                        self.alias("page"))
        return self._sites_by


def _query(query: SearchQuery, facet_filters: dict[str, list[str]]) -> dict:
    """The query's words and phrases (scored), its other filters and dates, and
    `facet_filters` (any of each field's values, every field)."""
    must = [{"multi_match": {"query": w, "fields": text_fields(w)}}
            for w in query.text.split() if w.strip()]
    must += [{"multi_match": {"query": p, "fields": ["title", "text"], "type": "phrase"}}
             for p in query.phrases]
    filters = [{"terms": {_FILTER_FIELDS.get(f, f): v}}
               for f, v in (query.other_filters() | facet_filters).items()]
    if query.last_seen_from or query.last_seen_to:
        bounds = {"gte": query.last_seen_from or None, "lte": query.last_seen_to or None}
        filters.append({"range": {"last_seen": {k: v for k, v in bounds.items() if v}}})
    return {"bool": {"must": must or [{"match_all": {}}], "filter": filters}}


def text_fields(word: str) -> list[str]:
    """The fields `word` is looked up in: the exact words, and the stemmed ones of the
    languages whose letters it has."""
    kinds = [""] + [f".{lang}" for lang, letters in STEMMED.items() if letters.search(word)]
    return [f"{field}{kind}{boost}" for field, boost in TEXT_BOOSTS.items() for kind in kinds]


def _hits_request(query: SearchQuery) -> dict:
    """The page of hits: the query under every facet filter, sorted; by site, the best page of
    each domain. The hits are not counted here (see _count_requests), so that Elasticsearch
    may skip matches that cannot reach this page."""
    sort = "-last_seen" if query.sort == "relevance" and not query.has_text else query.sort
    body = {
        "query": _query(query, query.facet_filters()), "sort": _SORTS[sort],
        "from": query.offset, "size": query.size, "track_total_hits": False,
        # the snippet is Elasticsearch's own highlight; a page's whole text stays there
        "_source": {"excludes": ["text"]}, "highlight": HIGHLIGHT,
    }
    if query.by_site:
        body["collapse"] = {"field": "domain",
                            "inner_hits": {"name": "pages", "size": 0, "_source": False}}
    return body


def _count_requests(query: SearchQuery, sites_by: str) -> tuple[list[dict], dict[str, int]]:
    """(the requests that count, the request answering each aggregation by name). By site,
    sites are counted as distinct values of the field `sites_by`. Each count is made under
    its filter: a facet under every facet filter but its own, the total, the sites and the
    timelines under all of them. One request per filter, the first one under all of them,
    which also counts the matching pages."""
    sites = {"sites": {"cardinality": {"field": sites_by}}} if query.by_site else {}
    every = query.facet_filters()
    wanted = {f: (query.facet_filters(skip=f), _facet_agg(f, sites)) for f in query.facets}
    if query.by_site:
        wanted["sites"] = (every, {"cardinality": {"field": sites_by,
                                                   "precision_threshold": SITES_PRECISION}})
    if query.timeline:
        wanted |= {f"timeline_{name}": (every, _timeline_agg(name, sites))
                   for name in TIMELINE_FIELDS}
    groups: dict[str, tuple[dict, dict]] = {_key(every): (every, {})}
    for name, (filters, agg) in wanted.items():
        groups.setdefault(_key(filters), (filters, {}))[1][name] = agg
    bodies, where = [], {}
    for i, (filters, aggs) in enumerate(groups.values()):
        bodies.append({"size": 0, "query": _query(query, filters), "track_total_hits": i == 0,
                       **({"aggs": aggs} if aggs else {})})
        where |= dict.fromkeys(aggs, i)
    return bodies, where


def _reason(error: dict | str) -> str:
    """What a refused part's error says, from its root causes ("all shards failed" alone
    does not say why)."""
    if not isinstance(error, dict):
        return str(error)
    causes = [c.get("reason", "") for c in error.get("root_cause", [])]
    return "; ".join(dict.fromkeys(c for c in causes if c)) or str(error.get("reason", error))


def _key(filters: dict[str, list[str]]) -> str:
    return json.dumps(filters, sort_keys=True)


def _facet_agg(name: str, sites: dict) -> dict:
    """One facet's values and their pages; by site (`sites` being the count of sites),
    their sites, most first. By site, pages without a value (a site whose registrar is not
    known yet) are left out before their sites are counted, as no facet shows them; by page,
    their count is dropped after, since `exclude` would make Elasticsearch read every page's
    value rather than count each value's pages from the index."""
    values: dict = {"terms": {"field": name, "size": 100}}
    if sites:
        values["aggs"] = sites
        values["terms"] |= {"order": [{"sites": "desc"}, {"_key": "asc"}], "exclude": [""]}
    return values


def _timeline_agg(name: str, sites: dict) -> dict:
    """Results per UTC day of the date field `name`; by site, with their sites."""
    days: dict = {"date_histogram": {"field": name, "calendar_interval": "day",
                                     "format": "yyyy-MM-dd", "min_doc_count": 1}}
    if sites:
        days["aggs"] = sites
    return days


def _days(buckets: list[dict], query: SearchQuery) -> dict[str, int]:
    return {b["key_as_string"]: b["sites"]["value"] if query.by_site else b["doc_count"]
            for b in buckets}


def _snippet(raw: dict) -> str:
    """The highlighted fragment of a hit's text ("" when it has no text)."""
    return "".join(raw.get("highlight", {}).get("text", [])[:1])


def _pages_of(raw: dict) -> int:
    """The matching pages of a collapsed hit's site."""
    inner = raw.get("inner_hits", {}).get("pages")
    return inner["hits"]["total"]["value"] if inner else 1


def restore_source(source: dict) -> dict:
    """Turn the nulls written for empty dates back into empty strings."""
    return {k: ("" if v is None and k in _EMPTY_STRING_FIELDS else v) for k, v in source.items()}
