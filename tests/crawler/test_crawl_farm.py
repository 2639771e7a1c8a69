"""End to end: `fraudwatch crawl` over the loopback farm into a SQLite store in a tmp dir.

The crawl runs in a subprocess (a Twisted reactor cannot restart in-process), once per
module; the tests then read the store, the WARC file and the screenshots it left.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from fraudwatch.farm import Farm
from fraudwatch.store import open_store
from tests.paths import ROOT

FRAUDWATCH = [sys.executable, "-c", "from fraudwatch.cli import main; main()"]
BOUND_SECONDS = 240
TIMEOUT = 20  # seconds a fetch or a render may take (DRIP_SECONDS is far longer)
# The crawl's expected outcome for each hostile site: the error kind of its landing capture.
HOSTILE_ERRORS = {
    "gzip-bomb": "too_big", "huge-page": "too_big", "redirect-loop": "redirect_loop",
    "drip": "timeout", "server-error": "http", "not-found": "http",
}
pytestmark = [pytest.mark.browser, pytest.mark.timeout(BOUND_SECONDS + 60)]


def fraudwatch(tmp: Path, *args: str, check: bool = True, store: str = "",
               env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(tmp / "var"), "PYTHONPATH": str(ROOT),
           "FRAUDWATCH_LOG_LEVEL": "WARNING", **(env_extra or {})}
    env.pop("FRAUDWATCH_CONFIG", None)
    result = subprocess.run([*FRAUDWATCH, "--store", store or f"sqlite:///{tmp}/fw.db", *args],
                            cwd=tmp, env=env, capture_output=True, text=True,
                            timeout=BOUND_SECONDS)
    if check:
        assert result.returncode == 0, result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def farm():
    with Farm(port=0, hostile=True) as running:
        yield running


def open_backend(request, tmp: Path):
    """(store URL, extra environment, open Store) for the backend this test runs on."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp}/fw.db"
        return url, {}, open_store(url)
    from fraudwatch.store.elastic import ElasticStore

    url, prefix = request.getfixturevalue("es_url"), f"fwtest-{uuid.uuid4().hex[:10]}"
    return url, {"FRAUDWATCH_ES_INDEX_PREFIX": prefix}, ElasticStore(url, prefix=prefix)


@pytest.fixture(scope="module", params=["sqlite", "elasticsearch"])
def crawled(request, farm, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crawl")
    store_url, env_extra, store = open_backend(request, tmp)
    seeds = tmp / "seeds.txt"
    seeds.write_text("# the farm\n" + "\n".join(farm.seeds()) + "\nnot a seed\n",
                     encoding="utf-8")
    resolve = tmp / "resolve.txt"
    resolve.write_text("".join(f"{host}=127.0.0.1\n" for host in farm.hosts()))
    # The encoder reads each landing page however busy the machine is, so which sites come
    # out right does not hang on the load (auto mode skips it past the longest wait).
    env_extra = {**env_extra, "FRAUDWATCH_CLASSIFIER_ENCODER_PAGES": "1",
                 "FRAUDWATCH_CLASSIFIER_ENCODER_WAIT": "3600"}
    # Timeouts with room for a loaded CI machine: at 8 s a normal loopback site once timed
    # out while the hostile ones (gzip bomb, huge page) kept the crawl busy. The drip site
    # drips for DRIP_SECONDS, so it still times out.
    started = time.monotonic()
    result = fraudwatch(
        tmp, "-q", "crawl", "--seeds", str(seeds), "--allow-private", "--resolve-file",
        str(resolve), "--max-pages", "6", "--set", f"DOWNLOAD_TIMEOUT={TIMEOUT}",
        "--set", "RETRY_TIMES=0", "--set", f"FRAUDWATCH_RENDER_TIMEOUT={TIMEOUT}",
        store=store_url, env_extra=env_extra)
    store.refresh()
    yield {"tmp": tmp, "store": store, "result": result,
           "seconds": time.monotonic() - started}
    if request.param == "elasticsearch":
        store.drop()
    store.close()


def site_of(farm, kind: str):
    return next(site for site in farm.sites if site.hostile == kind)


def test_bad_seeds_are_reported_and_the_run_ends_in_bounded_time(crawled):
    assert "skipped bad seed line" in crawled["result"].stderr
    assert "crawl finished" in crawled["result"].stdout
    assert crawled["seconds"] < BOUND_SECONDS


def test_every_normal_site_lands_with_a_category_and_verdict(farm, crawled):
    store = crawled["store"]
    normal = [s for s in farm.sites if s.seed and s.category and not s.hostile]
    agree = 0
    for expected in normal:
        site = store.get_site_by_domain(expected.host)
        assert site is not None, expected.domain
        assert site.status == "live" and store.pages_for(expected.host), expected.domain
        assert site.category in {"casino", "loan", "pyramid", "legit"}
        assert site.verdict in {"illegal", "suspicious", "clean", "licensed"}
        agree += site.category == expected.category
    # The classifier's own quality gate lives in tests/classifiers; here the crawl must feed
    # it pages good enough for most sites to come out right.
    assert agree / len(normal) >= 0.8


def test_russian_pages_without_a_charset_come_out_readable(farm, crawled):
    for kind in ("cp1251", "koi8-r"):
        pages = crawled["store"].pages_for(site_of(farm, kind).host)
        assert pages and any("а" in page.text and "Ð" not in page.text for page in pages)


def test_warc_records_hold_what_the_captures_hash(farm, crawled):
    captures = [c for host in farm.hosts() for c in crawled["store"].captures_for(host)
                if c.html_sha256]
    assert len(captures) > 50
    for capture in captures:
        with open(capture.warc_file, "rb") as warc:
            warc.seek(capture.warc_offset)
            record = next(iter(ArchiveIterator(warc)))
            body = record.content_stream().read()
        assert hashlib.sha256(body).hexdigest() == capture.html_sha256, capture.url


def test_warc_records_name_their_session_request_and_browser_profile(farm, crawled):
    files = sorted((crawled["tmp"] / "var").glob("**/*.warc.gz"))
    assert files
    screenshots = 0
    for path in files:
        check = subprocess.run([sys.executable, "-m", "warcio.cli", "check", str(path)],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout[-2000:]
        with path.open("rb") as handle:
            records = [(r.rec_type, dict(r.rec_headers.headers),
                        r.content_stream().read() if r.rec_type == "warcinfo" else b"")
                       for r in ArchiveIterator(handle)]
        info = records[0]
        assert info[0] == "warcinfo"
        fields = info[2].decode()
        for name in ("software: fraudwatch/", "operator:", "hostname:", "robots:",
                     "http-header-user-agent:", "fraudwatch-browser-profiles:"):
            assert name in fields, fields
        session = info[1]["WARC-Record-ID"]
        by_id = {h["WARC-Record-ID"]: (kind, h) for kind, h, _ in records}
        assert all(h.get("WARC-Warcinfo-ID") == session for _, h, _ in records[1:])
        responses = [h for kind, h, _ in records if kind == "response"]
        assert responses and all(by_id[h["WARC-Concurrent-To"]][0] == "request"
                                 for h in responses)
        shots = [h for kind, h, _ in records
                 if kind == "resource" and h["WARC-Target-URI"].startswith("urn:screenshot:")]
        for shot in shots:
            dom = by_id[shot["WARC-Refers-To"]][1]
            assert shot["FW-Browser-Profile"] == dom["FW-Browser-Profile"]
            assert shot["FW-Browser-Profile"].split()[0] in {"desktop", "mobile"}
        screenshots += len(shots)
    assert screenshots  # the farm's script-only sites were rendered


def test_rendered_landing_pages_have_screenshots(farm, crawled):
    js_only = [s for s in farm.sites if s.variant == "js-only" and s.seed]
    assert js_only
    for expected in js_only:
        site = crawled["store"].get_site_by_domain(expected.host)
        png = Path(site.screenshot).read_bytes()
        assert png.startswith(b"\x89PNG")
        assert Path(site.screenshot).stem == hashlib.sha256(png).hexdigest()
        rendered = [c for c in crawled["store"].captures_for(expected.host)
                    if c.render != "static" and c.screenshot]
        assert rendered and rendered[0].screenshot_sha256 == Path(site.screenshot).stem


def test_hostile_sites_end_as_recorded_failures(farm, crawled):
    store = crawled["store"]
    for kind, error in HOSTILE_ERRORS.items():
        captures = store.captures_for(site_of(farm, kind).host)
        assert any(c.error.startswith(error) for c in captures), (kind, captures)
    downloads = store.captures_for(site_of(farm, "downloads").host)
    assert any(c.error.startswith("download: not a page") for c in downloads)
    trap = store.get_site_by_domain(site_of(farm, "js-trap").host)
    assert trap is not None and trap.last_seen
    calendar = store.captures_for(site_of(farm, "calendar-trap").host)
    assert len({c.url for c in calendar}) <= 6 + 1  # page budget, plus the rendered landing


def test_a_second_crawl_on_the_same_var_dir_exits_3(tmp_path):
    from crawler.runlock import RunLock

    with RunLock(tmp_path / "var" / "crawl.lock"):
        result = fraudwatch(tmp_path, "crawl", "a.kz", check=False)
    assert result.returncode == 3
    assert "another crawl is running" in result.stderr


def test_mirror_pairs_share_a_network_and_unrelated_sites_do_not(farm, crawled):
    store = crawled["store"]
    crawled_sites = {s.host: store.get_site_by_domain(s.host) for s in farm.sites}
    network = {host: site.network_id for host, site in crawled_sites.items() if site}
    by_host = {s.host: s for s in farm.sites}
    pairs = [(s.host, by_host[s.mirror_of.encode("idna").decode()].host) for s in farm.sites
             if s.mirror_of and s.host in network and s.mirror_of.encode("idna").decode()
             in network]
    assert len(pairs) >= 2
    for mirror, original in pairs:
        assert network[mirror] and network[mirror] == network[original], (mirror, original)
    for a, id_a in network.items():
        for b, id_b in network.items():
            if a < b and id_a and id_a == id_b:
                assert by_host[a].operator == by_host[b].operator, (a, b)
