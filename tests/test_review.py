"""Review decisions: audit log entries and review states, on both stores."""

from __future__ import annotations

import pytest

from fraudwatch.review import ReviewError, review_site
from fraudwatch.store import Site


@pytest.fixture
def with_site(store):
    store.put_sites([Site(domain="altyn-kazino.kz", category="casino", verdict="illegal")])
    return store


def test_confirm_moves_state_and_appends_to_audit_log(with_site):
    review_site(with_site, "altyn-kazino.kz", "aigerim", "needs_info", "нужен скриншот")
    review_site(with_site, "altyn-kazino.kz", "serik", "confirm", "казино без лицензии")
    site = with_site.get_site_by_domain("altyn-kazino.kz")
    assert site.review_state == "confirmed"
    log = with_site.reviews_for(site.id)
    assert [(r.user, r.action) for r in log] == [("aigerim", "needs_info"), ("serik", "confirm")]


def test_delisting_needs_a_confirmed_site_and_a_reason(with_site):
    with pytest.raises(ReviewError, match="not confirmed"):
        review_site(with_site, "altyn-kazino.kz", "serik", "delist", "owner appealed")
    review_site(with_site, "altyn-kazino.kz", "serik", "confirm")
    with pytest.raises(ReviewError, match="needs a comment"):
        review_site(with_site, "altyn-kazino.kz", "serik", "delist")
    review_site(with_site, "altyn-kazino.kz", "serik", "delist", "licence shown on appeal")
    assert with_site.get_site_by_domain("altyn-kazino.kz").review_state == "delisted"


def test_unknown_site_and_action_are_refused(with_site):
    with pytest.raises(ReviewError, match="no site"):
        review_site(with_site, "nowhere.kz", "serik", "confirm")
    with pytest.raises(ReviewError, match="unknown action"):
        review_site(with_site, "altyn-kazino.kz", "serik", "destroy")
