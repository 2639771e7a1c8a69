"""Logging in and out, roles, sessions, CSRF, API tokens and the secret key."""

from __future__ import annotations

import os
import stat

import pytest

from fraudwatch.web.secret import load_secret_key
from tests.web.support import PASSWORD, csrf_of, log_in


def test_pages_need_login_and_redirect_back(client):
    resp = client.get("/search?q=casino", follow_redirects=False)
    assert resp.status_code == 303
    assert resp.headers["location"] == "/login?next=%2Fsearch%3Fq%3Dcasino"


def test_api_without_login_is_401(client):
    assert client.get("/api/search").status_code == 401


def test_login_cookie_is_httponly_and_samesite_lax(client):
    token = csrf_of(client, "/login")
    resp = client.post("/login", data={"username": "viewer", "password": PASSWORD,
                                       "csrf_token": token}, follow_redirects=False)
    header = resp.headers["set-cookie"].lower()
    assert "fw_session=" in header and "httponly" in header and "samesite=lax" in header
    assert "secure" not in header


def test_logout_ends_the_session(client):
    log_in(client, "viewer")
    assert client.get("/search").status_code == 200
    client.post("/logout", data={"csrf_token": csrf_of(client, "/search")})
    assert client.get("/search", follow_redirects=False).status_code == 303


def test_wrong_password_is_refused(client):
    token = csrf_of(client, "/login")
    resp = client.post("/login", data={"username": "admin", "password": "nope-nope",
                                       "csrf_token": token})
    assert resp.status_code == 401
    assert "Wrong name or password" in resp.text


def test_disabled_user_loses_access_at_once(client, users):
    log_in(client, "analyst")
    users.disable("analyst")
    assert client.get("/search", follow_redirects=False).status_code == 303


def test_post_without_csrf_token_is_403(client):
    log_in(client, "supervisor")
    resp = client.post("/sites/altyn-bonus.kz/review", data={"action": "confirm"})
    assert resp.status_code == 403
    resp = client.post("/sites/altyn-bonus.kz/review",
                       data={"action": "confirm", "csrf_token": "forged"})
    assert resp.status_code == 403


def test_login_form_needs_csrf_too(client):
    resp = client.post("/login", data={"username": "admin", "password": PASSWORD})
    assert resp.status_code == 403


def test_api_post_with_cookie_needs_csrf_header(client):
    log_in(client, "supervisor")
    body = {"action": "needs_info", "comment": "owner?"}
    assert client.post("/api/sites/tez-nesie.kz/review", json=body).status_code == 403
    token = csrf_of(client, "/search")
    resp = client.post("/api/sites/tez-nesie.kz/review", json=body,
                       headers={"X-CSRF-Token": token})
    assert resp.status_code == 200


def test_bearer_token_authenticates_api_without_csrf(client, users):
    headers = {"Authorization": f"Bearer {users.new_token('supervisor')}"}
    assert client.get("/api/search", headers=headers).status_code == 200
    resp = client.post("/api/sites/altyn-bonus.kz/review", headers=headers,
                       json={"action": "confirm", "comment": "by script"})
    assert resp.status_code == 200 and resp.json()["user"] == "supervisor"
    assert client.get("/api/search", headers={"Authorization": "Bearer no"}).status_code == 401


def test_secret_key_from_env_or_generated_file(tmp_path):
    assert load_secret_key(tmp_path, {"FRAUDWATCH_SECRET_KEY": "abc"}) == "abc"
    key = load_secret_key(tmp_path, {})
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600
    assert load_secret_key(tmp_path, {}) == key and len(key) > 40


def test_password_guessing_is_throttled_per_account_then_lifted(client, app):
    now = [1000.0]
    app.state.login_failures.clock = lambda: now[0]

    def attempt(name, secret):
        return client.post("/login", data={"username": name, "password": secret,
                                           "csrf_token": csrf_of(client, "/login")},
                           follow_redirects=False)

    assert [attempt("admin", f"guess-{n}").status_code for n in range(5)] == [401] * 5
    refused = attempt("admin", PASSWORD)  # even the right password, for now
    assert refused.status_code == 429
    assert "Too many failed logins" in refused.text
    assert 0 < int(refused.headers["retry-after"]) <= 600
    assert attempt("ADMIN ", PASSWORD).status_code == 429  # the same account, spelt otherwise
    now[0] += 601
    assert attempt("admin", PASSWORD).status_code == 303


def test_concurrent_wrong_passwords_cannot_outrun_the_throttle(client, app):
    """40 wrong passwords at once, each held inside the password check until all have
    arrived: at most 5 reach the check, and the right password is refused afterwards."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    users, checked, arrived = app.state.users, [], threading.Event()
    real = users.authenticate

    def held(name, secret):
        checked.append(secret)
        arrived.wait(timeout=30)  # released once every request is in the check or answered
        return real(name, secret)

    users.authenticate = held
    token = csrf_of(client, "/login")

    def attempt(secret):
        return client.post("/login", data={"username": "admin", "password": secret,
                                           "csrf_token": token},
                           follow_redirects=False).status_code

    try:
        with ThreadPoolExecutor(max_workers=40) as pool:
            futures = [pool.submit(attempt, f"guess-{n}") for n in range(40)]
            deadline = time.monotonic() + 20
            while (len(checked) + sum(f.done() for f in futures) < 40
                   and time.monotonic() < deadline):
                time.sleep(0.02)
            arrived.set()
            codes = [f.result() for f in futures]
        assert len(checked) <= 5 and codes.count(401) == len(checked)
        assert codes.count(429) == 40 - len(checked)
        assert attempt(PASSWORD) == 429
    finally:
        users.authenticate = real


def test_reserve_takes_from_every_key_or_none_and_a_refund_gives_back():
    from fraudwatch.web.ratelimit import TokenBucket

    bucket = TokenBucket(rate_per_minute=0.1, burst=2, clock=lambda: 0.0)
    assert bucket.reserve(("user:a", "ip:1")) == 0
    assert bucket.reserve(("user:b", "ip:1")) == 0
    assert bucket.reserve(("user:c", "ip:1")) > 0  # the address is spent
    assert bucket.reserve(("user:c", "ip:2")) == 0  # user:c lost nothing to the refusal
    bucket.refund(("user:a", "ip:1"))
    assert bucket.reserve(("user:d", "ip:1")) == 0


def test_the_account_file_is_the_owners_only(users):
    assert stat.S_IMODE(os.stat(users.path).st_mode) == 0o600


def test_logged_in_pages_are_never_cached_and_public_ones_may_be(as_role, client):
    viewer = as_role("viewer")
    for path in ("/", "/search?q=casino", "/sites/altyn-bonus.kz", "/api/search?q=casino"):
        assert viewer.get(path).headers["cache-control"] == "no-store", path
    assert client.get("/check").headers.get("cache-control") != "no-store"


def test_serve_refuses_bad_numbers_with_a_clear_message():
    from click.testing import CliRunner

    from fraudwatch.cli import main

    for args, wrong in ((["--check-rate", "-1"], "--check-rate"), (["--port", "99999"], "--port"),
                        (["--check-burst", "0"], "--check-burst")):
        result = CliRunner().invoke(main, ["serve", *args])
        assert result.exit_code == 2 and wrong in result.output, result.output
        assert "Traceback" not in result.output


def _replayed(app, cookie) -> int:
    from fastapi.testclient import TestClient

    with TestClient(app) as thief:
        thief.cookies.set("fw_session", cookie)
        return thief.get("/", follow_redirects=False).status_code


@pytest.mark.parametrize("event", ["logout", "password reset", "disable and enable"])
def test_a_captured_session_cookie_dies_with_logout_reset_or_disable(app, as_role, users,
                                                                      event):
    client = as_role("analyst")
    cookie = client.cookies.get("fw_session")
    assert _replayed(app, cookie) == 200
    if event == "logout":
        client.post("/logout", data={"csrf_token": csrf_of(client, "/")})
    elif event == "password reset":
        users.add("analyst", "analyst", "a-new-password-1")
    else:
        users.disable("analyst")
        users.add("analyst", "analyst", PASSWORD)
    assert _replayed(app, cookie) == 303  # sent to the login page


def test_failures_from_a_shared_address_never_lock_out_another_account(client):
    """Behind one proxy or carrier address, someone's wrong passwords must not refuse another
    person's right one."""
    def attempt(name, secret):
        return client.post("/login", data={"username": name, "password": secret,
                                           "csrf_token": csrf_of(client, "/login")},
                           follow_redirects=False).status_code

    assert [attempt("viewer", f"guess-{n}") for n in range(6)] == [401] * 5 + [429]
    assert attempt("analyst", PASSWORD) == 303


def test_many_accounts_tried_from_one_address_are_throttled(client, app):
    app.state.client_failures.burst = 8
    codes = [client.post("/login", data={"username": f"user{n}", "password": "wrong-password",
                                         "csrf_token": csrf_of(client, "/login")},
                         follow_redirects=False).status_code for n in range(10)]
    assert codes == [401] * 8 + [429] * 2


def test_serve_trusts_forwarded_headers_only_from_named_proxies(monkeypatch, tmp_path):
    import uvicorn
    from click.testing import CliRunner

    from fraudwatch.cli import main

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    monkeypatch.setenv("FRAUDWATCH_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("FRAUDWATCH_STORE", f"sqlite:///{tmp_path}/fw.db")
    CliRunner().invoke(main, ["serve"], catch_exceptions=False)
    assert seen["proxy_headers"] is False
    CliRunner().invoke(main, ["serve", "--forwarded-allow-ips", "10.0.0.5"],
                       catch_exceptions=False)
    assert seen["proxy_headers"] is True and seen["forwarded_allow_ips"] == "10.0.0.5"
