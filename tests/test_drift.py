"""Drift: how often reviewers disagree with the model per week, category and language, the
share of recent pages in languages the corpus covers thinly, and when the dashboard warns."""

from __future__ import annotations

from datetime import date

import pytest

from fraudwatch.config import load_config
from fraudwatch.drift import corpus_languages, drift_report
from fraudwatch.store import Page, Review, Site

TODAY = date(2026, 11, 30)  # a Monday: the week of 23 November is the latest complete one
CORPUS = {"ru": 500, "kk": 150, "en": 300}  # kk is thin below 200 pages


def _site(domain: str, category: str, verdict: str) -> Site:
    return Site(domain=domain, category=category, verdict=verdict)


def _page(domain: str, path: str, lang: str, last_seen: str = "2026-11-20T10:00:00+00:00"):
    return Page(url=f"http://{domain}/{path}", domain=domain, lang=lang, last_seen=last_seen)


@pytest.fixture
def decided(sqlite_store):
    store = sqlite_store
    sites = {s.domain: s for s in [
        _site("casino-a.kz", "casino", "illegal"), _site("loan-b.kz", "loan", "suspicious"),
        _site("legit-c.kz", "legit", "clean"), _site("lic-d.kz", "casino", "licensed")]}
    store.put_sites(sites.values())
    store.put_pages([
        _page("casino-a.kz", "", "ru"), _page("casino-a.kz", "bonus", "ru"),
        _page("casino-a.kz", "kz", "kk"), _page("loan-b.kz", "", "kk"),
        _page("legit-c.kz", "", "en"), _page("lic-d.kz", "", "ru"),
        _page("old-e.kz", "", "uz", last_seen="2026-10-01T10:00:00+00:00"),  # too old
        _page("new-f.kz", "", "tr"),  # a language the corpus lacks
        _page("new-f.kz", "img", ""),  # language unknown
    ])

    def decide(domain: str, action: str, day: str) -> None:
        store.add_review(Review(site_id=sites[domain].id if domain in sites else domain,
                                user="serik", action=action, at=f"{day}T09:00:00+00:00"))

    decide("casino-a.kz", "confirm", "2026-11-24")  # agrees
    decide("loan-b.kz", "reject", "2026-11-24")  # disagrees: flagged, rejected
    decide("legit-c.kz", "confirm", "2026-11-25")  # disagrees: not flagged, confirmed
    decide("lic-d.kz", "confirm", "2026-11-29")  # disagrees: licensed, confirmed
    decide("casino-a.kz", "needs_info", "2026-11-24")  # not a decision
    decide("casino-a.kz", "comment", "2026-11-24")
    decide("gone.kz", "reject", "2026-11-24")  # no such site
    decide("casino-a.kz", "reject", "2026-11-17")  # disagrees
    decide("loan-b.kz", "confirm", "2026-11-18")  # agrees
    decide("legit-c.kz", "reject", "2026-11-30")  # agrees; the week under way
    decide("legit-c.kz", "confirm", "2026-08-01")  # before the 12 weeks
    store.refresh()
    return store


def _config(**values):
    return load_config(overrides=values, environ={})


def test_decisions_are_counted_per_week_category_and_language(decided):
    drift = drift_report(decided, _config(), today=TODAY, corpus=CORPUS)
    assert len(drift.weeks) == 12 and drift.weeks[-1].week == "2026-11-30"
    assert [w.week for w in drift.weeks if not w.complete] == ["2026-11-30"]
    week = drift.latest_complete
    assert week.week == "2026-11-23"
    assert (week.total.decisions, week.total.disagreements, week.total.rate) == (4, 3, 0.75)
    assert {k: (t.decisions, t.disagreements) for k, t in week.by_category.items()} == {
        "casino": (2, 1), "loan": (1, 1), "legit": (1, 1)}
    assert {k: (t.decisions, t.disagreements) for k, t in week.by_language.items()} == {
        "ru": (2, 1), "kk": (1, 1), "en": (1, 1)}
    before = drift.weeks[-3]
    assert (before.week, before.total.decisions, before.total.disagreements) == (
        "2026-11-16", 2, 1)
    assert (drift.weeks[-1].total.decisions, drift.weeks[-1].total.disagreements) == (1, 0)
    assert sum(w.total.decisions for w in drift.weeks) == 7


def test_the_share_of_recent_pages_in_thin_languages(decided):
    thin = drift_report(decided, _config(), today=TODAY, corpus=CORPUS).thin
    assert (thin.pages, thin.by_language, thin.thin_pages) == (7, {"kk": 2, "tr": 1}, 3)
    assert thin.share == pytest.approx(3 / 7)
    wider = drift_report(decided, _config(**{"drift.thin_language_pages": 400}), today=TODAY,
                         corpus=CORPUS).thin
    assert wider.by_language == {"en": 1, "kk": 2, "tr": 1}


@pytest.mark.parametrize(("values", "alert"), [
    ({}, False),  # 4 decisions: fewer than the 5 the alert needs
    ({"drift.alert_min_decisions": 4}, True),  # 0.75 > 0.2
    ({"drift.alert_min_decisions": 4, "drift.alert_rate": 0.75}, False),  # not above it
    ({"drift.alert_min_decisions": 1, "drift.alert_rate": 0.7}, True),
])
def test_the_alert_needs_enough_decisions_and_a_rate_above_the_limit(decided, values, alert):
    drift = drift_report(decided, _config(**values), today=TODAY, corpus=CORPUS)
    assert (drift.alert.week if drift.alert else None) == ("2026-11-23" if alert else None)


def test_each_category_and_language_is_alerted_on_its_own_decisions(decided):
    """Week of 23 November: casino 1 of 2 disagreed, loan 1 of 1, legit 1 of 1; ru 1 of 2,
    kk 1 of 1, en 1 of 1."""
    drift = drift_report(decided, _config(**{"drift.alert_min_decisions": 2,
                                             "drift.alert_rate": 0.4}),
                         today=TODAY, corpus=CORPUS)
    assert [(kind, key, t.rate) for kind, key, t in drift.group_alerts] == [
        ("category", "casino", 0.5), ("language", "ru", 0.5)]
    one = drift_report(decided, _config(**{"drift.alert_min_decisions": 1,
                                           "drift.alert_rate": 0.6}), today=TODAY,
                       corpus=CORPUS)
    assert [(kind, key) for kind, key, _ in one.group_alerts] == [
        ("category", "legit"), ("category", "loan"), ("language", "en"), ("language", "kk")]
    assert drift_report(decided, _config(), today=TODAY, corpus=CORPUS).group_alerts == []


def test_an_empty_store_has_no_drift(sqlite_store):
    drift = drift_report(sqlite_store, _config(), today=TODAY, corpus=CORPUS)
    assert drift.alert is None and drift.thin.share is None and drift.group_alerts == []
    assert all(w.total.rate is None for w in drift.weeks)


def test_the_corpus_is_counted_per_language_once_per_process():
    counts = corpus_languages()
    assert corpus_languages() is counts
    assert "kk_latin" not in counts and counts["kk"] > counts.get("tk", 0) > 0
