"""Processes sharing one SQLite file (crawl workers) wait for each other, never fail."""

from __future__ import annotations

import sqlite3
import threading

from fraudwatch.store import Page, SearchQuery, sqlite_columns
from fraudwatch.store.sqlite import SQLiteStore


def test_a_new_file_locked_by_another_writer_is_waited_for(tmp_path):
    path = tmp_path / "fw.db"
    other = sqlite3.connect(path, check_same_thread=False)  # a worker laying the file out
    other.execute("BEGIN IMMEDIATE")
    other.execute("CREATE TABLE other_worker (x)")
    release = threading.Timer(0.3, other.commit)
    release.start()
    store = SQLiteStore(path)
    store.setup()  # switching to write-ahead logging waits for the other writer
    release.join()
    store.put_pages([Page(url="http://a.kz/", domain="a.kz", title="t", text="x")])
    assert store.count("page") == 1
    store.close()
    other.close()


def test_two_stores_on_one_file_write_the_same_page_without_conflict(tmp_path):
    first, second = SQLiteStore(tmp_path / "fw.db"), SQLiteStore(tmp_path / "fw.db")
    first.setup(), second.setup()
    errors = []

    def write(store, text):
        try:
            for n in range(30):
                store.put_pages([Page(url=f"http://a.kz/{n}", domain="a.kz", title="t",
                                      text=text)])
        except sqlite3.Error as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=pair)
               for pair in ((first, "one"), (second, "two"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert first.count("page") == 30
    first.close(), second.close()


def test_a_searcher_left_behind_a_cut_log_reads_every_page_again(tmp_path, monkeypatch):
    """The search columns follow other writers through the page log; once the log has been
    cut past what a searcher applied, it reloads rather than miss or keep stale rows."""
    monkeypatch.setattr(sqlite_columns, "LOG_KEEP", 3)
    reader, writer = SQLiteStore(tmp_path / "fw.db"), SQLiteStore(tmp_path / "fw.db")
    reader.setup()
    writer.put_pages([Page(url="http://a.kz/", domain="a.kz", category="casino", text="x")])
    assert reader.search(SearchQuery(group="site")).facets["category"] == {"casino": 1}
    writer.put_pages([Page(url=f"http://l{n}.kz/", domain=f"l{n}.kz", category="loan", text="x")
                      for n in range(5)])
    writer.put_pages([Page(url="http://a.kz/", domain="a.kz", category="legit", text="x")])
    assert reader._columns.seq + 1 < writer.db.execute(
        "SELECT min(seq) FROM page_log").fetchone()[0]  # the log no longer reaches back
    result = reader.search(SearchQuery(group="site"))
    assert (result.total, result.facets["category"]) == (6, {"loan": 5, "legit": 1})
    reader.close(), writer.close()
