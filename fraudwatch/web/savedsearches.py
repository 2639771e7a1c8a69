"""Saved searches: an analyst names a search, finds it beside the search box, and sees how
many of its hits were seen by a crawl since they last opened it. Kept per owner in
`<var_dir>/searches.db`."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse

from fraudwatch.i18n import _
from fraudwatch.store import QueryError
from fraudwatch.web.render import flash
from fraudwatch.web.searchform import PARAMS, SearchForm
from fraudwatch.web.security import Viewer

router = APIRouter(include_in_schema=False)
MAX_PER_OWNER = 100
SCHEMA = """
CREATE TABLE IF NOT EXISTS searches (
    id INTEGER PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL, query TEXT NOT NULL,
    created TEXT NOT NULL, viewed TEXT NOT NULL, UNIQUE (owner, name))
"""


@dataclass
class SavedSearch:
    id: int
    owner: str
    name: str
    query: str  # the search page's query string, without paging
    viewed: str  # when the owner last opened it (ISO, UTC)
    new: int = 0  # hits a crawl saw since then
    estimated: bool = False  # `new` is estimated from a sample of the sites


class SavedSearches:
    """The saved searches of a deployment, each owned by one account."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.executescript(SCHEMA)

    def _db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    def _run(self, sql: str, params: tuple = ()) -> list[tuple]:
        db = self._db()
        try:
            with db:
                return db.execute(sql, params).fetchall()
        finally:
            db.close()

    def save(self, owner: str, name: str, query: str) -> None:
        """Keep `query` under `name` for `owner` (replacing a search of the same name)."""
        now = datetime.now(UTC).isoformat()
        if len(self.of(owner)) >= MAX_PER_OWNER:
            raise ValueError(_("at most %(n)s saved searches per person") % {"n": MAX_PER_OWNER})
        self._run("INSERT INTO searches (owner, name, query, created, viewed) "
                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner, name) DO UPDATE SET "
                  "query = excluded.query, viewed = excluded.viewed",
                  (owner, name, query, now, now))

    def of(self, owner: str) -> list[SavedSearch]:
        rows = self._run("SELECT id, owner, name, query, viewed FROM searches WHERE owner = ? "
                         "ORDER BY name", (owner,))
        return [SavedSearch(*row) for row in rows]

    def get(self, owner: str, search_id: int) -> SavedSearch | None:
        return next((s for s in self.of(owner) if s.id == search_id), None)

    def viewed(self, search_id: int) -> None:
        self._run("UPDATE searches SET viewed = ? WHERE id = ?",
                  (datetime.now(UTC).isoformat(), search_id))

    def delete(self, owner: str, search_id: int) -> None:
        self._run("DELETE FROM searches WHERE owner = ? AND id = ?", (owner, search_id))


def search_params(query_string: str) -> str:
    """The search's own parameters of a query string (no paging, no language)."""
    pairs = [(k, v) for k, v in parse_qsl(query_string) if k in PARAMS and k != "page" and v]
    return urlencode(pairs)


def with_news(store, searches: list[SavedSearch]) -> list[SavedSearch]:
    """Each search with the count of its hits a crawl saw since its owner last opened it."""
    for saved in searches:
        try:
            query = SearchForm(parse_qsl(saved.query)).query()
            news = store.search(replace(query, size=1, facets=(),
                                        last_seen_from=max(query.last_seen_from, saved.viewed)))
            saved.new, saved.estimated = news.total, news.total_estimated
        except QueryError:
            saved.new = 0
    return searches


@router.post("/searches")
def save_search(request: Request, user: Viewer, name: Annotated[str, Form(max_length=100)],
                query: Annotated[str, Form(max_length=4000)] = ""):
    """Save the search in `query` (a /search query string) under `name`."""
    name, params = name.strip(), search_params(query)
    if not name:
        raise HTTPException(400, _("give the search a name"))
    try:
        request.app.state.saved_searches.save(user.name, name, params)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc
    flash(request, _("Search saved as “%(name)s”.") % {"name": name})
    return RedirectResponse("/search?" + params, status_code=303)


@router.get("/searches/{search_id}")
def open_search(request: Request, search_id: int, user: Viewer):
    """Open a saved search: it counts as viewed now."""
    saved = request.app.state.saved_searches.get(user.name, search_id)
    if saved is None:
        raise HTTPException(404, _("no such saved search"))
    request.app.state.saved_searches.viewed(saved.id)
    return RedirectResponse("/search?" + saved.query, status_code=303)


@router.post("/searches/{search_id}/delete")
def delete_search(request: Request, search_id: int, user: Viewer):
    request.app.state.saved_searches.delete(user.name, search_id)
    return RedirectResponse("/search", status_code=303)
