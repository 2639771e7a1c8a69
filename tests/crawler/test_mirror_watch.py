"""End to end: a confirmed farm site's mirror, crawled later on a new domain, raises an alert."""

from __future__ import annotations

import pytest

from fraudwatch.farm import Farm
from fraudwatch.store import open_store

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
