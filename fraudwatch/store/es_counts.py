"""What an Elasticsearch search counts besides its hits: the total, the facets, the timelines.

Each count is made under its own facet filters (a facet under all of them but its own, so
that its other values stay in view; the total and the timelines under all of them), in one
request per set of filters.

By page, a count is of pages, and one round of requests makes them all. By site, it is of
distinct sites, which Elasticsearch counts at some 30 ms per facet over a million pages, so
a search by site takes two rounds:

1. pages: the pages under each set of filters, and each value's pages;
2. sites: the total of sites and each value's, counted exactly under a set of filters that
   matches at most EXACT_PAGES pages, and above it, on a sample of the sites: those whose
   `site_key` (a uniform hash of the domain) lies in the first 1/2^k of its range, k the
   least that leaves at most EXACT_PAGES pages, each count then scaled by 2^k. Such counts
   are estimates (SearchResult.estimated): a count of c sites is off by about
   sqrt(c (2^k - 1)) (over a million pages, 1.5% for the total, 4% for a value of 19,000
   sites), and never shows more sites than there are pages, nor fewer than one when there
   is a page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from fraudwatch.store.es_query import page_query
from fraudwatch.store.query import (
    ESTIMATED_TIMELINE,
    ESTIMATED_TOTAL,
    TIMELINE_FIELDS,
    SearchQuery,
)

# A set of facet filters matching more pages than this has its sites counted on a sample.
EXACT_PAGES = 50_000
# The total of sites is counted exactly below this many sites (a regulator's register holds
# 8,000-12,000), within about 1% above. Elasticsearch's largest, 40,000, costs four times as
# much over a million pages of 130,000 sites (130 against 32 ms) for exact counts no one
# reads; each facet value's sites keep its default, 3,000.
SITES_PRECISION = 20_000
# A timeline's sites are counted exactly up to this many a day, within about 3% above: its
# bars sum days into weeks or months, and a day's count at the facets' precision (3,000)
# costs four times as much over 200 days.
DAY_PRECISION = 100
_KEY_MIN, _KEY_BITS = -(2**63), 64  # site_key is a signed 64-bit number
SITES = "sites"  # the aggregation counting sites
PAGES = "doc_count"  # where a bucket holds its pages
TIMELINE = ESTIMATED_TIMELINE  # the timelines' aggregations are named TIMELINE_<field>


@dataclass
class Counts:
    """The counts of one search, grouped by the facet filters they are made under, one
    request each; the first group is under all of them. The timelines, which cost as much as
    the facets together, are a group of their own, so that the node counts them side by
    side with the facets."""

    query: SearchQuery
    groups: list[tuple[dict[str, list[str]], list[str]]]  # (facet filters, counts' names)

    @classmethod
    def of(cls, query: SearchQuery) -> Counts:
        every = query.facet_filters()
        wanted = {f: query.facet_filters(skip=f) for f in query.facets}
        if query.timeline:
            wanted |= {f"{TIMELINE}_{name}": every for name in TIMELINE_FIELDS}
        groups: dict[str, tuple[dict, list[str]]] = {_key(every): (every, [])}
        for name, filters in wanted.items():
            key = _key(filters) + (TIMELINE if name.startswith(TIMELINE) else "")
            groups.setdefault(key, (filters, []))[1].append(name)
        return cls(query, list(groups.values()))

    def page_requests(self, by_site: bool) -> list[dict]:
        """Per group, its pages (in the first only, by page) and each value's pages."""
        return [_body(self.query, filters, {name: _agg(name, {}) for name in names},
                      count=i == 0 or by_site)
                for i, (filters, names) in enumerate(self.groups)]

    def site_requests(self, sites_by: str, pages: list[int]) -> tuple[list[dict], list[int]]:
        """By site, per group matching `pages` pages, the request counting each value's
        sites (SITES in the first: all of them), and the sample's shift k (0: every site),
        which needs `site_key`."""
        sites = {SITES: {"cardinality": {"field": sites_by}}}
        total = {SITES: {"cardinality": {"field": sites_by,
                                         "precision_threshold": SITES_PRECISION}}}
        bodies, shifts = [], []
        for i, ((filters, names), n) in enumerate(zip(self.groups, pages, strict=True)):
            shift = sample_shift(n) if sites_by == "site_key" else 0
            aggs = {name: _agg(name, sites) for name in names} | (total if i == 0 else {})
            bodies.append(_body(self.query, filters, aggs, count=False,
                                extra=[sample_filter(shift)] if shift else []))
            shifts.append(shift)
        return bodies, shifts


def sample_shift(pages: int) -> int:
    """The least k such that 1/2^k of `pages` is at most EXACT_PAGES."""
    shift = 0
    while pages >> shift > EXACT_PAGES:
        shift += 1
    return shift


def sample_filter(shift: int) -> dict:
    """The pages of the sites whose key lies in the first 1/2^shift of the keys' range."""
    return {"range": {"site_key": {"gte": _KEY_MIN,
                                   "lt": _KEY_MIN + (1 << (_KEY_BITS - shift))}}}


def estimate(pages: dict[str, int], sampled: dict[str, int], shift: int) -> dict[str, int]:
    """Each value's sites from the sites of a 1/2^shift sample, at least one for a value with
    pages and at most its pages."""
    values = pages.keys() | sampled.keys()
    sites = {v: max(1, sampled.get(v, 0) << shift) for v in values}
    return {v: min(n, pages[v]) if v in pages else n for v, n in sites.items()}


def values(counts: Counts, answers: list[dict], key: str) -> dict[str, dict[str, int]]:
    """Each count's values (facet values, days) and their PAGES or SITES, from the answers to
    one request per group of `counts`, empty values left out."""
    out = {}
    for (_, names), answer in zip(counts.groups, answers, strict=True):
        for name in names:
            buckets = answer["aggregations"][name]["buckets"]
            out[name] = {b.get("key_as_string", b["key"]): b[key] if key == PAGES
                         else b[key]["value"] for b in buckets if b["key"] != ""}
    return out


def scaled(counts: Counts, shifts: list[int], pages: dict[str, dict[str, int]],
           sites: dict[str, dict[str, int]], total_pages: int, total: int,
           ) -> tuple[dict[str, dict[str, int]], int, list[str]]:
    """(each count's sites, the total of sites, SearchResult.estimated) from each group's
    `shifts` and `sites` (counted on its sample), and the `pages` of each value and of the
    first group, all of them."""
    estimated: dict[str, None] = {}
    for (_, names), shift in zip(counts.groups, shifts, strict=True):
        for name in names if shift else []:
            sites[name] = estimate(pages[name], sites[name], shift)
            estimated[ESTIMATED_TIMELINE if name.startswith(TIMELINE) else name] = None
    if shifts[0]:
        total = estimate({"": total_pages}, {"": total}, shifts[0])[""]
        estimated[ESTIMATED_TOTAL] = None
    return sites, total, list(estimated)


def pages_of_sites_request(query: SearchQuery, domains: list[str]) -> dict:
    """The matching pages of each of `domains` (a page of hits by site)."""
    return {"size": 0, "track_total_hits": False,
            "query": page_query(query, query.facet_filters(), [{"terms": {"domain": domains}}]),
            "aggs": {"pages": {"terms": {"field": "domain", "size": len(domains)}}}}


def _body(query: SearchQuery, filters: dict, aggs: dict, count: bool,
          extra: list[dict] | None = None) -> dict:
    return {"size": 0, "query": page_query(query, filters, extra), "track_total_hits": count,
            **({"aggs": aggs} if aggs else {})}


def _key(filters: dict[str, list[str]]) -> str:
    return json.dumps(filters, sort_keys=True)


def _agg(name: str, sites: dict) -> dict:
    """The aggregation a count is made by: a timeline or a facet, of sites with `sites`."""
    if name.startswith(f"{TIMELINE}_"):
        return _timeline_agg(name.removeprefix(f"{TIMELINE}_"), sites)
    return _facet_agg(name, sites)


def _facet_agg(name: str, sites: dict) -> dict:
    """One facet's values and their pages; by site (`sites` being the count of sites),
    their sites, most first. By site, pages without a value (a site whose registrar is not
    known yet) are left out before their sites are counted, as no facet shows them; by page,
    their count is dropped after, since `exclude` would make Elasticsearch read every page's
    value rather than count each value's pages from the index."""
    counted: dict = {"terms": {"field": name, "size": 100}}
    if sites:
        counted["aggs"] = sites
        counted["terms"] |= {"order": [{SITES: "desc"}, {"_key": "asc"}], "exclude": [""]}
    return counted


def _timeline_agg(name: str, sites: dict) -> dict:
    """Results per UTC day of the date field `name`; by site, with their sites, exact up to
    DAY_PRECISION sites a day."""
    days: dict = {"date_histogram": {"field": name, "calendar_interval": "day",
                                     "format": "yyyy-MM-dd", "min_doc_count": 1}}
    if sites:
        days["aggs"] = {k: {"cardinality": agg["cardinality"] | {
            "precision_threshold": DAY_PRECISION}} for k, agg in sites.items()}
    return days
