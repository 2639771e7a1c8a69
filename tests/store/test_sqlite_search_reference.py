"""The SQLite search (FTS5 plus in-memory columns) against a plain reading of its rules, on
pages full of ties: results ordered by the sort key then the address, one hit per site at
its best page, totals and facets by page or by site, each facet without its own filter."""

from __future__ import annotations

import random

import pytest

from fraudwatch.store import Page, SearchQuery
from fraudwatch.store.query import FACET_FIELDS
from fraudwatch.store.sqlite import SQLiteStore

SORTS = ("relevance", "last_seen", "-last_seen", "score", "-score", "domain")


def pages(seed: int) -> list[Page]:
    rnd = random.Random(seed)
    made = []
    for n in range(400):
        domain = f"s{rnd.randrange(60)}.{rnd.choice(['kz', 'com'])}"
        made.append(Page(
            url=f"http://{domain}/{rnd.randrange(1000)}-{n}", domain=domain,
            tld=domain.rsplit(".", 1)[1], text="казино", lang=rnd.choice(["ru", "kk"]),
            category=rnd.choice(["casino", "loan", "legit"]),
            verdict=rnd.choice(["illegal", "clean"]), score=rnd.choice([0.1, 0.5, 0.9]),
            status=rnd.choice(["live", "down"]),
            last_seen=rnd.choice(["", "2026-11-01T10:00:00+00:00", "2026-11-02T10:00:00+00:00"])))
    return made


def reference(stored: list[Page], query: SearchQuery) -> tuple:
    """(total, [(url, pages)] of the result page, facets), read off the pages directly."""
    def chosen(page, skip=""):
        return all(getattr(page, f) in v for f, v in query.facet_filters(skip).items())

    def key(page):
        sort = "-last_seen" if query.sort == "relevance" else query.sort
        value = getattr(page, sort.lstrip("-"))
        if sort == "-score":
            value = -value
        elif sort == "-last_seen":  # latest first, pages without a time last
            value = (value == "", tuple(-ord(c) for c in value))
        return value, page.url

    hits = sorted((p for p in stored if chosen(p)), key=key)
    if query.by_site:
        best: dict[str, Page] = {}
        for page in hits:
            best.setdefault(page.domain, page)
        shown = [(p.url, sum(h.domain == p.domain for h in hits)) for p in best.values()]
        total = len(best)
    else:
        shown, total = [(p.url, 1) for p in hits], len(hits)
    facets = {}
    for name in FACET_FIELDS:
        counted: dict[str, set] = {}
        for page in stored:
            if chosen(page, skip=name) and getattr(page, name):
                counted.setdefault(getattr(page, name), set()).add(
                    page.domain if query.by_site else page.url)
        facets[name] = {v: len(c) for v, c in counted.items()}
    return total, shown[query.offset:query.offset + query.size], facets


@pytest.mark.parametrize("seed", range(3))
def test_sqlite_search_follows_its_rules_through_ties(tmp_path, seed):
    store = SQLiteStore(tmp_path / "fw.db")
    store.setup()
    stored = {p.id: p for p in pages(seed)}.values()
    store.put_pages(list(stored))
    rnd = random.Random(seed)
    for _ in range(40):
        filters = {f: rnd.sample(v, rnd.randint(1, len(v))) for f, v in
                   (("category", ["casino", "loan", "legit"]), ("status", ["live", "down"]),
                    ("tld", ["kz", "com"])) if rnd.random() < 0.4}
        query = SearchQuery(filters=filters, sort=rnd.choice(SORTS), page=rnd.randint(1, 4),
                            size=rnd.choice([5, 20]), group=rnd.choice(["site", "page"]))
        result = store.search(query)
        total, shown, facets = reference(list(stored), query)
        assert result.total == total, query
        assert [(h.url, h.pages) for h in result.hits] == shown, query
        assert {f: dict(c) for f, c in result.facets.items()} == facets, query
    store.close()
