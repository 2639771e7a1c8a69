"""End to end: a confirmed farm site's mirror, crawled later on a new domain, raises an alert."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from fraudwatch.farm import Farm
from fraudwatch.store import open_store
from tests.paths import ROOT

pytestmark = [pytest.mark.timeout(300)]


def test_mirror_of_a_confirmed_site_is_alerted_in_the_next_crawl(tmp_path,
                                                                 fraudwatch_cli):
    with Farm(port=0, hostile=False) as farm:
        original = next(s for s in farm.sites if s.mirror_of is None and any(
            m.mirror_of == s.host for m in farm.sites))
        mirror = next(s for s in farm.sites if s.mirror_of == original.host)
        resolve = [f"--resolve={h}=127.0.0.1" for h in farm.hosts()]
        crawl = ["crawl", "--allow-private", "--render", "never", "--max-pages", "4", *resolve]
        url = f"http://{{}}:{farm.base_port}/"

        first = fraudwatch_cli(*crawl, url.format(original.host))
        assert "mirror alerts: 0" in first.stdout
        fraudwatch_cli("review", original.host, "confirm", "-m", "operator of a casino",
            "--user", "supervisor")
        second = fraudwatch_cli(*crawl, url.format(mirror.host))

    assert f"mirror alert: mirror of {original.host}" in second.stdout
    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        flagged = store.get_site_by_domain(mirror.host)
        assert flagged.mirror_of == original.host
        assert flagged.network_id and \
            flagged.network_id == store.get_site_by_domain(original.host).network_id
        alerts = [r for r in store.reviews_for(flagged.id) if r.action == "mirror_alert"]
        assert len(alerts) == 1 and "shares" in alerts[0].comment
    queued = (tmp_path / "var" / "seeds" / "priority.txt").read_text().split()
    assert queued == [mirror.host]


def test_scrapy_crawl_links_networks_and_takes_the_queue_as_fraudwatch_crawl_does(
        tmp_path, fraudwatch_cli):
    """`scrapy crawl sites` is the same crawl: its end rebuilds networks, raises mirror
    alerts, and a later crawl takes the queued mirror first and removes it once finished."""
    queue = tmp_path / "var" / "seeds" / "priority.txt"
    with Farm(port=0, hostile=False) as farm:
        original = next(s for s in farm.sites if s.mirror_of is None and any(
            m.mirror_of == s.host for m in farm.sites))
        mirror = next(s for s in farm.sites if s.mirror_of == original.host)
        resolve = {h: "127.0.0.1" for h in farm.hosts()}
        url = f"http://{{}}:{farm.base_port}/"
        fraudwatch_cli("crawl", "--allow-private", "--render", "never", "--max-pages", "4",
                       *(f"--resolve={h}=127.0.0.1" for h in resolve), url.format(original.host))
        fraudwatch_cli("review", original.host, "confirm", "-m", "operator of a casino",
                       "--user", "supervisor")
        seeds = tmp_path / "seeds.txt"
        seeds.write_text(url.format(mirror.host) + "\n")
        scrapy_crawl(tmp_path, resolve, "-a", f"seeds={seeds}")
        assert queue.read_text().split() == [mirror.host]  # the alert queued the mirror
        with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
            flagged = store.get_site_by_domain(mirror.host)
            assert flagged.mirror_of == original.host and flagged.network_id
            assert all(c.run_id for c in store.captures_for(mirror.host))  # the addon's run id
            crawled = store.count("capture")

        scrapy_crawl(tmp_path, resolve)  # no seeds of its own: the queue's

    assert queue.read_text().split() == []
    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        assert store.count("capture") > crawled


def scrapy_crawl(tmp_path, resolve: dict[str, str], *args: str) -> None:
    env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var"),
           "PYTHONPATH": str(ROOT), "FRAUDWATCH_LOG_LEVEL": "WARNING"}
    env.pop("FRAUDWATCH_CONFIG", None)
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "sites", *args, "-L", "WARNING",
         "-s", f"FRAUDWATCH_STORE=sqlite:///{tmp_path}/fw.db", "-s", "FRAUDWATCH_RENDER=never",
         "-s", "FRAUDWATCH_ALLOW_PRIVATE=True", "-s", "FRAUDWATCH_MAX_PAGES=4",
         "-s", f"FRAUDWATCH_RESOLVE={json.dumps(resolve)}"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
