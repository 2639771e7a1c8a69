"""Search over the Elasticsearch store's pages: text, filters, disjunctive facets, sites.

A mixin of ElasticStore (fraudwatch.store.elastic), which owns the client (`es`), its retries
(`_call`) and the index aliases (`alias`).
"""

from __future__ import annotations

import logging

from fraudwatch.store.base import StoreError, StoreUnavailable
from fraudwatch.store.es_counts import TIMELINE, Counts, estimate, pages_of_sites_request
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
        """The hits (by site, one per domain, by `collapse`) and the counts (es_counts), in
        one `_msearch` whose requests the node runs side by side, so that the hits need not
        score every match; by site, a second one counts the sites (_count_sites)."""
        counts = Counts.of(query)
        sites_by = self._site_field() if query.by_site else ""
        found, *counted = self._msearch([_hits_request(query), *counts.page_requests(sites_by)])
        raw_hits = found["hits"]["hits"]
        values = _values(counts, counted, "doc_count")
        estimated: list[str] = []
        pages_of: dict[str, int] = {}
        if sites_by:
            values, estimated, pages_of = self._count_sites(counts, sites_by, counted, values,
                                                            [h["_source"]["domain"]
                                                             for h in raw_hits])
            total = counted[0]["aggregations"]["sites"]["value"]
        else:
            total = counted[0]["hits"]["total"]["value"]
        hits = [Hit.of(Page.from_doc(restore_source(h["_source"])), query,
                       pages_of.get(h["_source"]["domain"], 1), snippet=_snippet(h))
                for h in raw_hits]
        timeline = {name: dict(sorted(values[f"{TIMELINE}_{name}"].items()))
                    for name in TIMELINE_FIELDS} if query.timeline else {}
        return SearchResult(total=total, hits=hits, timeline=timeline, estimated=estimated,
                            facets={f: _ordered(values[f]) for f in query.facets})

    def _count_sites(self, counts: Counts, sites_by: str, counted: list[dict],
                     pages: dict[str, dict[str, int]], domains: list[str],
                     ) -> tuple[dict[str, dict[str, int]], list[str], dict[str, int]]:
        """(each count's sites, the names of the facets, or TIMELINE, whose counts are
        estimates, the matching pages of each of `domains`), in a second `_msearch` after the
        first one `counted` each group's pages and each value's `pages`."""
        bodies, shifts = counts.site_requests(sites_by,
                                              [c["hits"]["total"]["value"] for c in counted])
        extra = [pages_of_sites_request(counts.query, domains)] if domains else []
        answers = self._msearch([*bodies, *extra])
        sites = _values(counts, answers[:len(bodies)], "sites")
        estimated: dict[str, None] = {}
        for name, shift in _shifts(counts, shifts).items():
            if shift:
                sites[name] = estimate(pages[name], sites[name], shift)
                estimated[TIMELINE if name.startswith(TIMELINE) else name] = None
        pages_of = {b["key"]: b["doc_count"]
                    for b in answers[-1]["aggregations"]["pages"]["buckets"]} if extra else {}
        return sites, list(estimated), pages_of

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


def _values(counts: Counts, answers: list[dict], key: str) -> dict[str, dict[str, int]]:
    """Each count's values (facet values, days) and their `key` ("doc_count" for pages,
    "sites"), from the answers to one request per group of `counts`, empty values left out."""
    out = {}
    for (_, names), answer in zip(counts.groups, answers, strict=True):
        for name in names:
            buckets = answer["aggregations"][name]["buckets"]
            out[name] = {b.get("key_as_string", b["key"]): b[key] if key == "doc_count"
                         else b[key]["value"] for b in buckets if b["key"] != ""}
    return out


def _shifts(counts: Counts, shifts: list[int]) -> dict[str, int]:
    """Each count's sample shift, from its group's."""
    return {name: shift for (_, names), shift in zip(counts.groups, shifts, strict=True)
            for name in names}


def _ordered(counts: dict[str, int]) -> dict[str, int]:
    """Facet values, most results first, then by value."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _snippet(raw: dict) -> str:
    """The highlighted fragment of a hit's text ("" when it has no text)."""
    return "".join(raw.get("highlight", {}).get("text", [])[:1])


def restore_source(source: dict) -> dict:
    """Turn the nulls written for empty dates back into empty strings."""
    return {k: ("" if v is None and k in _EMPTY_STRING_FIELDS else v) for k, v in source.items()}
