"""The embedded store: one SQLite file with FTS5 full-text search over pages."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from fraudwatch.store.base import Store, StoreError
from fraudwatch.store.merge import merge_first_seen
from fraudwatch.store.models import Capture, Letter, Page, Review, Site
from fraudwatch.store.query import Hit, SearchQuery, SearchResult
from fraudwatch.store.textindex import fts_terms, snippet, stems

SCHEMA = """
CREATE TABLE IF NOT EXISTS captures (
    id TEXT PRIMARY KEY, domain TEXT, url TEXT, fetched_at TEXT, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS captures_domain ON captures(domain, fetched_at);
CREATE TABLE IF NOT EXISTS pages (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, url TEXT, domain TEXT, tld TEXT,
    category TEXT, verdict TEXT, score REAL, lang TEXT, status TEXT, ip TEXT,
    first_seen TEXT, last_seen TEXT, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS pages_domain ON pages(domain);
CREATE INDEX IF NOT EXISTS pages_last_seen ON pages(last_seen);
CREATE INDEX IF NOT EXISTS pages_category ON pages(category, verdict);
CREATE TABLE IF NOT EXISTS page_signs (page_rowid INTEGER NOT NULL, sign TEXT NOT NULL,
    PRIMARY KEY (page_rowid, sign)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS page_signs_sign ON page_signs(sign);
CREATE VIRTUAL TABLE IF NOT EXISTS pages_fts USING fts5(
    title, body, stems,
    tokenize='unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS sites (
    id TEXT PRIMARY KEY, domain TEXT UNIQUE, review_state TEXT, category TEXT, verdict TEXT,
    status TEXT, network_id TEXT, last_seen TEXT, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reviews (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE, site_id TEXT, at TEXT,
    doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reviews_site ON reviews(site_id, seq);
CREATE TABLE IF NOT EXISTS letters (
    id TEXT PRIMARY KEY, number TEXT, status TEXT, created_at TEXT, doc TEXT NOT NULL);
"""

_SORT_SQL = {
    "last_seen": "p.last_seen ASC, p.url ASC", "-last_seen": "p.last_seen DESC, p.url ASC",
    "score": "p.score ASC, p.url ASC", "-score": "p.score DESC, p.url ASC",
    "domain": "p.domain ASC, p.url ASC",
}
_FILTER_COLUMNS = {"category", "verdict", "tld", "lang", "status", "domain", "ip"}
_SITE_COLUMNS = {"domain", "review_state", "category", "verdict", "status", "network_id"}


class SQLiteStore(Store):
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.url = f"sqlite:///{self.path}"
        self._local = threading.local()
        self._lock = threading.RLock()

    @property
    def db(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=30)
            except (OSError, sqlite3.Error) as exc:
                raise StoreError(f"cannot open SQLite store {self.path}: {exc}") from exc
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn

    def setup(self) -> None:
        with self._lock, self.db:
            self.db.executescript(SCHEMA)

    def ping(self) -> str:
        try:
            self.setup()
            version = self.db.execute("select sqlite_version()").fetchone()[0]
            self.db.execute("select count(*) from pages_fts").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite store {self.path} unusable: {exc}") from exc
        return f"SQLite {version} with FTS5 at {self.path}"

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # writes -------------------------------------------------------------------------------

    def put_captures(self, captures: Iterable[Capture]) -> int:
        rows = [(c.id, c.domain, c.url, c.fetched_at, _dump(c)) for c in captures]
        with self._lock, self.db:
            self.db.executemany("INSERT OR REPLACE INTO captures VALUES (?,?,?,?,?)", rows)
        return len(rows)

    def put_pages(self, pages: Iterable[Page]) -> int:
        pages = merge_first_seen(list(pages), self._existing("pages"))
        with self._lock, self.db:
            for p in pages:
                self._put_page(p)
        return len(pages)

    def _put_page(self, p: Page) -> None:
        db = self.db
        old = db.execute("SELECT rowid FROM pages WHERE id=?", (p.id,)).fetchone()
        values = (p.id, p.url, p.domain, p.tld, p.category, p.verdict, p.score, p.lang,
                  p.status, p.ip, p.first_seen, p.last_seen, _dump(p))
        if old:
            rowid = old[0]
            db.execute("DELETE FROM pages_fts WHERE rowid=?", (rowid,))
            db.execute("DELETE FROM page_signs WHERE page_rowid=?", (rowid,))
            db.execute(
                "UPDATE pages SET id=?, url=?, domain=?, tld=?, category=?, verdict=?, score=?,"
                " lang=?, status=?, ip=?, first_seen=?, last_seen=?, doc=? WHERE rowid=?",
                (*values, rowid),
            )
        else:
            rowid = db.execute(
                "INSERT INTO pages (id, url, domain, tld, category, verdict, score, lang, status,"
                " ip, first_seen, last_seen, doc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", values,
            ).lastrowid
        db.execute(
            "INSERT INTO pages_fts (rowid, title, body, stems) VALUES (?,?,?,?)",
            (rowid, p.title, p.text, stems(f"{p.title} {p.text}")),
        )
        db.executemany("INSERT INTO page_signs VALUES (?,?)", [(rowid, s) for s in p.sign_ids])

    def put_sites(self, sites: Iterable[Site]) -> int:
        sites = merge_first_seen(list(sites), self._existing("sites"))
        rows = [(s.id, s.domain, s.review_state, s.category, s.verdict, s.status, s.network_id,
                 s.last_seen, _dump(s)) for s in sites]
        with self._lock, self.db:
            self.db.executemany("INSERT OR REPLACE INTO sites VALUES (?,?,?,?,?,?,?,?,?)", rows)
        return len(rows)

    def add_review(self, review: Review) -> None:
        with self._lock, self.db:
            self.db.execute(
                "INSERT OR IGNORE INTO reviews (id, site_id, at, doc) VALUES (?,?,?,?)",
                (review.id, review.site_id, review.at, _dump(review)),
            )

    def put_letters(self, letters: Iterable[Letter]) -> int:
        rows = [(x.id, x.number, x.status, x.created_at, _dump(x)) for x in letters]
        with self._lock, self.db:
            self.db.executemany("INSERT OR REPLACE INTO letters VALUES (?,?,?,?,?)", rows)
        return len(rows)

    def _existing(self, table: str):
        def fetch(ids: list[str]) -> dict[str, dict]:
            marks = ",".join("?" * len(ids))
            rows = self.db.execute(f"SELECT id, doc FROM {table} WHERE id IN ({marks})", ids)
            return {r["id"]: json.loads(r["doc"]) for r in rows}

        return fetch

    # reads --------------------------------------------------------------------------------

    def _get(self, table: str, cls, doc_id: str):
        row = self.db.execute(f"SELECT doc FROM {table} WHERE id=?", (doc_id,)).fetchone()
        return cls.from_doc(json.loads(row["doc"])) if row else None

    def get_capture(self, capture_id: str) -> Capture | None:
        return self._get("captures", Capture, capture_id)

    def get_page(self, page_id: str) -> Page | None:
        return self._get("pages", Page, page_id)

    def get_site(self, site_id: str) -> Site | None:
        return self._get("sites", Site, site_id)

    def get_letter(self, letter_id: str) -> Letter | None:
        return self._get("letters", Letter, letter_id)

    def captures_for(self, domain: str) -> list[Capture]:
        rows = self.db.execute(
            "SELECT doc FROM captures WHERE domain=? ORDER BY fetched_at, id", (domain,))
        return [Capture.from_doc(json.loads(r["doc"])) for r in rows]

    def pages_for(self, domain: str) -> list[Page]:
        rows = self.db.execute("SELECT doc FROM pages WHERE domain=? ORDER BY url", (domain,))
        return [Page.from_doc(json.loads(r["doc"])) for r in rows]

    def reviews_for(self, site_id: str) -> list[Review]:
        rows = self.db.execute("SELECT doc FROM reviews WHERE site_id=? ORDER BY seq", (site_id,))
        return [Review.from_doc(json.loads(r["doc"])) for r in rows]

    def iter_reviews(self) -> Iterator[Review]:
        for r in self.db.execute("SELECT doc FROM reviews ORDER BY seq"):
            yield Review.from_doc(json.loads(r["doc"]))

    def iter_sites(self, **filters: str) -> Iterator[Site]:
        unknown = set(filters) - _SITE_COLUMNS
        if unknown:
            raise ValueError(f"cannot filter sites by {sorted(unknown)}")
        where = " AND ".join(f"{k}=?" for k in filters) or "1"
        rows = self.db.execute(
            f"SELECT doc FROM sites WHERE {where} ORDER BY domain", list(filters.values()))
        for r in rows:
            yield Site.from_doc(json.loads(r["doc"]))

    def iter_letters(self) -> Iterator[Letter]:
        for r in self.db.execute("SELECT doc FROM letters ORDER BY created_at, number"):
            yield Letter.from_doc(json.loads(r["doc"]))

    def count(self, kind: str) -> int:
        table = {"capture": "captures", "page": "pages", "site": "sites", "review": "reviews",
                 "letter": "letters"}[kind]
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    # search -------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResult:
        where, params = self._where(query)
        total = self.db.execute(f"SELECT count(*) FROM pages p WHERE {where}", params).fetchone()[0]
        order = _SORT_SQL.get(query.sort, "p.last_seen DESC")
        join = ""
        if query.sort == "relevance" and query.has_text:
            join = ("JOIN (SELECT rowid AS r, bm25(pages_fts) AS rank FROM pages_fts"
                    " WHERE pages_fts MATCH ?) f ON f.r = p.rowid")
            order = "f.rank ASC, p.last_seen DESC"
            params = [self._match(query), *params]
        elif query.sort == "relevance":
            order = "p.last_seen DESC, p.url ASC"
        rows = self.db.execute(
            f"SELECT p.doc FROM pages p {join} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, query.size, query.offset],
        ).fetchall()
        hits = [self._hit(json.loads(r["doc"]), query) for r in rows]
        _, base = self._where(query)
        facets = {f: self._facet(f, where, base) for f in query.facets}
        return SearchResult(total=total, hits=hits, facets=facets)

    def _facet(self, field: str, where: str, params: list) -> dict[str, int]:
        rows = self.db.execute(
            f"SELECT p.{field} AS v, count(*) AS n FROM pages p WHERE {where} "
            f"GROUP BY p.{field} ORDER BY n DESC, v ASC", params)
        return {r["v"]: r["n"] for r in rows if r["v"]}

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
        if query.has_text:
            clauses.append("p.rowid IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?)")
            params.append(self._match(query))
        return " AND ".join(clauses) or "1", params

    @staticmethod
    def _hit(doc: dict, query: SearchQuery) -> Hit:
        page = Page.from_doc(doc)
        return Hit(
            id=page.id, url=page.url, domain=page.domain, category=page.category,
            verdict=page.verdict, score=page.score, signs=page.sign_ids, title=page.title,
            last_seen=page.last_seen, snippet=snippet(page.text, query.text, query.phrases),
        )


def _dump(doc) -> str:
    return json.dumps(doc.to_doc(), ensure_ascii=False, sort_keys=True)
