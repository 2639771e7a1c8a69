"""Full-text search over the SQLite store's pages: FTS5 with stems, filters, facets, sorting.

A mixin of SQLiteStore (fraudwatch.store.sqlite), which owns the connection (`db`), its lock
and the read transaction a search runs in (`_reading`).
"""

from __future__ import annotations

import json

from fraudwatch.store.models import Page
from fraudwatch.store.query import FILTER_FIELDS, TIMELINE_FIELDS, Hit, SearchQuery, SearchResult
from fraudwatch.store.textindex import fts_terms

_SORT_SQL = {
    "last_seen": "p.last_seen ASC, p.url ASC", "-last_seen": "p.last_seen DESC, p.url ASC",
    "score": "p.score ASC, p.url ASC", "-score": "p.score DESC, p.url ASC",
    "domain": "p.domain ASC, p.url ASC",
}
_FILTER_COLUMNS = set(FILTER_FIELDS) - {"sign"}  # columns of `pages`; signs are in page_signs
_HIT_COLUMNS = ("url", "domain", "tld", "category", "verdict", "score", "lang", "status", "ip",
                "first_seen", "last_seen", "review_state", "registrar", "hosting")
_FEW_VALUED = {"category", "verdict", "review_state", "lang", "status"}


class SQLiteSearch:
    """search() and its helpers, for SQLiteStore."""

    def search(self, query: SearchQuery) -> SearchResult:
        """Collect the pages matching the text and the filters that are not facets once into
        a temporary table; then count, facet (each facet without its own filter) and page
        from it, by site or by page. Without text, the pages table is read through its
        indexes, and only facet filters are collected."""
        with self._lock, self._reading():
            where, params = self._where(query)
            base = "pages p"  # what each facet's own filter is lifted from
            if query.has_text or where != "1":
                self._collect(query, where, params)
                base = "temp.fw_hits p"
            where, params = _facet_where(query.facet_filters())
            source = base
            if base == "pages p" and where != "1":  # facet filters alone: collect the hits
                self._collect(query, where, params)
                source, where, params = "temp.fw_hits p", "1", []
            counted = "count(DISTINCT p.domain)" if query.by_site else "count(*)"
            total = self.db.execute(f"SELECT {counted} FROM {source} WHERE {where}",
                                    params).fetchone()[0]
            if query.by_site:
                ranked = self._best_pages(query, source, where, params)
            else:
                ranked = [(r[0], 1) for r in self.db.execute(
                    f"SELECT p.rowid FROM {source} WHERE {where} ORDER BY {_page_order(query)} "
                    "LIMIT ? OFFSET ?", [*params, query.size, query.offset])]
            facets = self._facets(query, (source, where, params), base)
            timeline = self._timeline(query, source, where, params) if query.timeline else {}
            docs = self._page_docs([rowid for rowid, _ in ranked])
        hits = [Hit.of(Page.from_doc(docs[rowid]), query, pages) for rowid, pages in ranked]
        return SearchResult(total=total, hits=hits, facets=facets, timeline=timeline)

    def _timeline(self, query: SearchQuery, source: str, where: str,
                  params: list) -> dict[str, dict[str, int]]:
        """Results (sites or pages) per UTC day of each TIMELINE_FIELDS field."""
        counted = "count(DISTINCT p.domain)" if query.by_site else "count(*)"
        return {name: dict(self.db.execute(
            f"SELECT substr(p.{name}, 1, 10) AS day, {counted} FROM {source} "
            f"WHERE {where} AND p.{name} > '' GROUP BY day ORDER BY day", params))
            for name in TIMELINE_FIELDS}

    def _best_pages(self, query: SearchQuery, source: str, where: str,
                    params: list) -> list[tuple[int, int]]:
        """(rowid, matching pages) of each site on the result page. Sites come in the order
        of their best page, read in page order until the page is full (as Elasticsearch's
        collapse orders them); each is shown by that page."""
        best: dict[str, int] = {}
        wanted = query.offset + query.size
        for rowid, domain in self.db.execute(
                f"SELECT p.rowid, p.domain FROM {source} WHERE {where} "
                f"ORDER BY {_page_order(query)}", params):
            if domain not in best:
                best[domain] = rowid
                if len(best) == wanted:
                    break
        shown = list(best)[query.offset:]
        if not shown:
            return []
        marks = ",".join("?" * len(shown))
        counts = dict(self.db.execute(
            f"SELECT p.domain, count(*) FROM {source} WHERE {where} AND p.domain IN ({marks}) "
            "GROUP BY p.domain", [*params, *shown]))
        return [(best[d], counts[d]) for d in shown]

    def _collect(self, query: SearchQuery, where: str, params: list) -> None:
        """Copy the pages matching the query (with their bm25 rank when sorted by it) into
        the connection's temporary table fw_hits, which then stands in for `pages`."""
        db = self.db
        db.execute(f"CREATE TEMP TABLE IF NOT EXISTS fw_hits (rowid INTEGER PRIMARY KEY, "
                   f"rank REAL, {', '.join(_HIT_COLUMNS)})")
        db.execute("DELETE FROM temp.fw_hits")
        columns = ", ".join(f"p.{c}" for c in _HIT_COLUMNS)
        if not query.has_text:
            db.execute(f"INSERT INTO temp.fw_hits SELECT p.rowid, 0, {columns} FROM pages p "
                       f"WHERE {where}", params)
            return
        rank = "bm25(pages_fts)" if query.sort == "relevance" else "0"
        db.execute(f"INSERT INTO temp.fw_hits SELECT p.rowid, {rank}, {columns} "
                   # CROSS JOIN: match the text first; a filter's index must not drive
                   "FROM pages_fts CROSS JOIN pages p ON p.rowid = pages_fts.rowid "
                   f"WHERE pages_fts MATCH ? AND {where}", [self._match(query), *params])

    def _page_docs(self, rowids: list[int]) -> dict[int, dict]:
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        rows = self.db.execute(f"SELECT rowid, doc FROM page_docs WHERE rowid IN ({marks})", rowids)
        return {r[0]: json.loads(r[1]) for r in rows}

    def _facets(self, query: SearchQuery, hits: tuple[str, str, list],
                base: str) -> dict[str, dict[str, int]]:
        """Counts (of sites or pages) per value of each facet. A facet without a filter of its
        own is counted over the hits (pages of the few-valued ones in one GROUP BY); a facet
        with one is counted over `base` under the other facet filters, so its other values
        stay in view."""
        names = query.facets
        if hits[0] == "pages p" and hits[1] == "1" and not query.by_site:
            return {name: self._facet(name) for name in names}  # one covering index each
        counted = "count(DISTINCT p.domain)" if query.by_site else "count(*)"
        # one GROUP BY may count pages of several facets, never distinct sites
        few = [] if query.by_site else [n for n in names
                                        if n not in query.filters and n in _FEW_VALUED]
        groups = ([few] if few else []) + [[n] for n in names if n not in few]
        facets: dict[str, dict[str, int]] = {name: {} for name in names}
        for group in groups:
            source, where, params = hits
            if group[0] in query.filters:
                source = base
                where, params = _facet_where(query.facet_filters(skip=group[0]))
            columns = ", ".join(f"p.{name}" for name in group)
            rows = self.db.execute(
                f"SELECT {columns}, {counted} FROM {source} WHERE {where} GROUP BY {columns}",
                params)
            for row in rows:
                for name, value in zip(group, row[:-1], strict=True):
                    if value:
                        facets[name][value] = facets[name].get(value, 0) + row[-1]
        return {name: dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
                for name in names for counts in [facets[name]]}

    def _facet(self, name: str) -> dict[str, int]:
        rows = self.db.execute(f"SELECT {name}, count(*) AS n FROM pages GROUP BY {name} "
                               f"ORDER BY n DESC, {name} ASC")
        return {r[0]: r[1] for r in rows if r[0]}

    @staticmethod
    def _match(query: SearchQuery) -> str:
        parts = [f"stems : {t}" for t in fts_terms(query.text)]
        parts += ['{title body} : "' + p.replace('"', '""') + '"' for p in query.phrases]
        return " AND ".join(parts)

    def _where(self, query: SearchQuery) -> tuple[str, list]:
        """The SQL of the filters that are not facets, and of the date range."""
        clauses, params = [], []
        for field, values in query.other_filters().items():
            marks = ",".join("?" * len(values))
            if field == "sign":
                clauses.append(
                    f"p.rowid IN (SELECT page_rowid FROM page_signs WHERE sign IN ({marks}))")
            elif field in _FILTER_COLUMNS:
                clauses.append(f"p.{field} IN ({marks})")
            params += values
        if query.last_seen_from:
            clauses.append("p.last_seen >= ?")
            params.append(query.last_seen_from)
        if query.last_seen_to:
            clauses.append("p.last_seen <= ?")
            params.append(query.last_seen_to)
        return " AND ".join(clauses) or "1", params


def _facet_where(filters: dict[str, list[str]]) -> tuple[str, list]:
    """The SQL of facet filters: any of a field's values, every field."""
    clauses, params = [], []
    for field, values in filters.items():
        clauses.append(f"p.{field} IN ({','.join('?' * len(values))})")
        params += values
    return " AND ".join(clauses) or "1", params


def _page_order(query: SearchQuery) -> str:
    if query.sort == "relevance":
        return "p.rank ASC, p.url ASC" if query.has_text else "p.last_seen DESC, p.url ASC"
    return _SORT_SQL.get(query.sort, "p.last_seen DESC, p.url ASC")
