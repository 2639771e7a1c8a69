"""A store file written by an earlier fraudwatch of the same layout opens and keeps its data."""

from __future__ import annotations

import sqlite3

from fraudwatch.store import Page, SearchQuery
from fraudwatch.store.sqlite import SQLiteStore
from fraudwatch.store.sqlite_columns import LOG_BOUNDS


def _page_indexes(path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='pages' "
            "AND sql IS NOT NULL")}


def test_an_older_file_loses_the_facet_indexes_every_write_paid_for_and_keeps_its_pages(
        tmp_path):
    path = tmp_path / "fw.db"
    store = SQLiteStore(path)
    store.setup()
    store.put_pages([Page(url="http://kazino.kz/", domain="kazino.kz", title="Казино",
                          text="бонус казино", category="casino", verdict="illegal")])
    store.close()
    with sqlite3.connect(path) as db:  # what the previous release laid out on every file
        db.execute("CREATE INDEX pages_verdict ON pages(verdict)")
        db.execute("CREATE INDEX pages_category_site ON pages(category, domain)")

    reopened = SQLiteStore(path)
    reopened.setup()
    # the only index of pages left is the one reads by site use
    assert _page_indexes(path) == {"pages_domain"}
    found = reopened.search(SearchQuery(text="казино", filters={"verdict": ["illegal"]}))
    assert [hit.url for hit in found.hits] == ["http://kazino.kz/"]
    reopened.close()


def test_a_new_file_has_no_index_that_searches_do_not_read(tmp_path):
    store = SQLiteStore(tmp_path / "fw.db")
    store.setup()
    store.close()
    assert _page_indexes(tmp_path / "fw.db") == {"pages_domain"}


def test_each_search_finds_the_ends_of_the_page_log_without_reading_the_log(tmp_path):
    # every search asks for them; the log holds up to LOG_KEEP entries
    store = SQLiteStore(tmp_path / "fw.db")
    store.setup()
    plan = [row[-1] for row in store.db.execute(f"EXPLAIN QUERY PLAN {LOG_BOUNDS}")]
    store.close()
    assert "SEARCH page_log" in plan and "SCAN page_log" not in plan, plan
