"""Ranking a large text match in parallel parts gives what one query gives."""

from __future__ import annotations

import random

import pytest

from fraudwatch.store import Page, SearchQuery
from fraudwatch.store.sqlite import SQLiteStore
from fraudwatch.store.sqlite_matches import Matches

WORDS = ["казино", "бонус", "фриспины", "ойын", "ұтыс", "займ", "карта", "доход", "рефералы",
         "новости"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    rnd = random.Random(5)
    store = SQLiteStore(tmp_path_factory.mktemp("matches") / "fw.db")
    store.setup()
    store.put_pages([Page(url=f"http://s{n % 70}.kz/{n}", domain=f"s{n % 70}.kz", title="t",
                          text=" ".join(rnd.choices(WORDS, k=rnd.randint(3, 60))))
                     for n in range(700)])
    yield store
    store.close()


@pytest.mark.parametrize("match", ['stems : "бонус"', 'stems : "займ" AND stems : "карта"',
                                   'stems : "нетакогослова"'])
@pytest.mark.parametrize("parts", [2, 3, 4])
def test_every_part_of_the_rowids_is_ranked_as_one_query_ranks_it(store, match, parts):
    pages = store.count("page")
    whole = Matches(store._connect, parts=1)
    split = Matches(store._connect, parts=parts, parallel_from=100)
    try:
        rows, ranks = whole.find(store.db, match, True, pages)
        split_rows, split_ranks = split.find(store.db, match, True, pages)
    finally:
        whole.close(), split.close()
    assert dict(zip(split_rows.tolist(), split_ranks.tolist(), strict=True)) == dict(
        zip(rows.tolist(), ranks.tolist(), strict=True))
    assert len(split_rows) == len(rows)


def test_a_search_ranked_in_parts_shows_the_hits_and_counts_of_one_ranked_whole(store):
    queries = [SearchQuery(text="бонус"), SearchQuery(text="займ карта", group="site"),
               SearchQuery(text="казино", page=3)]
    whole = [store.search(q) for q in queries]
    store._close_matches()
    store._text = Matches(store._connect, parts=3, parallel_from=100)
    split = [store.search(q) for q in queries]
    for one, parted in zip(whole, split, strict=True):
        assert [(h.url, h.pages) for h in parted.hits] == [(h.url, h.pages) for h in one.hits]
        assert (parted.total, parted.facets) == (one.total, one.facets)


def test_the_parts_are_cut_below_the_last_page_not_the_room_the_columns_grew(tmp_path):
    store = SQLiteStore(tmp_path / "fw.db")
    store.setup()
    # each search takes the new pages into its columns, which grow ahead of them
    for batch, size in enumerate((40, 10, 10)):
        store.put_pages([Page(url=f"http://b{batch}.kz/{n}", domain=f"b{batch}.kz",
                              title="t", text="казино") for n in range(size)])
        store.search(SearchQuery(text="казино"))
    last = store.db.execute("SELECT max(rowid) FROM pages").fetchone()[0]
    assert len(store._columns.alive) > last + 1  # room to grow into
    assert store._columns.end() == last + 1
    store.close()
