"""StorePipeline while its store is unreachable: batches go to the spool (acknowledged), come
back in order when the store does, and a full spool stops the crawl without acknowledging."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import replace

import pytest

from classifiers import Verdict
from crawler.items import Fetch
from crawler.pipelines.extract import ExtractPipeline
from crawler.pipelines.store import StorePipeline
from fraudwatch.config import load_config
from fraudwatch.store import Capture, StoreUnavailable, open_store

SINCE = "2026-01-01T00:00:00.000+00:00"


def fetch(n: int, site: str, depth: int = 1) -> Fetch:
    url = f"http://{site}/" if depth == 0 else f"http://{site}/p{n}"
    item = Fetch(Capture(url=url, domain=site, fetched_at=f"2026-01-01T00:00:{n:02d}.000Z",
                         final_url=url, text="x", title=f"{site} {n}", ip=f"203.0.113.{n}",
                         html_sha256="ab" * 32, run_id="run"),
                 html=f'<p>x</p><a href="https://t.me/op{n % 2}">tg</a>', depth=depth,
                 final_domain=site, cloaking=n == 3)
    if n % 5 == 4:
        item.capture.error = "timeout: slow"
    else:
        item.verdict = Verdict(category="casino", verdict="illegal" if n % 3 else "suspicious",
                               score=0.5 + n / 100, lang="ru",
                               signs=[{"id": f"casino.s{n % 4}", "category": "casino",
                                       "weight": 1.0, "evidence": "x"}])
    return item


def items() -> list[Fetch]:
    """Fetches as they reach the store pipeline: analysed by the extract pipeline first."""
    return [ExtractPipeline().process_item(fetch(n, ("a.kz", "b.kz")[n % 2],
                                                 depth=0 if n < 2 else 1)) for n in range(12)]


class Switch:
    """A store that can be made unreachable: every call raises StoreUnavailable while down."""

    def __init__(self, store):
        self.store, self.down, self.calls = store, False, Counter()

    def reachable(self) -> bool:
        return not self.down

    def __getattr__(self, name):
        attr = getattr(self.store, name)
        if not callable(attr) or name == "close":
            return attr

        def call(*args, **kwargs):
            self.calls[name] += 1
            if self.down:
                raise StoreUnavailable("Elasticsearch at http://127.0.0.1:1 unreachable")
            return attr(*args, **kwargs)

        return call

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.store.close()


class Stats(Counter):
    def inc_value(self, key, count=1):
        self[key] += count

    def set_value(self, key, value):
        self[key] = value

    def get_value(self, key, default=None):
        return self.get(key, default)


class Engine:
    def __init__(self):
        self.reasons: list[str] = []

    async def close_spider_async(self, *, reason: str) -> None:
        self.reasons.append(reason)


class Crawler:
    def __init__(self):
        self.stats, self.engine, self.durable = Stats(), Engine(), []

    def send_catch_log(self, signal, items):  # the crawler's signals
        self.durable.extend(items)


def pipeline(tmp_path, name: str, **config) -> tuple[StorePipeline, Switch, Crawler]:
    url = f"sqlite:///{tmp_path / name}.db"
    settings = {"store": url, "var_dir": str(tmp_path / "var"), "spool.retry_seconds": 0,
                "spool.drain_seconds": 0, **config}
    crawler = Crawler()
    writer = StorePipeline(load_config(overrides=settings, environ={}), 2, SINCE, crawler,
                           crawler)
    switch = Switch(open_store(url))
    return writer, switch, crawler


def run(writer: StorePipeline, switch: Switch, monkeypatch, fetches, down=(),
        down_at_close: bool = False) -> None:
    """Open, process `fetches` (the store down at the start and while processing those
    numbered in `down`), close; in an asyncio loop, as under Scrapy's reactor."""
    for where in ("crawler.pipelines.store.open_store", "fraudwatch.store.open_store"):
        monkeypatch.setattr(where, lambda url, config=None: switch)

    async def crawl():
        switch.down = 0 in down
        writer.open_spider()
        for n, item in enumerate(fetches):
            switch.down = n in down
            writer.process_item(item)
        await asyncio.sleep(0)
        switch.down = down_at_close
        await writer.close_spider()

    asyncio.run(crawl())


def contents(store) -> dict:
    return {
        "captures": sorted(c.id for d in ("a.kz", "b.kz") for c in store.captures_for(d)),
        "pages": sorted((p.id, p.title) for d in ("a.kz", "b.kz") for p in store.pages_for(d)),
        "sites": [store.get_site_by_domain(d) for d in ("a.kz", "b.kz")],
    }


def test_an_outage_spools_and_the_store_ends_as_if_it_never_went_away(tmp_path, monkeypatch):
    reference, ref_store, _ = pipeline(tmp_path, "reference")
    run(reference, ref_store, monkeypatch, items())
    writer, switch, crawler = pipeline(tmp_path, "outage")
    run(writer, switch, monkeypatch, items(), down=range(3, 9))

    assert crawler.stats["fraudwatch/spooled_docs"] > 0
    assert crawler.stats["fraudwatch/replayed_docs"] == crawler.stats["fraudwatch/spooled_docs"]
    assert crawler.stats["fraudwatch/store_outages"] == 1
    # each acked once
    assert [i.capture.url for i in crawler.durable] == [i.capture.url for i in items()]
    assert writer.spool.files() == []
    got, expected = contents(switch.store), contents(ref_store.store)
    assert got == expected
    assert expected["sites"][0].fingerprints and expected["sites"][1].cloaking


def test_the_store_down_at_start_then_back_before_the_end(tmp_path, monkeypatch):
    writer, switch, crawler = pipeline(tmp_path, "late")
    run(writer, switch, monkeypatch, items()[:5], down=range(5))
    assert switch.store.count("capture") == 5 and writer.spool.files() == []
    assert crawler.stats["fraudwatch/spool_waiting_docs"] == 0


def test_what_the_store_never_took_waits_in_the_spool(tmp_path, monkeypatch):
    writer, switch, crawler = pipeline(tmp_path, "never")
    run(writer, switch, monkeypatch, items()[:5], down=range(99), down_at_close=True)
    assert crawler.stats["fraudwatch/spool_waiting_docs"] == 9  # 5 captures, 4 pages
    assert len(crawler.durable) == 5 and writer.spool.pending() == (3, 9)


def test_a_full_spool_stops_the_crawl_and_acknowledges_nothing_more(tmp_path, monkeypatch):
    writer, switch, crawler = pipeline(tmp_path, "full", **{"spool.max_bytes": 6000})
    run(writer, switch, monkeypatch, items(), down=range(99), down_at_close=True)
    assert crawler.engine.reasons == ["spool_full"]
    assert "spool.max_bytes = 6000" in crawler.stats["fraudwatch/stop_message"]
    spooled = writer.spool.pending()[1]
    assert spooled and crawler.stats["fraudwatch/spooled_docs"] == spooled
    acked = {i.capture.url for i in crawler.durable}
    assert len(acked) < len(items())
    assert crawler.stats["fraudwatch/unsaved_docs"] > 0
    assert not [p for p in writer.spool.folder.iterdir() if p.name.startswith(".tmp-")]


@pytest.mark.parametrize("down_for", [2, 5])
def test_replay_keeps_the_order_of_writes(tmp_path, monkeypatch, down_for):
    """A page fetched twice ends with its later fetch, whatever was spooled."""
    first, second = fetch(2, "a.kz"), fetch(2, "a.kz")
    second.capture = replace(second.capture, fetched_at="2026-01-01T00:01:00.000Z",
                             title="later", id="")
    writer, switch, _ = pipeline(tmp_path, f"order{down_for}")
    run(writer, switch, monkeypatch, [first, fetch(3, "a.kz"), second, fetch(5, "a.kz")],
        down=range(down_for))
    assert [p.title for p in switch.store.pages_for("a.kz") if p.url.endswith("/p2")] == [
        "later"]


def test_store_replay_writes_the_spool_and_says_what_remains(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from fraudwatch.cli import main

    writer, switch, _ = pipeline(tmp_path, "cli")
    run(writer, switch, monkeypatch, items()[:5], down=range(99), down_at_close=True)
    monkeypatch.undo()
    env = {"FRAUDWATCH_VAR_DIR": str(tmp_path / "var"), "FRAUDWATCH_CONFIG": None}
    args = ["--store", writer.config.store]
    stats = CliRunner().invoke(main, [*args, "store", "stats"], env=env)
    assert "spooled    9 documents in 3 batches" in stats.output
    result = CliRunner().invoke(main, [*args, "store", "replay"], env=env)
    assert result.exit_code == 0, result.output
    assert "replayed 9 documents (3 batches)" in result.output
    assert "0 documents (0 batches) remain" in result.output
    assert switch.store.count("capture") == 5 and switch.store.get_site_by_domain("b.kz")
    again = CliRunner().invoke(main, [*args, "store", "replay"], env=env)
    assert "nothing to replay" in again.output


def test_store_replay_fails_while_the_store_is_unreachable(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from fraudwatch.cli import main

    writer, switch, _ = pipeline(tmp_path, "down")
    run(writer, switch, monkeypatch, items()[:3], down=range(99), down_at_close=True)
    result = CliRunner().invoke(main, ["--store", writer.config.store, "store", "replay"],
                                env={"FRAUDWATCH_VAR_DIR": str(tmp_path / "var"),
                                     "FRAUDWATCH_CONFIG": None})
    assert result.exit_code == 1
    assert "replayed 0 documents" in result.output and "6 documents (2 batches) remain" in (
        result.output)
    assert "unreachable" in result.output


class Unreachable:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def setup(self):
        raise StoreUnavailable("Elasticsearch at http://127.0.0.1:1 unreachable")


@pytest.fixture
def spider(tmp_path):
    from scrapy.utils.test import get_crawler

    from crawler.spiders.sites import SitesSpider

    crawler = get_crawler(SitesSpider, {"FRAUDWATCH_STORE": "http://127.0.0.1:1",
                                        "FRAUDWATCH_RECRAWL_AFTER": 3600,
                                        "FRAUDWATCH_RUN_ID": "run"})
    spider = SitesSpider.from_crawler(crawler)
    spider.crawler.stats.open_spider()
    spider._open_store = Unreachable
    return spider


def test_a_crawl_starts_while_the_store_is_down(spider, caplog):
    assert spider._recently_crawled() == set()  # nothing skipped: every seed is crawled
    assert "--recrawl-after cannot skip" in caplog.text


def test_a_resume_stops_resumable_while_the_store_is_down(spider):
    from scrapy.exceptions import CloseSpider

    with pytest.raises(CloseSpider) as stopped:
        spider._stored({"a.kz"})
    assert stopped.value.reason == "store_unavailable"
    assert "cannot resume" in spider.crawler.stats.get_value("fraudwatch/stop_message")
