"""Full-text search over the SQLite store's pages: FTS5 with stems, filters, facets, sorting.

FTS5 finds the pages that match the text, with their bm25 rank (fraudwatch.store.sqlite_matches).
Every other step runs over the pages' columns held in memory (fraudwatch.store.sqlite_columns):
filters, disjunctive facets, counts by page or by site, the timeline and the order of the
results. SQLite is read again only for the addresses that break ties in the order and for the
documents shown.

A mixin of SQLiteStore (fraudwatch.store.sqlite), which owns the connection (`db`), its lock
and the read transaction a search runs in (`_reading`).
"""

from __future__ import annotations

import json

import numpy as np

from fraudwatch.store.models import Page
from fraudwatch.store.query import TIMELINE_FIELDS, Hit, SearchQuery, SearchResult
from fraudwatch.store.sqlite_columns import NO_TIME, PageColumns, micros
from fraudwatch.store.sqlite_matches import Matches
from fraudwatch.store.textindex import fts_terms

_MATRIX_CELLS = 4_000_000  # distinct (value, site) pairs are marked in a matrix up to this size


class SQLiteSearch:
    """search() and its helpers, for SQLiteStore."""

    _columns: PageColumns | None = None
    _text: Matches | None = None

    def search(self, query: SearchQuery) -> SearchResult:
        """Select the pages matching the text and the filters that are not facets; narrow them
        by the facet filters (each facet being counted without its own, so its other values
        stay in view); count, rank and read the page of results, by site or by page."""
        with self._lock, self._reading() as db:
            if self._columns is None:
                self._columns = PageColumns()
            columns = self._columns
            columns.sync(db)
            rows, rank = self._selected(query, columns)
            masks = {name: np.isin(columns.codes[name][rows], columns.vocab[name].known(values))
                     for name, values in query.facet_filters().items()}
            chosen = _all_of(masks.values(), len(rows))
            found = _Found(columns, rows[chosen], query.by_site)
            facets = {name: _Found(columns, rows[_all_of(
                [m for other, m in masks.items() if other != name], len(rows))],
                query.by_site).counts(name) for name in query.facets}
            timeline = {name: dict(sorted(found.counts(name).items()))
                        for name in TIMELINE_FIELDS} if query.timeline else {}
            keys = _keys(query, columns, found.rows, None if rank is None else rank[chosen])
            ranked = (self._best_pages(query, found, keys) if query.by_site
                      else [(r, 1) for r in self._top(found.rows, keys, query)])
            docs = self._page_docs([rowid for rowid, _ in ranked])
        hits = [Hit.of(Page.from_doc(docs[rowid]), query, pages) for rowid, pages in ranked]
        return SearchResult(total=found.total(), hits=hits, facets=facets, timeline=timeline)

    def _selected(self, query: SearchQuery, columns: PageColumns
                  ) -> tuple[np.ndarray, np.ndarray | None]:
        """(rowids of the pages matching the text, the filters that are not facets and the
        dates; their bm25 rank when the text orders them, else None)."""
        rank = None
        if query.has_text:
            rows, rank = self._matches(query, columns.end())
            keep = rows < len(columns.alive)
            keep[keep] = columns.alive[rows[keep]]
        else:
            rows = columns.rowids()
            keep = np.ones(len(rows), dtype=bool)
        for name, values in query.other_filters().items():
            if name == "sign":
                signed = [r[0] for r in self.db.execute(
                    "SELECT page_rowid FROM page_signs WHERE sign IN (SELECT value FROM "
                    "json_each(?))", [json.dumps(values)])]
                keep &= np.isin(rows, np.array(signed, dtype=np.int64))
            else:
                keep &= np.isin(columns.codes[name][rows], columns.vocab[name].known(values))
        if query.last_seen_from:
            keep &= columns.last_seen[rows] >= micros(query.last_seen_from)
        if query.last_seen_to:
            keep &= columns.last_seen[rows] <= micros(query.last_seen_to)
        return rows[keep], None if rank is None else rank[keep]

    def _matches(self, query: SearchQuery, end: int) -> tuple[np.ndarray, np.ndarray | None]:
        """(rowids of the pages matching the text, their bm25 rank when the text orders
        the results); `end` is one past the highest rowid of a page."""
        if self._text is None:
            self._text = Matches(self._connect)
        return self._text.find(self.db, self._match(query), query.sort == "relevance", end)

    def _close_matches(self) -> None:
        if self._text is not None:
            self._text.close()

    def _top(self, rows: np.ndarray, keys: np.ndarray, query: SearchQuery) -> list[int]:
        """The rowids of the result page, in order of their key, then their address."""
        wanted = query.offset + query.size
        if wanted >= len(rows):
            return [r for _, _, r in self._by_address(rows, keys)][query.offset:]
        bound = np.partition(keys, wanted - 1)[wanted - 1]
        better = keys < bound
        ahead = [r for _, _, r in self._by_address(rows[better], keys[better])]
        tied = self._first_by_address(rows[keys == bound], wanted - len(ahead))
        return (ahead + list(tied.values()))[query.offset:wanted]

    def _best_pages(self, query: SearchQuery, found: _Found,
                    keys: np.ndarray) -> list[tuple[int, int]]:
        """(rowid, matching pages) of each site on the result page. Sites come in the order
        of their best page, by key then address (as Elasticsearch's collapse orders them);
        each is shown by that page."""
        wanted = query.offset + query.size
        pages = np.bincount(found.domains)
        region, bound = _leading(keys, found.domains, wanted)
        rows, domains, keys = found.rows[region], found.domains[region], keys[region]
        order = np.argsort(keys, kind="stable")
        firsts = np.unique(domains[order], return_index=True)[1]
        best_key = np.full(len(pages), np.inf)  # each site's best key, in the region
        best_key[domains[order[firsts]]] = keys[order[firsts]]
        leads = keys == best_key[domains]  # the pages that may stand for their site
        ahead = leads & (keys < bound)
        domain_of = dict(zip(rows[ahead].tolist(), domains[ahead].tolist(), strict=True))
        best: dict[int, int] = {}
        for _, _, rowid in self._by_address(rows[ahead], keys[ahead]):
            best.setdefault(domain_of[rowid], rowid)
        tied = leads & (keys == bound)
        best.update(self._first_by_address(rows[tied], wanted - len(best), domains[tied]))
        return [(rowid, int(pages[domain])) for domain, rowid in list(best.items())[query.offset:]]

    def _by_address(self, rows: np.ndarray, keys: np.ndarray) -> list[tuple]:
        """(key, address, rowid) of `rows` (a few), sorted: ties of the key broken by the
        address."""
        urls = dict(self.db.execute("SELECT rowid, url FROM pages WHERE rowid IN (SELECT value "
                                    "FROM json_each(?))", [json.dumps(rows.tolist())]))
        return sorted(zip(keys.tolist(), (urls[r] for r in rows.tolist()), rows.tolist(),
                          strict=True))

    def _first_by_address(self, rows: np.ndarray, count: int,
                          groups: np.ndarray | None = None) -> dict[int, int]:
        """{group: its first row} of the first `count` groups of `rows` (each row its own group
        without `groups`), rows taken in order of their address. SQLite sorts them: there may
        be thousands, all tied on the key."""
        if count <= 0 or not len(rows):
            return {}
        group_of = dict(zip(rows.tolist(), (rows if groups is None else groups).tolist(),
                            strict=True))
        picked: dict[int, int] = {}
        for (rowid,) in self.db.execute(
                "SELECT rowid FROM pages WHERE rowid IN (SELECT value FROM json_each(?)) "
                "ORDER BY url, rowid", [json.dumps(rows.tolist())]):
            picked.setdefault(group_of[rowid], rowid)
            if len(picked) == count:
                break
        return picked

    def _page_docs(self, rowids: list[int]) -> dict[int, dict]:
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        rows = self.db.execute(f"SELECT rowid, doc FROM page_docs WHERE rowid IN ({marks})", rowids)
        return {r[0]: json.loads(r[1]) for r in rows}

    @staticmethod
    def _match(query: SearchQuery) -> str:
        parts = [f"stems : {t}" for t in fts_terms(query.text)]
        parts += ['{title body} : "' + p.replace('"', '""') + '"' for p in query.phrases]
        return " AND ".join(parts)


class _Found:
    """A set of pages and their counts: by page, or by site (distinct domains)."""

    def __init__(self, columns: PageColumns, rows: np.ndarray, by_site: bool):
        self.columns, self.rows, self.by_site = columns, rows, by_site
        self.domains = columns.codes["domain"][rows]

    def total(self) -> int:
        if not self.by_site:
            return len(self.rows)
        return int(np.count_nonzero(np.bincount(self.domains))) if len(self.rows) else 0

    def counts(self, name: str) -> dict[str, int]:
        """Pages (or sites) per non-empty value of the column `name`, most first."""
        values = self.columns.vocab[name].values
        codes = self.columns.codes[name][self.rows]
        if self.by_site:
            counts = _distinct(codes, self.domains, len(values),
                               len(self.columns.vocab["domain"].values))
        else:
            counts = np.bincount(codes, minlength=len(values))
        found = [(values[c], int(counts[c])) for c in np.flatnonzero(counts) if values[c]]
        return dict(sorted(found, key=lambda kv: (-kv[1], kv[0])))


def _leading(keys: np.ndarray, domains: np.ndarray, wanted: int) -> tuple[np.ndarray, float]:
    """(the positions of the pages whose key is at most the bound, the bound): the key of the
    best page of the `wanted`-th site, in order of their best keys (infinite when there are
    no more sites). Looks at the best few pages first: the bound they give is at least the
    true one, so every page at or below it holds the answer."""
    look = min(len(keys), max(8 * wanted, 256))
    part = np.argpartition(keys, look - 1)[:look] if look < len(keys) else None
    bound = _bound(keys, domains, wanted, part)
    if part is not None:
        part = np.flatnonzero(keys <= bound)  # every page that can lead its site
        bound = _bound(keys, domains, wanted, part)
    return (np.flatnonzero(keys <= bound) if part is None else part[keys[part] <= bound]), bound


def _bound(keys: np.ndarray, domains: np.ndarray, wanted: int,
           among: np.ndarray | None) -> float:
    """The best key of the `wanted`-th site among the pages `among` (all by default), sites
    ordered by their best key; infinite when they hold fewer sites."""
    if among is None:
        among = np.arange(len(keys))
    order = among[np.argsort(keys[among], kind="stable")]
    firsts = np.sort(np.unique(domains[order], return_index=True)[1])
    return keys[order[firsts[wanted - 1]]] if len(firsts) >= wanted else np.inf


def _distinct(codes: np.ndarray, domains: np.ndarray, values: int, sites: int) -> np.ndarray:
    """Per value code, how many distinct domains have it among the (code, domain) pairs."""
    if not len(codes):
        return np.zeros(values, dtype=np.int64)
    pairs = codes.astype(np.int64) * sites + domains
    if values * sites <= _MATRIX_CELLS:
        seen = np.zeros(values * sites, dtype=bool)
        seen[pairs] = True
        return np.count_nonzero(seen.reshape(values, sites), axis=1)
    return np.bincount(np.unique(pairs) // sites, minlength=values)


def _all_of(masks, size: int) -> np.ndarray:
    """Where every mask holds (everywhere without one)."""
    chosen = np.ones(size, dtype=bool)
    for mask in masks:
        chosen &= mask
    return chosen


def _keys(query: SearchQuery, columns: PageColumns, rows: np.ndarray,
          rank: np.ndarray | None) -> np.ndarray:
    """The sort key of each of `rows`, smaller first (ties are broken by the address)."""
    sort = query.sort
    if sort == "relevance":
        if rank is not None:
            return rank
        sort = "-last_seen"
    if sort.endswith("last_seen"):
        keys = columns.last_seen[rows].astype(np.float64)
        keys[columns.last_seen[rows] == NO_TIME] = -np.inf  # no time: oldest
    elif sort.endswith("score"):
        keys = columns.score[rows].copy()
    else:  # domain
        names = np.array(columns.vocab["domain"].values)
        keys = np.argsort(np.argsort(names, kind="stable")).astype(np.float64)[
            columns.codes["domain"][rows]]
    return -keys if sort.startswith("-") else keys
