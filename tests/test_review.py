"""Review decisions: audit log entries and review states, on both stores."""

from __future__ import annotations

import pytest

from fraudwatch import i18n
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


@pytest.fixture
def with_signs(store):
    store.put_sites([Site(domain="tez-nesie.kz", category="loan", verdict="illegal",
                          signs=["loan.no_refusal", "loan.asks_card_secrets"])])
    return store


def test_a_rejection_names_the_signs_the_model_got_wrong(with_signs):
    review_site(with_signs, "tez-nesie.kz", "serik", "reject", "bank's own page",
                ["loan.asks_card_secrets", "loan.asks_card_secrets"])
    site = with_signs.get_site_by_domain("tez-nesie.kz")
    [entry] = with_signs.reviews_for(site.id)
    assert (entry.action, entry.wrong_signs) == ("reject", ["loan.asks_card_secrets"])
    assert site.review_state == "rejected"


def test_only_a_rejection_or_delisting_names_signs_and_only_the_sites_own(with_signs):
    with pytest.raises(ReviewError, match="only a rejection or a delisting .* not confirm"):
        review_site(with_signs, "tez-nesie.kz", "serik", "confirm", "", ["loan.no_refusal"])
    with pytest.raises(ReviewError, match="casino.free_spins: not a sign the model found on "
                                          "tez-nesie.kz; its signs are: loan.no_refusal, "
                                          "loan.asks_card_secrets"):
        review_site(with_signs, "tez-nesie.kz", "serik", "reject", "why",
                    ["loan.no_refusal", "casino.free_spins"])
    with i18n.speaking("ru"), pytest.raises(ReviewError, match="при отклонении") as said:
        review_site(with_signs, "tez-nesie.kz", "serik", "needs_info", "", ["loan.no_refusal"])
    assert "запрос сведений" in str(said.value)  # the action in the reader's words
    site = with_signs.get_site_by_domain("tez-nesie.kz")
    assert with_signs.reviews_for(site.id) == [] and site.review_state == "new"


def test_a_delisting_names_signs_too(with_signs):
    review_site(with_signs, "tez-nesie.kz", "serik", "confirm")
    review_site(with_signs, "tez-nesie.kz", "serik", "delist", "licensed lender",
                ["loan.no_refusal"])
    site = with_signs.get_site_by_domain("tez-nesie.kz")
    assert [r.wrong_signs for r in with_signs.reviews_for(site.id)] == [[], ["loan.no_refusal"]]
