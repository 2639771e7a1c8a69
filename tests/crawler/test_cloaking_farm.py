"""End to end: a farm site that cloaks (a flower shop for crawlers, a casino for victims'
browsers) is stored with `cloaking`, and an honest site crawled in the same run is not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fraudwatch.farm import Farm
from fraudwatch.store import open_store

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


def run(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(tmp / "var"), "PYTHONPATH": str(ROOT),
           "FRAUDWATCH_LOG_LEVEL": "WARNING"}
    env.pop("FRAUDWATCH_CONFIG", None)
    result = subprocess.run(
        [sys.executable, "-m", "fraudwatch", "-q", "--store", f"sqlite:///{tmp}/fw.db", *args],
        cwd=tmp, env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def test_a_cloaking_site_is_flagged_and_an_honest_one_is_not(tmp_path):
    with Farm(port=0, hostile=False) as farm:
        cloaker = next(s for s in farm.sites if s.cloaks)
        honest = next(s for s in farm.sites if s.domain == "zolotaya-fishka.kz")
        urls = [site.url(farm.base_port) for site in (cloaker, honest)]
        run(tmp_path, "crawl", "--render", "auto", "--allow-private", "--max-pages", "3",
            "--set", "FRAUDWATCH_RENDER_TIMEOUT=10", *(f"--resolve={s.host}=127.0.0.1"
                                                       for s in (cloaker, honest)), *urls)

    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        flagged, clean = store.get_site_by_domain(cloaker.host), store.get_site_by_domain(
            honest.host)
        assert flagged is not None and clean is not None
        assert flagged.cloaking is True
        assert clean.cloaking is False
        # The crawler's plain fetch saw the decoy, the victims' renders the casino.
        texts = " ".join(page.text for page in store.pages_for(cloaker.host))
        assert "букет" in texts.casefold() and "фриспин" in texts.casefold()
