"""The sentence encoder in a crawl: `auto` reads the pages the fast stage cannot settle, within
each site's budget, and stores which stage decided each page; `never` leaves it out."""

from __future__ import annotations

import os

import pytest

from fraudwatch.farm import Farm
from fraudwatch.store import open_store

pytestmark = [pytest.mark.timeout(300)]
KINDS = ("casino", "loan", "pyramid", "bank", "news", "shop")


def crawl(fraudwatch_cli, farm, sites, *extra):
    resolve = [f"--resolve={h}=127.0.0.1" for h in farm.hosts()]
    urls = [f"http://{site.host}:{farm.base_port}/" for site in sites]
    return fraudwatch_cli("crawl", "--allow-private", "--render", "never", "--max-pages", "5",
                          *resolve, *extra, *urls)


def encoded(stdout: str) -> int:
    line = next((x for x in stdout.splitlines() if "read by the sentence encoder" in x), "")
    return int(line.split(":")[1].split()[0]) if line else 0


@pytest.fixture(scope="module")
def farm():
    with Farm(port=0, hostile=False) as running:
        yield running


def pick(farm):
    chosen = []
    for kind in KINDS:
        chosen.append(next(s for s in farm.sites if s.kind == kind and s.mirror_of is None))
    return chosen


def test_auto_mode_reads_unsettled_pages_within_each_sites_budget(tmp_path, fraudwatch_cli,
                                                                   farm, monkeypatch):
    monkeypatch.setenv("FRAUDWATCH_CLASSIFIER_ENCODER_PAGES", "2")
    monkeypatch.setenv("FRAUDWATCH_CLASSIFIER_ENCODER_WAIT", "3600")  # however busy the CPU
    sites = pick(farm)
    result = crawl(fraudwatch_cli, farm, sites)
    read = encoded(result.stdout)
    assert 0 < read <= 2 * len(sites)
    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        pages = [p for site in sites for p in store.pages_for(site.host)]
        semantic = [p for p in pages if not p.model.endswith("/fast")]
        assert len(semantic) == read
        for site in sites:
            stored = store.get_site_by_domain(site.host)
            if site.category == "legit":
                assert stored.verdict != "illegal", stored
            else:
                assert (stored.category, stored.verdict in ("illegal", "suspicious")) == \
                    (site.category, True), stored


def test_never_mode_leaves_the_encoder_out(tmp_path, fraudwatch_cli, farm, monkeypatch):
    monkeypatch.setenv("FRAUDWATCH_CLASSIFIER_ENCODER", "never")
    sites = pick(farm)[:3]
    result = crawl(fraudwatch_cli, farm, sites)
    assert encoded(result.stdout) == 0
    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        pages = [p for site in sites for p in store.pages_for(site.host)]
        assert pages and all(p.model.endswith("/fast") for p in pages)


def test_a_bad_encoder_mode_is_refused_with_the_fix(tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "FRAUDWATCH_CLASSIFIER_ENCODER": "sometimes"}
    result = subprocess.run([sys.executable, "-m", "fraudwatch", "config", "show"],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "classifier.encoder = 'sometimes'" in result.stderr
    assert "fix: use one of always, auto, never" in result.stderr


def test_the_expected_wait_follows_the_encoders_measured_speed_and_share():
    """A page queued behind others waits for them at the speed the encoder showed lately,
    slowed by the rests its CPU share takes; so a slow encoder admits fewer pages."""
    from crawler.ingest.encoderworker import PRIOR_PAGE_SECONDS, EncoderWorker

    worker = EncoderWorker.__new__(EncoderWorker)
    worker.share, worker.pending, worker.page_seconds = 0.5, 0, PRIOR_PAGE_SECONDS
    assert worker.expected_wait() == PRIOR_PAGE_SECONDS / 0.5
    for _ in range(30):
        worker.measured(4, 12.0)  # 3 s a page
    worker.pending = 3
    assert abs(worker.expected_wait() - 4 * 3.0 / 0.5) < 0.1


def test_auto_mode_keeps_the_fast_verdict_while_the_encoder_is_behind(monkeypatch):
    """The encoder never holds the crawl up: past the longest wait a page keeps its fast verdict
    (a landing page may wait twice as long); `always` waits regardless."""
    from collections import Counter
    from types import SimpleNamespace

    from crawler.items import Fetch
    from crawler.pipelines import classify
    from fraudwatch.store import Capture

    pipeline = classify.ClassifyPipeline.__new__(classify.ClassifyPipeline)
    pipeline.mode, pipeline.pages_per_site, pipeline.max_wait = "auto", 3, 10.0
    pipeline.encoded, pipeline.stats, pipeline.model = Counter(), None, object()
    wait = {"seconds": 0.0}
    pipeline.worker = SimpleNamespace(expected_wait=lambda: wait["seconds"])
    monkeypatch.setattr(classify, "wants_encoder", lambda first, model, mode: True)
    inner = Fetch(Capture(url="http://a.kz/p", domain="a.kz", fetched_at="t"), depth=1)
    landing = Fetch(Capture(url="http://b.kz/", domain="b.kz", fetched_at="t"), depth=0)
    assert pipeline._wants(None, inner)
    wait["seconds"] = 12.0
    assert not pipeline._wants(None, inner) and pipeline._wants(None, landing)
    wait["seconds"] = 25.0
    assert not pipeline._wants(None, landing)
    pipeline.mode = "always"
    assert pipeline._wants(None, inner)
