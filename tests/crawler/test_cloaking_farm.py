"""End to end: a farm site that cloaks (a flower shop for crawlers, a casino for victims'
browsers) is stored with `cloaking`, and an honest site crawled in the same run is not."""

from __future__ import annotations

import pytest

from fraudwatch.farm import Farm
from fraudwatch.store import open_store

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]


def test_a_cloaking_site_is_flagged_and_an_honest_one_is_not(tmp_path,
                                                             fraudwatch_cli):
    with Farm(port=0, hostile=False) as farm:
        cloaker = next(s for s in farm.sites if s.cloaks)
        honest = next(s for s in farm.sites if s.domain == "zolotaya-fishka.kz")
        urls = [site.url(farm.base_port) for site in (cloaker, honest)]
        resolve = [f"--resolve={s.host}=127.0.0.1" for s in (cloaker, honest)]
        fraudwatch_cli("crawl", "--render", "auto", "--allow-private", "--max-pages", "3",
                       "--set", "FRAUDWATCH_RENDER_TIMEOUT=10", *resolve, *urls)

    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        flagged, clean = store.get_site_by_domain(cloaker.host), store.get_site_by_domain(
            honest.host)
        assert flagged is not None and clean is not None
        assert flagged.cloaking is True
        assert clean.cloaking is False
        # The crawler's plain fetch saw the decoy, the victims' renders the casino.
        texts = " ".join(page.text for page in store.pages_for(cloaker.host))
        assert "букет" in texts.casefold() and "фриспин" in texts.casefold()
