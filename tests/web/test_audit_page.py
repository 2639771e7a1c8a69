"""The audit log page: supervisors filter it by who, action, site and dates; the CSV export
carries the same selection; others may not see it."""

from __future__ import annotations

import csv
import io

import pytest

from fraudwatch.review import review_site
from fraudwatch.store import Review


@pytest.fixture
def logged(sample_store):
    """Four entries: two people, three actions, three sites, two days."""
    review_site(sample_store, "altyn-bonus.kz", "aigerim", "confirm")
    review_site(sample_store, "tez-nesie.kz", "boris", "needs_info", "who owns it? <b>x</b>")
    review_site(sample_store, "profit-daily.com", "aigerim", "comment", "=cmd|' /C calc'!A0")
    site = sample_store.get_site_by_domain("tez-nesie.kz")
    sample_store.add_review(Review(site_id=site.id, user="boris", action="comment",
                             comment="older note", at="2026-11-01T08:00:00+00:00"))
    sample_store.refresh()
    return sample_store


def _rows(page: str) -> list[str]:
    body = page.split('<table class="audit">', 1)[1].split("</table>", 1)[0]
    return [row for row in body.split("<tr>")[2:]]


def test_the_supervisor_sees_the_log_newest_first_and_filters_it(logged, as_role):
    boss = as_role("supervisor")
    page = boss.get("/audit").text
    rows = _rows(page)
    assert len(rows) == 4 and "older note" in rows[-1] and "profit-daily.com" in rows[0]
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page
    assert [r for r in _rows(boss.get("/audit?user=boris").text)
            if "aigerim" in r] == []
    assert len(_rows(boss.get("/audit?user=boris").text)) == 2
    only = _rows(boss.get("/audit?action=confirm").text)
    assert len(only) == 1 and "altyn-bonus.kz" in only[0]
    assert len(_rows(boss.get("/audit?domain=TEZ-NESIE.KZ").text)) == 2
    assert len(_rows(boss.get("/audit?until=2026-11-02").text)) == 1
    assert len(_rows(boss.get("/audit?since=2026-11-02&user=aigerim").text)) == 2


def test_the_csv_carries_the_selection_with_formulas_defused(logged, as_role):
    boss = as_role("supervisor")
    rows = list(csv.DictReader(io.StringIO(boss.get("/audit.csv?user=aigerim").text)))
    assert [r["domain"] for r in rows] == ["altyn-bonus.kz", "profit-daily.com"]
    assert rows[1]["comment"].startswith("'=")
    page = boss.get("/audit?user=aigerim").text
    assert 'href="/audit.csv?user=aigerim"' in page


def test_a_bad_filter_is_said_and_the_log_is_not_guessed(logged, as_role):
    boss = as_role("supervisor")
    resp = boss.get("/audit?since=yesterday")
    assert resp.status_code == 400 and "must be a date" in resp.text
    assert boss.get("/audit?action=launch").status_code == 400
    assert boss.get("/audit.csv?since=yesterday").status_code == 400


@pytest.mark.parametrize("role", ["viewer", "analyst"])
def test_only_supervisors_see_the_log(logged, as_role, role):
    client = as_role(role)
    assert client.get("/audit").status_code == 403
    assert 'href="/audit"' not in client.get("/").text
