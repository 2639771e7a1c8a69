"""The public citizen check: known verdicts in three languages, seeds, rate limit."""

from __future__ import annotations

import pytest

from tests.web.support import csrf_of


def test_known_site_in_kazakh(client):
    token = csrf_of(client, "/check?lang=kk")
    page = client.post("/check", data={"url": "https://www.altyn-bonus.kz/promo", "lang": "kk",
                                       "csrf_token": token}).text
    assert "заңсыз қызмет белгілері" in page and '<html lang="kk">' in page


def test_unknown_site_is_queued_once(client, web_config):
    for _ in range(2):
        body = client.post("/api/check", json={"url": "new-casino.kz", "lang": "en"}).json()
        assert body["known"] is False and "queued" in body["message"]
    seeds = (web_config.var_dir / "seeds" / "citizen.txt").read_text().split()
    assert seeds == ["http://new-casino.kz/"]


def test_api_check_known_site_explains_signs_in_russian(client):
    body = client.post("/api/check", json={"url": "http://profit-daily.com/x"}).json()
    assert body["known"] and body["verdict"] == "suspicious"
    assert any("доход" in s for s in body["signs"])
    assert not any("pyramid." in s for s in body["signs"])  # words, never the sign's id


def test_not_a_web_address(client):
    resp = client.post("/api/check", json={"url": "javascript:alert(1)"})
    assert resp.status_code == 400


def test_check_form_needs_csrf(client):
    assert client.post("/check", data={"url": "a.kz"}).status_code == 403


def test_rate_limit_gives_429_with_retry_after(client):
    codes = [client.post("/api/check", json={"url": "altyn-bonus.kz"}).status_code
             for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    resp = client.post("/api/check", json={"url": "altyn-bonus.kz"})
    assert int(resp.headers["retry-after"]) >= 1


def test_token_bucket_refills_over_time():
    from fraudwatch.web.ratelimit import TokenBucket

    now = [0.0]
    bucket = TokenBucket(rate_per_minute=6, burst=2, clock=lambda: now[0])
    assert [bucket.take("ip"), bucket.take("ip")] == [0.0, 0.0]
    assert bucket.take("ip") == 10.0 and bucket.take("other") == 0.0
    now[0] = 10.0
    assert bucket.take("ip") == 0.0


def test_the_check_follows_the_regulators_decisions(client, sample_store, app):
    """Rejected or delisted: never shown as dangerous. Confirmed: says so, with the date.
    Not reviewed: the machine's verdict, marked automatic and unconfirmed."""
    from datetime import UTC, datetime

    from fraudwatch.i18n import format_day
    from fraudwatch.review import review_site
    from fraudwatch.web.ratelimit import TokenBucket

    app.state.check_bucket = TokenBucket(rate_per_minute=600, burst=100)  # not under test here

    def check(domain, lang="ru"):
        return client.post("/api/check", json={"url": domain, "lang": lang}).json()

    automatic = check("altyn-bonus.kz")
    assert automatic["review"] == "automatic" and "автоматическая оценка" in automatic["message"]
    review_site(sample_store, "altyn-bonus.kz", "supervisor", "reject", "licensed operator")
    review_site(sample_store, "tez-nesie.kz", "supervisor", "confirm")
    sample_store.refresh()
    today = datetime.now(UTC).date()
    cleared = check("altyn-bonus.kz", "en")
    assert (cleared["verdict"], cleared["review"], cleared["signs"]) == ("clean", "cleared", [])
    assert "did not find it illegal" in cleared["message"] and "illegal activity" not in \
        cleared["message"]
    confirmed = check("tez-nesie.kz", "kk")
    assert (confirmed["verdict"], confirmed["review"]) == ("illegal", "confirmed")
    assert confirmed["decided_on"] == today.isoformat()
    said_day = format_day(today.isoformat(), form="long", lang="kk")
    assert said_day in confirmed["message"] and "растады" in confirmed["message"]
    review_site(sample_store, "tez-nesie.kz", "supervisor", "delist", "the site is gone")
    sample_store.refresh()
    assert check("tez-nesie.kz")["verdict"] == "clean"


@pytest.mark.parametrize("url", [
    "169.254.169.254", "http://127.0.0.12/", "http://[::1]/", "10.0.0.1", "intranet.corp",
    "http://user:secret@casino.kz/", "http://casino.kz:p@ss@x/", "2002:7f00:1::",
])
def test_private_and_odd_addresses_are_refused_and_never_queued(client, web_config, url):
    resp = client.post("/api/check", json={"url": url, "lang": "en"})
    assert resp.status_code == 400, resp.text
    assert not (web_config.var_dir / "seeds" / "citizen.txt").exists()


def test_the_citizen_queue_is_bounded(client, web_config, app, monkeypatch):
    from fraudwatch.web import checking
    from fraudwatch.web.ratelimit import TokenBucket

    app.state.check_bucket = TokenBucket(rate_per_minute=600, burst=100)
    monkeypatch.setattr(checking, "MAX_QUEUED", 2)
    codes = [client.post("/api/check", json={"url": f"new-{n}.kz", "lang": "en"}).status_code
             for n in range(3)]
    assert codes == [200, 200, 400]
    seeds = (web_config.var_dir / "seeds" / "citizen.txt").read_text().split()
    assert seeds == ["http://new-0.kz/", "http://new-1.kz/"]


def test_a_shared_mobile_address_gets_a_busy_hours_checks(sample_store, web_config, users):
    """Many citizens share one carrier address: the default limits allow a burst of dozens
    of checks from one address before refusing."""
    from fastapi.testclient import TestClient

    from fraudwatch.web import create_app

    app = create_app(sample_store, web_config, secret_key="s", users=users)
    with TestClient(app) as client:
        codes = [client.post("/api/check", json={"url": "altyn-bonus.kz", "lang": "en"})
                 .status_code for _ in range(50)]
    assert codes == [200] * 50
