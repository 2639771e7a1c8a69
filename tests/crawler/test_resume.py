"""--resume continues an interrupted crawl without losing or duplicating documents, whether the
crawl was stopped with Ctrl-C or killed with SIGKILL; --recrawl-after skips sites fetched
recently."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from scrapy.http import Headers

from crawler.evidence.warc import WarcLog
from fraudwatch.farm import Farm
from fraudwatch.store import open_store
from tests.paths import ROOT
from tests.processes import kill, reaped

pytestmark = pytest.mark.timeout(300)
SMALL_BATCHES = ("--set", "FRAUDWATCH_STORE_BATCH=2")  # the store shows progress early


@pytest.fixture(scope="module")
def farm():
    with Farm(port=0, hostile=False) as running:
        yield running


def crawl_command(farm, tmp_path: Path, *extra: str) -> list[str]:
    resolve = [arg for host in farm.hosts() for arg in ("--resolve", f"{host}=127.0.0.1")]
    # One connection at a time, each site's pages half a second apart: the crawl is still
    # running when it is interrupted.
    return [sys.executable, "-c", "from fraudwatch.cli import main; main()", "-q",
            "--store", f"sqlite:///{tmp_path}/fw.db", "crawl", "--allow-private", *resolve,
            "--set", "DOWNLOAD_DELAY=0.5", "--set", "AUTOTHROTTLE_ENABLED=False",
            "--set", "CONCURRENT_REQUESTS=1", *extra]


def seed_file(farm, tmp_path: Path, count: int) -> Path:
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("\n".join(farm.seeds()[:count]))
    return seeds


def environment(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var"), "PYTHONPATH": str(ROOT),
           "FRAUDWATCH_LOG_LEVEL": "WARNING"}
    env.pop("FRAUDWATCH_CONFIG", None)
    return env


def captures(tmp_path: Path) -> list[str]:
    try:
        with sqlite3.connect(tmp_path / "fw.db") as db:
            return [url for (url,) in db.execute("SELECT url FROM captures")]
    except sqlite3.OperationalError:  # not created yet
        return []


def outcome(farm, tmp_path: Path) -> dict:
    """What a crawl left in the store: captures per (url, render), page ids, site verdicts."""
    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        sites = {host: store.get_site_by_domain(host) for host in farm.hosts()}
        return {
            "captures": Counter((c.url, c.render) for host in farm.hosts()
                                for c in store.captures_for(host)),
            "errors": sorted(c.error for h in farm.hosts() for c in store.captures_for(h)
                             if c.error),
            "pages": {p.id for host in farm.hosts() for p in store.pages_for(host)},
            "sites": {host: (s.category, s.verdict, s.status) for host, s in sites.items()
                      if s is not None},
        }


def test_an_interrupted_crawl_resumes_without_losses_or_duplicates(farm, tmp_path):
    command = crawl_command(farm, tmp_path, "--render", "never", *SMALL_BATCHES)
    seeds = seed_file(farm, tmp_path, 6)
    env = environment(tmp_path)
    first = subprocess.Popen([*command, "--seeds", str(seeds)], env=env, cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with reaped(first):
        wait_for_captures(tmp_path, first, 6)
        first.send_signal(signal.SIGINT)
        out, _ = first.communicate(timeout=60)
    assert "crawl shutdown" in out
    interrupted = captures(tmp_path)
    resumed = subprocess.run([*command, "--resume"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert "crawl finished" in resumed.stdout
    after = captures(tmp_path)
    assert len(after) > len(interrupted)
    assert len(after) == len(set(after))  # every page fetched once across both runs

    again = subprocess.run([*command, "--seeds", str(seeds), "--recrawl-after", "7d"], env=env,
                           cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "0 sites" in again.stdout
    assert captures(tmp_path) == after


def wait_for_captures(tmp_path: Path, process: subprocess.Popen, count: int) -> None:
    deadline = time.monotonic() + 60
    while len(captures(tmp_path)) < count:
        assert process.poll() is None, "the crawl ended before it could be killed"
        assert time.monotonic() < deadline, "the crawl stored too few captures"
        time.sleep(0.05)


@pytest.mark.parametrize("render", ["never", pytest.param("auto", marks=pytest.mark.browser)])
def test_a_killed_crawl_resumes_to_the_store_of_an_uninterrupted_one(farm, tmp_path, render):
    sites = 4 if render == "auto" else 6
    small_batches = (*SMALL_BATCHES, "--render", render)
    reference_dir, killed_dir = tmp_path / "reference", tmp_path / "killed"
    for folder in (reference_dir, killed_dir):
        folder.mkdir()
    reference = subprocess.run(
        [*crawl_command(farm, reference_dir, *small_batches), "--seeds",
         str(seed_file(farm, reference_dir, sites))],
        env=environment(reference_dir), cwd=reference_dir, capture_output=True, text=True,
        timeout=180)
    assert reference.returncode == 0, reference.stderr[-2000:]
    expected = outcome(farm, reference_dir)
    assert max(expected["captures"].values()) == 1 and not expected["errors"]

    command = crawl_command(farm, killed_dir, *small_batches)
    env = environment(killed_dir)
    first = subprocess.Popen([*command, "--seeds", str(seed_file(farm, killed_dir, sites))],
                             env=env, cwd=killed_dir, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    with reaped(first):
        wait_for_captures(killed_dir, first, len(expected["captures"]) // 2)
        kill(first)  # the crawler and its Chromium, with no warning
    killed = captures(killed_dir)
    assert 0 < len(killed) < sum(expected["captures"].values())
    summaries = list((killed_dir / "var" / "runs").glob("*/summary.json"))
    assert not summaries  # it did not get to close

    resumed = subprocess.run([*command, "--resume"], env=env, cwd=killed_dir,
                             capture_output=True, text=True, timeout=180)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert "crawl finished" in resumed.stdout
    got = outcome(farm, killed_dir)
    assert got["captures"] == expected["captures"]  # each (url, render) captured exactly once
    assert got["errors"] == expected["errors"]
    assert got["pages"] == expected["pages"]
    assert got["sites"] == expected["sites"]
    summary = json.loads(next((killed_dir / "var" / "runs").glob("*/summary.json")).read_text())
    assert summary["finish_reason"] == "finished"


@pytest.mark.browser
def test_a_resume_renders_a_landing_page_once_when_its_renders_were_already_scheduled(
        farm, tmp_path):
    """Killed after the landing page scheduled its browser renders but before the page itself
    was stored: the resumed run fetches the page again, and must not schedule the renders a
    second time (they are in the journal already)."""
    from crawler.frontier.journal import JOURNAL, Scheduled

    landing = farm.seeds()[0]
    site = landing.split("//", 1)[1].split(":", 1)[0]
    run_dir = tmp_path / "var" / "runs" / "20261203T000000.000Z-deadbeef"
    run_dir.mkdir(parents=True)
    (run_dir / "run.json").write_text(json.dumps(
        {"run_id": run_dir.name, "seeds": [landing], "started": "2026-12-03T00:00:00+00:00"}))
    entries = [Scheduled(landing, site, 0, 0, 100, "landing"),
               Scheduled(landing, site, 0, 0, 100, "render", "desktop", True),
               Scheduled(landing, site, 0, 0, 100, "render", "mobile", False)]
    (run_dir / JOURNAL).write_text(
        "".join(json.dumps(entry.__dict__) + "\n" for entry in entries))
    killed_warc = WarcLog(tmp_path / "var" / "warc" / f"{run_dir.name}-20261203T000001Z-1.warc.gz")
    killed_warc.open()  # the killed process had fetched the landing page, never stored it
    killed_warc.response(landing, 200, Headers({"Content-Type": "text/html"}), b"<p>gone</p>")
    killed_warc.close()

    command = crawl_command(farm, tmp_path, "--render", "auto", "--max-pages", "1", "--resume")
    resumed = subprocess.run(command, env=environment(tmp_path), cwd=tmp_path,
                             capture_output=True, text=True, timeout=180)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        got = Counter((c.url, c.render) for c in store.captures_for(site))
    assert got == {(landing, "static"): 1, (landing, "desktop"): 1, (landing, "mobile"): 1}
    assert not killed_warc.path.exists()  # its one record stood for no stored capture


def test_a_crawl_on_a_full_disk_stops_resumable_and_loses_nothing(farm, tmp_path):
    """`ulimit -f`: the store, its spool and the WARC file hit the cap as they grow. The crawl
    spools what the store refuses and stops with exit 4 when evidence or spool cannot be kept;
    its summary never says "finished", and a resume with room again ends as an uninterrupted
    crawl does."""
    import resource

    reference_dir, full_dir = tmp_path / "reference", tmp_path / "full"
    for folder in (reference_dir, full_dir):
        folder.mkdir()
    never = (*SMALL_BATCHES, "--render", "never")
    reference = subprocess.run(
        [*crawl_command(farm, reference_dir, *never), "--seeds",
         str(seed_file(farm, reference_dir, 6))],
        env=environment(reference_dir), cwd=reference_dir, capture_output=True, text=True,
        timeout=180)
    assert reference.returncode == 0, reference.stderr[-2000:]
    expected = outcome(farm, reference_dir)

    def cap_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (20 * 1024, resource.RLIM_INFINITY))

    command = crawl_command(farm, full_dir, *never)
    env = environment(full_dir)
    full = subprocess.run([*command, "--seeds", str(seed_file(farm, full_dir, 6))], env=env,
                          cwd=full_dir, capture_output=True, text=True, timeout=180,
                          preexec_fn=cap_files)
    assert full.returncode == 4, full.stdout + full.stderr[-2000:]
    assert "crawl finished" not in full.stdout
    assert "fraudwatch crawl --resume" in full.stderr
    (summary,) = (full_dir / "var" / "runs").glob("*/summary.json")
    assert json.loads(summary.read_text())["finish_reason"] != "finished"

    resumed = subprocess.run([*command, "--resume"], env=env, cwd=full_dir,
                             capture_output=True, text=True, timeout=180)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert "crawl finished" in resumed.stdout
    got = outcome(farm, full_dir)
    assert got["captures"] == expected["captures"]  # each page once, none lost
    assert got["pages"] == expected["pages"]
    assert got["sites"] == expected["sites"]
    assert not list((full_dir / "var" / "spool").glob("*/*.json"))  # all replayed
