"""Search over the Elasticsearch store's pages: text, filters, disjunctive facets, sites.

A mixin of ElasticStore (fraudwatch.store.elastic), which owns the client (`es`), its retries
(`_call`) and the index aliases (`alias`).
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from fraudwatch.store.base import StoreError, StoreUnavailable
from fraudwatch.store.es_counts import (
    PAGES,
    SITES,
    TIMELINE,
    Counts,
    pages_of_sites_request,
    scaled,
    values,
)
from fraudwatch.store.es_mappings import DATE_FIELDS, SITE_KEY_SINCE
from fraudwatch.store.es_query import page_query
from fraudwatch.store.es_transport import RETRY_STATUSES
from fraudwatch.store.models import Page
from fraudwatch.store.query import TIMELINE_FIELDS, Hit, SearchQuery, SearchResult
from fraudwatch.store.textindex import SNIPPET_WIDTH

log = logging.getLogger(__name__)

_SORTS = {
    "last_seen": [{"last_seen": "asc"}, {"url": "asc"}],
    "-last_seen": [{"last_seen": "desc"}, {"url": "asc"}],
    "score": [{"score": "asc"}, {"url": "asc"}], "-score": [{"score": "desc"}, {"url": "asc"}],
    "domain": [{"domain": "asc"}, {"url": "asc"}],
    "relevance": [{"_score": "desc"}, {"last_seen": "desc"}, {"url": "asc"}],
}
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
        """The hits (by site, one per domain, by `collapse`) and the counts (es_counts)."""
        counts = Counts.of(query)
        if query.by_site:
            return self._search_sites(counts)
        found, *counted = self._msearch([_hits_request(query), *counts.page_requests(False)])
        return _result(counts, counted[0]["hits"]["total"]["value"], found["hits"]["hits"], {},
                       values(counts, counted, PAGES), [])

    def _search_sites(self, counts: Counts) -> SearchResult:
        """By site: the hits, then their sites' matching pages, asked alongside the counts:
        each group's pages and each value's, then the sites (es_counts), in two `_msearch`.
        The node runs the requests side by side, and the hits need not score every match."""
        sites_by = self._site_field()
        with ThreadPoolExecutor(1) as pool:
            hits = pool.submit(self._site_hits, counts.query)
            counted = self._msearch(counts.page_requests(True))
            pages = values(counts, counted, PAGES)
            bodies, shifts = counts.site_requests(sites_by,
                                                  [c["hits"]["total"]["value"] for c in counted])
            answers = self._msearch(bodies)
            raw_hits, pages_of = hits.result()
        sites, total, estimated = scaled(
            counts, shifts, pages, values(counts, answers, SITES),
            counted[0]["hits"]["total"]["value"], answers[0]["aggregations"][SITES]["value"])
        return _result(counts, total, raw_hits, pages_of, sites, estimated)

    def _site_hits(self, query: SearchQuery) -> tuple[list[dict], dict[str, int]]:
        """(a page of hits by site, the matching pages of each of their sites)."""
        [found] = self._msearch([_hits_request(query)])
        domains = [h["_source"]["domain"] for h in found["hits"]["hits"]]
        if not domains:
            return [], {}
        [pages] = self._msearch([pages_of_sites_request(query, domains)])
        return found["hits"]["hits"], {b["key"]: b["doc_count"]
                                       for b in pages["aggregations"]["pages"]["buckets"]}

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


def _hits_request(query: SearchQuery) -> dict:
    """The page of hits: the query under every facet filter, sorted; by site, the best page of
    each domain. The hits are not counted here (see es_counts), so that Elasticsearch
    may skip matches that cannot reach this page."""
    sort = "-last_seen" if query.sort == "relevance" and not query.has_text else query.sort
    body = {
        "query": page_query(query, query.facet_filters()), "sort": _SORTS[sort],
        "from": query.offset, "size": query.size, "track_total_hits": False,
        # the snippet is Elasticsearch's own highlight; a page's whole text stays there
        "_source": {"excludes": ["text"]}, "highlight": HIGHLIGHT,
    }
    if query.by_site:
        body["collapse"] = {"field": "domain"}
    return body


def _reason(error: dict | str) -> str:
    """What a refused part's error says, from its root causes ("all shards failed" alone
    does not say why)."""
    if not isinstance(error, dict):
        return str(error)
    causes = [c.get("reason", "") for c in error.get("root_cause", [])]
    return "; ".join(dict.fromkeys(c for c in causes if c)) or str(error.get("reason", error))


def _result(counts: Counts, total: int, raw_hits: list[dict], pages_of: dict[str, int],
            values: dict[str, dict[str, int]], estimated: list[str]) -> SearchResult:
    """The search's result from its hits (`pages_of` their sites' pages, by site) and each
    count's values."""
    query = counts.query
    hits = [Hit.of(Page.from_doc(restore_source(h["_source"])), query,
                   pages_of.get(h["_source"]["domain"], 1), snippet=_snippet(h))
            for h in raw_hits]
    timeline = {name: dict(sorted(values[f"{TIMELINE}_{name}"].items()))
                for name in TIMELINE_FIELDS} if query.timeline else {}
    return SearchResult(total=total, hits=hits, timeline=timeline, estimated=estimated,
                        facets={f: _ordered(values[f]) for f in query.facets})


def _ordered(counts: dict[str, int]) -> dict[str, int]:
    """Facet values, most results first, then by value."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _snippet(raw: dict) -> str:
    """The highlighted fragment of a hit's text ("" when it has no text)."""
    return "".join(raw.get("highlight", {}).get("text", [])[:1])


def restore_source(source: dict) -> dict:
    """Turn the nulls written for empty dates back into empty strings."""
    return {k: ("" if v is None and k in _EMPTY_STRING_FIELDS else v) for k, v in source.items()}
