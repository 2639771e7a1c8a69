"""A page that spins forever after `load` ends as a recorded `render_timeout`, in bounded time,
while the rest of the crawl completes (crawler.render.watchdog)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from fraudwatch.farm import Farm
from fraudwatch.farm.hostile import SPIN_PATH
from fraudwatch.store import open_store
from tests.paths import ROOT

RENDER_TIMEOUT = 4  # the watchdog's deadline is twice this
BOUND_SECONDS = 120
pytestmark = [pytest.mark.browser, pytest.mark.timeout(BOUND_SECONDS + 60)]


def test_a_render_that_never_finishes_is_recorded_and_the_crawl_goes_on(tmp_path):
    with Farm(port=0, hostile=True) as farm:
        trap = next(site for site in farm.sites if site.hostile == "js-trap")
        normal = [site for site in farm.sites if site.seed and not site.hostile][:3]
        seeds = [trap.url(farm.base_port, SPIN_PATH), *(s.url(farm.base_port) for s in normal)]
        resolve = [arg for host in farm.hosts() for arg in ("--resolve", f"{host}=127.0.0.1")]
        env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var"),
               "PYTHONPATH": str(ROOT), "FRAUDWATCH_LOG_LEVEL": "WARNING"}
        env.pop("FRAUDWATCH_CONFIG", None)
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-c", "from fraudwatch.cli import main; main()", "-q",
             "--store", f"sqlite:///{tmp_path}/fw.db", "crawl", *seeds, "--allow-private",
             *resolve, "--max-pages", "2", "--set", "RETRY_TIMES=0",
             "--set", f"FRAUDWATCH_RENDER_TIMEOUT={RENDER_TIMEOUT}"],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=BOUND_SECONDS)
        seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-3000:]
    assert "crawl finished" in result.stdout
    assert seconds < BOUND_SECONDS
    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        spun = [c for c in store.captures_for(trap.host) if c.url.endswith(SPIN_PATH)]
        assert any(c.render == "static" and not c.error for c in spun), spun
        # The profile that takes a screenshot meets Playwright's own screenshot timeout first;
        # the other one hangs in the DOM capture until the watchdog tears it down.
        errors = [c.error.split(":", 1)[0] for c in spun if c.render != "static"]
        assert "render_timeout" in errors and set(errors) <= {"render_timeout", "timeout"}
        for site in normal:  # the other renders went on: every landing page has its screenshot
            rendered = [c for c in store.captures_for(site.host) if c.render != "static"]
            assert rendered and all(not c.error for c in rendered), site.domain
            assert any(c.screenshot for c in rendered), site.domain
