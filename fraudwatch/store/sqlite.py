"""The embedded store: one SQLite file with FTS5 full-text search over pages."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from fraudwatch.store.base import Store, StoreError, StoreWriteFailed
from fraudwatch.store.merge import merge_first_seen
from fraudwatch.store.models import (
    DOC_CLASSES,
    SITE_FIELDS_ON_PAGES,
    Capture,
    Doc,
    Letter,
    Page,
    Review,
    Site,
)
from fraudwatch.store.sqlite_columns import LOG_SCHEMA, prune
from fraudwatch.store.sqlite_search import SQLiteSearch
from fraudwatch.store.textindex import stems

SCHEMA = """
CREATE TABLE IF NOT EXISTS captures (
    id TEXT PRIMARY KEY, domain TEXT, url TEXT, fetched_at TEXT, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS captures_domain ON captures(domain, fetched_at);
CREATE TABLE IF NOT EXISTS pages (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, url TEXT, domain TEXT, tld TEXT,
    category TEXT, verdict TEXT, score REAL, lang TEXT, status TEXT, ip TEXT,
    first_seen TEXT, last_seen TEXT, review_state TEXT, registrar TEXT, hosting TEXT);
CREATE TABLE IF NOT EXISTS page_docs (rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS pages_domain ON pages(domain, url);
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
PRAGMA user_version = 3;
"""
SCHEMA_VERSION = 3


# Indexes of older files that searches no longer read (they filter, count and order over
# in-memory columns, sqlite_columns.py): dropped, since each one costs every page write.
_RETIRED_INDEXES = (
    "pages_last_seen", "pages_score", "pages_category", "pages_verdict", "pages_tld",
    "pages_lang", "pages_status", "pages_ip", "pages_review_state", "pages_registrar",
    "pages_hosting", *(f"pages_{facet}_site" for facet in (
        "category", "verdict", "review_state", "tld", "lang", "status", "registrar",
        "hosting")))

_TABLES = {kind: kind + "s" for kind in DOC_CLASSES}  # the table of each kind of document
_DOC_SOURCE = {"pages": "pages JOIN page_docs USING (rowid)"}
# SQL of _copy_to_pages: parameters 1..n are the site's fields on pages, n+1 its domain
_DOMAIN = len(SITE_FIELDS_ON_PAGES) + 1
_JSON_SET = ", ".join(f"'$.{f}', ?{i}" for i, f in enumerate(SITE_FIELDS_ON_PAGES, 1))
_SET = ", ".join(f"{f} = ?{i}" for i, f in enumerate(SITE_FIELDS_ON_PAGES, 1))
_CHANGED = (f"({', '.join(SITE_FIELDS_ON_PAGES)}) IS NOT "
            f"({', '.join(f'?{i}' for i in range(1, _DOMAIN))})")
_SITE_COLUMNS = {"domain", "review_state", "category", "verdict", "status", "network_id"}


_DISK_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR,
               sqlite3.SQLITE_FULL, sqlite3.SQLITE_CANTOPEN}  # primary result codes


def _disk_refused(exc: sqlite3.Error) -> bool:
    """Whether SQLite failed for its file's sake (busy past the timeout, read-only, I/O error,
    disk full, cannot open) rather than the statement's: the same write can succeed later."""
    return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in _DISK_CODES


def _use_wal(conn: sqlite3.Connection, wait: float = 30.0) -> None:
    """Switch the file to write-ahead logging. On a new file another process (a crawl worker)
    may be doing the same, and the switch does not wait for locks as statements do: retry."""
    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class SQLiteStore(SQLiteSearch, Store):
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.url = f"sqlite:///{self.path}"
        self._local = threading.local()
        self._lock = threading.RLock()

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        return conn

    def _connect(self) -> sqlite3.Connection:
        """A new connection to the file, in write-ahead logging."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit: no statement opens a transaction behind our back (one left open
            # would pin a long-lived reader, the web UI, to an old snapshot); writes and
            # searches open and end their own. A search's ranking helpers use theirs from
            # other threads (sqlite_matches).
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                                   check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open SQLite store {self.path}: {exc}") from exc
        _use_wal(conn)
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.row_factory = sqlite3.Row
        return conn

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction with the file's write lock taken first, so processes sharing
        the file (crawl workers) wait for each other instead of racing between a read and the
        write it decides."""
        with self._lock:
            db = self.db
            db.commit()
            try:
                db.execute("BEGIN IMMEDIATE")
                yield db
                db.commit()
            except BaseException as exc:
                self._abandon(db)
                if isinstance(exc, sqlite3.Error) and _disk_refused(exc):
                    raise StoreWriteFailed(
                        f"SQLite store {self.path} could not be written: {exc} (disk full, "
                        "read-only, or failing); nothing of this write was kept") from exc
                raise

    def _abandon(self, db: sqlite3.Connection) -> None:
        """Roll back; a connection the failure left unusable is dropped (the next use opens a
        new one)."""
        try:
            db.rollback()
        except sqlite3.Error:
            db.close()
            self._local.conn = None

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: its statements see one snapshot, released at the end."""
        db = self.db
        db.execute("BEGIN")
        try:
            yield db
        finally:
            if db.in_transaction:
                db.execute("COMMIT")

    def setup(self) -> None:
        """Lay out the file (the check and the layout in one write transaction)."""
        with self._writing() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            has_pages = db.execute("SELECT 1 FROM sqlite_master WHERE name='pages'").fetchone()
            if has_pages and version != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} has store layout {version}, this fraudwatch uses "
                    f"{SCHEMA_VERSION}; fix: move the file away and crawl again")
            if version != SCHEMA_VERSION:
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
            # the log that keeps searches' in-memory columns current (added to older files of
            # the same layout too)
            for statement in LOG_SCHEMA:
                db.execute(statement)
            for index in _RETIRED_INDEXES:
                db.execute(f"DROP INDEX IF EXISTS {index}")

    def ping(self) -> str:
        try:
            self.setup()
            version = self.db.execute("select sqlite_version()").fetchone()[0]
            self.db.execute("select count(*) from pages_fts").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite store {self.path} unusable: {exc}") from exc
        return f"SQLite {version} with FTS5 at {self.path}"

    def close(self) -> None:
        self._close_matches()
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # writes -------------------------------------------------------------------------------

    def put_captures(self, captures: Iterable[Capture]) -> int:
        rows = [(c.id, c.domain, c.url, c.fetched_at, _dump(c)) for c in captures]
        with self._writing():
            self.db.executemany("INSERT OR REPLACE INTO captures VALUES (?,?,?,?,?)", rows)
        return len(rows)

    def put_pages(self, pages: Iterable[Page]) -> int:
        with self._writing():
            pages = merge_first_seen(list(pages), self._existing("pages"))
            for p in pages:
                self._put_page(p)
            prune(self.db)
        return len(pages)

    def _put_page(self, p: Page) -> None:
        db = self.db
        old = db.execute("SELECT rowid FROM pages WHERE id=?", (p.id,)).fetchone()
        values = (p.id, p.url, p.domain, p.tld, p.category, p.verdict, p.score, p.lang,
                  p.status, p.ip, p.first_seen, p.last_seen, p.review_state, p.registrar,
                  p.hosting)
        if old:
            rowid = old[0]
            db.execute("DELETE FROM pages_fts WHERE rowid=?", (rowid,))
            db.execute("DELETE FROM page_signs WHERE page_rowid=?", (rowid,))
            db.execute(
                "UPDATE pages SET id=?, url=?, domain=?, tld=?, category=?, verdict=?, score=?,"
                " lang=?, status=?, ip=?, first_seen=?, last_seen=?, review_state=?, registrar=?,"
                " hosting=? WHERE rowid=?",
                (*values, rowid),
            )
        else:
            rowid = db.execute(
                "INSERT INTO pages (id, url, domain, tld, category, verdict, score, lang, status,"
                " ip, first_seen, last_seen, review_state, registrar, hosting)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", values,
            ).lastrowid
        db.execute("INSERT OR REPLACE INTO page_docs VALUES (?,?)", (rowid, _dump(p)))
        db.execute(
            "INSERT INTO pages_fts (rowid, title, body, stems) VALUES (?,?,?,?)",
            (rowid, p.title, p.text, stems(f"{p.title} {p.text}")),
        )
        db.executemany("INSERT INTO page_signs VALUES (?,?)", [(rowid, s) for s in p.sign_ids])

    def put_sites(self, sites: Iterable[Site]) -> int:
        with self._writing():
            sites = merge_first_seen(list(sites), self._existing("sites"))
            rows = [(s.id, s.domain, s.review_state, s.category, s.verdict, s.status,
                     s.network_id, s.last_seen, _dump(s)) for s in sites]
            self.db.executemany("INSERT OR REPLACE INTO sites VALUES (?,?,?,?,?,?,?,?,?)", rows)
            self._copy_to_pages(sites)
        return len(rows)

    def _copy_to_pages(self, sites: list[Site]) -> None:
        """Give each site's pages the site's SITE_FIELDS_ON_PAGES (for search)."""
        rows = [(*(getattr(s, f) for f in SITE_FIELDS_ON_PAGES), s.domain) for s in sites]
        self.db.executemany(
            f"UPDATE page_docs SET doc = json_set(doc, {_JSON_SET}) WHERE rowid IN (SELECT "
            f"rowid FROM pages WHERE domain = ?{_DOMAIN} AND {_CHANGED})", rows)
        self.db.executemany(f"UPDATE pages SET {_SET} WHERE domain = ?{_DOMAIN} AND {_CHANGED}",
                            rows)

    def add_review(self, review: Review) -> None:
        self.add_reviews([review])

    def add_reviews(self, reviews: Iterable[Review]) -> int:
        rows = [(r.id, r.site_id, r.at, _dump(r)) for r in reviews]
        with self._writing():
            self.db.executemany(
                "INSERT OR IGNORE INTO reviews (id, site_id, at, doc) VALUES (?,?,?,?)", rows)
        return len(rows)

    def put_letters(self, letters: Iterable[Letter]) -> int:
        rows = [(x.id, x.number, x.status, x.created_at, _dump(x)) for x in letters]
        with self._writing():
            self.db.executemany("INSERT OR REPLACE INTO letters VALUES (?,?,?,?,?)", rows)
        return len(rows)

    def _existing(self, table: str):
        source = _DOC_SOURCE.get(table, table)

        def fetch(ids: list[str]) -> dict[str, dict]:
            found = {}
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(f"SELECT id, doc FROM {source} WHERE id IN ({marks})",
                                       chunk)
                found.update((r["id"], json.loads(r["doc"])) for r in rows)
            return found

        return fetch

    # reads --------------------------------------------------------------------------------

    def _get(self, kind: str, doc_id: str) -> Doc | None:
        table = _TABLES[kind]
        source = _DOC_SOURCE.get(table, table)
        row = self.db.execute(f"SELECT doc FROM {source} WHERE id=?", (doc_id,)).fetchone()
        return DOC_CLASSES[kind].from_doc(json.loads(row["doc"])) if row else None

    def get_sites(self, site_ids: Iterable[str]) -> list[Site]:
        ids = list(site_ids)
        rows = self.db.execute("SELECT id, doc FROM sites WHERE id IN (SELECT value FROM "
                               "json_each(?))", (json.dumps(ids),))
        found = {row["id"]: Site.from_doc(json.loads(row["doc"])) for row in rows}
        return [found[i] for i in ids if i in found]

    def captures_for(self, domain: str) -> list[Capture]:
        rows = self.db.execute(
            "SELECT doc FROM captures WHERE domain=? ORDER BY fetched_at, id", (domain,))
        return [Capture.from_doc(json.loads(r["doc"])) for r in rows]

    def pages_for(self, domain: str) -> list[Page]:
        rows = self.db.execute(f"SELECT doc FROM {_DOC_SOURCE['pages']} WHERE domain=? "
                               "ORDER BY url", (domain,))
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
        return self.db.execute(f"SELECT count(*) FROM {_TABLES[kind]}").fetchone()[0]


def _dump(doc) -> str:
    return json.dumps(doc.to_doc(), ensure_ascii=False, sort_keys=True)
