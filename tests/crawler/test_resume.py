"""--resume continues an interrupted crawl without losing or duplicating documents;
--recrawl-after skips sites fetched recently."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fraudwatch.farm import Farm

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(240)


@pytest.fixture
def crawl_command(tmp_path):
    with Farm(port=0, hostile=False) as farm:
        seeds = tmp_path / "seeds.txt"
        seeds.write_text("\n".join(farm.seeds()[:6]))
        resolve = [arg for host in farm.hosts() for arg in ("--resolve", f"{host}=127.0.0.1")]
        # One slow connection, so the crawl is still running when it is interrupted.
        yield [sys.executable, "-c", "from fraudwatch.cli import main; main()", "-q",
               "--store", f"sqlite:///{tmp_path}/fw.db", "crawl", "--allow-private", *resolve,
               "--render", "never", "--set", "DOWNLOAD_DELAY=0.5", "--set",
               "AUTOTHROTTLE_ENABLED=False", "--set", "CONCURRENT_REQUESTS=1"], seeds


def environment(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var"), "PYTHONPATH": str(ROOT)}


def captures(tmp_path: Path) -> list[str]:
    with sqlite3.connect(tmp_path / "fw.db") as db:
        return [url for (url,) in db.execute("SELECT url FROM captures")]


def test_an_interrupted_crawl_resumes_without_losses_or_duplicates(crawl_command, tmp_path):
    command, seeds = crawl_command
    env = environment(tmp_path)
    first = subprocess.Popen([*command, "--seeds", str(seeds)], env=env, cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)
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
