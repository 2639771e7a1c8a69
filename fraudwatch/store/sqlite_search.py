"""Full-text search over the SQLite store's pages: FTS5 with stems, filters, facets, sorting.

A mixin of SQLiteStore (fraudwatch.store.sqlite), which owns the connection (`db`), its lock
and the read transaction a search runs in (`_reading`).
"""

from __future__ import annotations

import json

from fraudwatch.store.models import Page
from fraudwatch.store.query import Hit, SearchQuery, SearchResult
from fraudwatch.store.textindex import fts_terms, snippet

_SORT_SQL = {
    "last_seen": "p.last_seen ASC, p.url ASC", "-last_seen": "p.last_seen DESC, p.url ASC",
    "score": "p.score ASC, p.url ASC", "-score": "p.score DESC, p.url ASC",
    "domain": "p.domain ASC, p.url ASC",
}
_FILTER_COLUMNS = {"category", "verdict", "tld", "lang", "status", "domain", "ip",
                   "review_state", "registrar", "hosting"}
_HIT_COLUMNS = ("url", "domain", "tld", "category", "verdict", "score", "lang", "status", "ip",
                "last_seen", "review_state", "registrar", "hosting")
_FEW_VALUED = {"category", "verdict", "review_state", "lang", "status"}


class SQLiteSearch:
    """search() and its helpers, for SQLiteStore."""

    def search(self, query: SearchQuery) -> SearchResult:
        """Collect the matching pages once into a temporary table, then count, facet and
        page from it; a search of everything reads the indexes instead."""
        with self._lock, self._reading():
            where, params = self._where(query)
            source = "pages p"
            if query.has_text or where != "1":
                self._collect(query, where, params)
                source, where, params = "temp.fw_hits p", "1", []
            db = self.db
            total = db.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]
            order = _SORT_SQL.get(query.sort, "p.last_seen DESC, p.url ASC")
            if query.sort == "relevance":
                order = "p.rank ASC, p.url ASC" if query.has_text else "p.last_seen DESC, p.url ASC"
            rowids = [r[0] for r in db.execute(
                f"SELECT p.rowid FROM {source} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                [*params, query.size, query.offset])]
            facets = self._facets(query.facets, source, where, params)
            docs = self._page_docs(rowids)
        hits = [self._hit(docs[r], query) for r in rowids]
        return SearchResult(total=total, hits=hits, facets=facets)

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

    def _facets(self, names, source: str, where: str, params: list) -> dict[str, dict[str, int]]:
        """Counts per value of each facet: one GROUP BY over all the few-valued facets, one
        more per many-valued facet (TLD, registrar, hosting)."""
        if source == "pages p" and where == "1":  # everything: one covering index per facet
            return {name: self._facet(name) for name in names}
        few = [n for n in names if n in _FEW_VALUED]
        groups = ([few] if few else []) + [[n] for n in names if n not in _FEW_VALUED]
        facets: dict[str, dict[str, int]] = {name: {} for name in names}
        for group in groups:
            columns = ", ".join(f"p.{name}" for name in group)
            rows = self.db.execute(
                f"SELECT {columns}, count(*) FROM {source} WHERE {where} GROUP BY {columns}",
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
        clauses, params = [], []
        for field, values in query.filters.items():
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

    @staticmethod
    def _hit(doc: dict, query: SearchQuery) -> Hit:
        page = Page.from_doc(doc)
        return Hit(
            id=page.id, url=page.url, domain=page.domain, category=page.category,
            verdict=page.verdict, score=page.score, signs=page.sign_ids, title=page.title,
            last_seen=page.last_seen, snippet=snippet(page.text, query.text, query.phrases),
        )
