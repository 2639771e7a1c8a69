"""The run summary never says "finished" over fetched pages that a pipeline lost, and the CLI
then exits non-zero and names `--resume`."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from scrapy.settings import Settings
from scrapy.statscollectors import StatsCollector

from crawler.items import Fetch
from crawler.runlog import RunLog
from fraudwatch.cli.crawl_cmd import _print_summary
from fraudwatch.store import Capture


def fetch(site: str, category: str = "casino") -> Fetch:
    return Fetch(Capture(url=f"http://{site}/", domain=site, fetched_at="t"),
                 verdict=SimpleNamespace(category=category, verdict="illegal"))


def run_log(tmp_path) -> RunLog:
    return RunLog(StatsCollector(SimpleNamespace(settings=Settings())), False, str(tmp_path))


def test_a_run_that_lost_a_page_is_incomplete_and_resumable(tmp_path, capsys):
    log = run_log(tmp_path)
    log.item_scraped(fetch("a.kz"), None, None)
    log.item_error(fetch("b.kz"), None, None, failure=None)
    log.spider_closed(None, "finished")

    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["finish_reason"] == "incomplete" and summary["lost"] == 1
    assert summary["sites"] == 2 and summary["pages"] == 1
    with pytest.raises(SystemExit) as exited:
        _print_summary(summary, tmp_path)
    assert exited.value.code == 1
    out, err = capsys.readouterr()
    assert "1 failures" in out
    assert "1 fetched pages were lost" in err and "fraudwatch crawl --resume" in err


def test_a_run_that_kept_every_page_is_finished(tmp_path, capsys):
    log = run_log(tmp_path)
    log.item_scraped(fetch("a.kz"), None, None)
    log.spider_closed(None, "finished")
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["finish_reason"] == "finished" and summary["lost"] == 0
    _print_summary(summary, tmp_path)
    assert "crawl finished" in capsys.readouterr().out


def test_the_crawl_seconds_leave_out_the_network_linking_after_it(tmp_path):
    log = run_log(tmp_path)
    log.started -= 30  # the crawl began 30 s ago; linking networks after it took 20 of them
    log.stats.set_value("fraudwatch/after_crawl_seconds", 20.0)
    log.spider_closed(None, "finished")
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert 9.5 <= summary["seconds"] <= 11 and summary["after_crawl_seconds"] == 20.0
