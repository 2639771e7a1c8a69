"""Past its rate limit /check asks the browser for a proof of work before refusing."""

from __future__ import annotations

import re

import pytest

from fraudwatch.web.challenge import Challenges, solves
from fraudwatch.web.ratelimit import TokenBucket
from tests.web.support import csrf_of

CHALLENGE = re.compile(r'name="challenge" value="([^"]+)"')


def solve(token: str) -> str:
    bits = int(token.split(".")[2])
    return str(next(n for n in range(1 << 24) if solves(token, str(n), bits)))


@pytest.fixture
def challenges():
    now = [1_000_000.0]
    found = Challenges("secret", bits=8, ttl=60, clock=lambda: now[0])
    found.now = now
    return found


def test_a_solved_challenge_admits_once_and_only_its_own_client(challenges):
    token = challenges.issue("198.51.100.7")
    nonce = solve(token)
    assert not challenges.redeem("198.51.100.8", token, nonce)  # another address
    assert challenges.redeem("198.51.100.7", token, nonce)
    assert not challenges.redeem("198.51.100.7", token, nonce)  # spent


def test_no_work_forged_or_stale_tokens_admit_nothing(challenges):
    token = challenges.issue("a")
    nonce = solve(token)
    wrong = next(str(n) for n in range(1000) if not solves(token, str(n), 8))
    assert not challenges.redeem("a", token, wrong)
    expires, salt, bits, mac = token.split(".")
    easier = f"{expires}.{salt}.0.{mac}"  # claims no work is needed
    assert not challenges.redeem("a", easier, "0")
    assert not challenges.redeem("a", f"{int(expires) + 999}.{salt}.{bits}.{mac}", nonce)
    assert not challenges.redeem("a", "junk", "1") and not challenges.redeem("a", token, "-1")
    challenges.now[0] += 61
    assert not challenges.redeem("a", token, nonce)  # expired


def check(client, **fields):
    token = csrf_of(client, "/check?lang=ru")
    return client.post("/check", data={"url": "altyn-bonus.kz", "csrf_token": token, **fields})


@pytest.fixture
def slow_refill(app):
    """Three checks an address, refilled too slowly for a test to see a new one."""
    app.state.check_bucket = TokenBucket(rate_per_minute=0.001, burst=3)


@pytest.mark.usefixtures("slow_refill")
def test_past_the_limit_the_page_asks_for_work_then_checks(client):
    codes = [check(client).status_code for _ in range(3)]
    assert codes == [200] * 3
    asked = check(client)
    assert asked.status_code == 429 and int(asked.headers["retry-after"]) >= 1
    assert "Ваш браузер" in asked.text and "/static/challenge.js" in asked.text
    assert 'name="url" value="altyn-bonus.kz"' in asked.text  # the check is not lost
    token = CHALLENGE.search(asked.text).group(1)
    answered = check(client, challenge=token, solution=solve(token))
    assert answered.status_code == 200 and "заңсыз" not in answered.text
    assert 'class="check-result' in answered.text
    again = check(client, challenge=token, solution=solve(token))  # spent
    assert again.status_code == 429 and CHALLENGE.search(again.text)


@pytest.mark.usefixtures("slow_refill")
def test_solved_checks_have_their_own_limit(client, app):
    app.state.solved_bucket = TokenBucket(rate_per_minute=0.001, burst=1)
    for _ in range(3):
        check(client)
    codes = []
    for _ in range(2):
        token = CHALLENGE.search(check(client).text).group(1)
        codes.append(check(client, challenge=token, solution=solve(token)).status_code)
    assert codes == [200, 429]
