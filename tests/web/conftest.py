"""Web fixtures: a small filled store (one site with hostile text), an account per role,
the app, and clients logged in with a role."""

from __future__ import annotations

import re

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from fraudwatch.config import load_config
from fraudwatch.store import Capture, Letter, Page, Review, SignHit, Site, Store
from fraudwatch.web import create_app
from fraudwatch.web.users import ROLES, UserStore

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
PASSWORD = "correct-horse-42"


def _page(domain: str, title: str, text: str, category: str, verdict: str, score: float,
          signs: list[str], last_seen: str, lang: str = "ru") -> Page:
    return Page(url=f"http://{domain}/", domain=domain, tld=domain.rsplit(".", 1)[-1],
                title=title, text=text, lang=lang, category=category, verdict=verdict,
                score=score, signs=[SignHit(s, category, 0.8, f"evidence {XSS}") for s in signs],
                last_seen=last_seen, first_seen=last_seen, ip="203.0.113.7")


PAGES = [
    _page("altyn-bonus.kz", "Altyn casino", "Фриспины и бонус на депозит 200%. Рабочее зеркало.",
          "casino", "illegal", 0.97, ["casino.free_spins", "casino.deposit_bonus"],
          "2026-11-03T10:00:00+00:00"),
    _page("tez-nesie.kz", "Tez nesie", "Несие бас тартусыз, карта CVV кодын енгізіңіз.",
          "loan", "illegal", 0.95, ["loan.no_refusal"], "2026-11-04T10:00:00+00:00", "kk"),
    _page("profit-daily.com", XSS, "Guaranteed returns of 3% every day, invite friends.",
          "pyramid", "suspicious", 0.7, ["pyramid.fixed_daily_return"],
          "2026-11-05T10:00:00+00:00", "en"),
]


def site_of(page: Page, **extra) -> Site:
    return Site(domain=page.domain, tld=page.tld, title=page.title, category=page.category,
                verdict=page.verdict, score=page.score, signs=page.sign_ids,
                first_seen=page.first_seen, last_seen=page.last_seen, ip=page.ip, **extra)


def fill(store: Store) -> None:
    """Write the sample sites, pages, captures and a letter, and make them searchable."""
    store.put_pages(PAGES)
    store.put_sites([
        site_of(PAGES[0], network_id="net-1", registrar="PS Internet", hosting="Example Host"),
        site_of(PAGES[1], network_id="net-1"),
        site_of(PAGES[2], registrar=XSS),
    ])
    store.put_captures([
        Capture(url="http://altyn-bonus.kz/", domain="altyn-bonus.kz", status=200,
                fetched_at=f"2026-11-0{day}T10:00:00+00:00", html_sha256=digit * 64,
                final_url="https://altyn-bonus.kz/", redirects=["http://altyn-bonus.kz/"],
                ip="203.0.113.7", headers={"Server": "nginx", "X-Powered-By": XSS})
        for day, digit in ((1, "a"), (3, "b"))
    ])
    store.put_letters([Letter(number="7/1", date="2026-11-10", letter_type="abuse_registrar",
                              recipient="PS Internet", site_ids=[site_of(PAGES[0]).id],
                              status="sent")])
    store.refresh()


def csrf_of(client: TestClient, path: str = "/check") -> str:
    """The CSRF token that a form on `path` carries."""
    return CSRF.search(client.get(path).text).group(1)


def log_in(client: TestClient, name: str) -> TestClient:
    """Log `client` in as the account `name` through the login form."""
    token = csrf_of(client, "/login")
    resp = client.post("/login", data={"username": name, "password": PASSWORD,
                                       "csrf_token": token}, follow_redirects=False)
    assert resp.status_code == 303, resp.text
    return client


@pytest.fixture
def xss():
    return XSS


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def sample():
    """The function that writes the sample sites into a store."""
    return fill


@pytest.fixture
def csrf():
    return csrf_of


@pytest.fixture
def login():
    return log_in


@pytest.fixture
def web_config(tmp_path):
    # English pages, as most tests read them; tests/web/test_languages.py reads kk and ru
    return load_config(overrides={"var_dir": str(tmp_path / "var"), "web.language": "en"},
                       environ={})


@pytest.fixture
def users(tmp_path):
    """One account per role, named after it, with a fast (test-only) hasher."""
    store = UserStore(tmp_path / "users.db",
                      PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
    for role in ROLES:
        store.add(role, role, PASSWORD)
    return store


@pytest.fixture
def filled(store):
    fill(store)
    return store


@pytest.fixture
def app(filled, web_config, users):
    return create_app(filled, web_config, secret_key="test-secret", users=users,
                      check_rate=60.0, check_burst=3)


@pytest.fixture
def client(app):
    with TestClient(app) as c:
        yield c


@pytest.fixture
def as_role(app):
    """A factory of clients logged in with a given role."""
    clients = []

    def make(role: str) -> TestClient:
        client = TestClient(app)
        clients.append(client)
        return log_in(client, role)

    yield make
    for c in clients:
        c.close()


def add_network(store: Store) -> None:
    """Join the sample sites into net-1 by fingerprints: tez-nesie.kz is a flagged mirror of
    altyn-bonus.kz, and profit-daily.com (hostile title) shares a hostile analytics id."""
    sites = {s.domain: s for s in store.iter_sites()}
    operator = {"telegram": ["altyn_pay"], "phone": ["+77015551234"], "ip": ["203.0.113.7"]}
    sites["altyn-bonus.kz"].fingerprints = operator | {"ym": [XSS]}
    sites["altyn-bonus.kz"].review_state = "confirmed"
    sites["tez-nesie.kz"].fingerprints = dict(operator)
    sites["tez-nesie.kz"].mirror_of = "altyn-bonus.kz"
    sites["profit-daily.com"].fingerprints = {"ym": [XSS]}
    sites["profit-daily.com"].network_id = "net-1"
    store.put_sites(sites.values())
    store.add_review(Review(site_id=sites["tez-nesie.kz"].id, user="mirror-watch",
                            action="mirror_alert",
                            comment="mirror of altyn-bonus.kz: shares telegram:altyn_pay"))
    store.refresh()


@pytest.fixture
def networked(filled):
    """The sample store with the sites joined into network net-1 (see add_network)."""
    add_network(filled)
    return filled
