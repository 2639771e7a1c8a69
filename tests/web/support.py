"""What web tests share besides fixtures: the sample sites (one with hostile text), the test
password, and logging in through the form."""

from __future__ import annotations

import re
import struct
import zlib

from fastapi.testclient import TestClient

from fraudwatch.store import Capture, Letter, Page, Review, SignHit, Site, Store

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
PASSWORD = "correct-horse-42"


def sample_page(domain: str, title: str, text: str, category: str, verdict: str, score: float,
          signs: list[str], last_seen: str, lang: str = "ru") -> Page:
    return Page(url=f"http://{domain}/", domain=domain, tld=domain.rsplit(".", 1)[-1],
                title=title, text=text, lang=lang, category=category, verdict=verdict,
                score=score, signs=[SignHit(s, category, 0.8, f"evidence {XSS}") for s in signs],
                last_seen=last_seen, first_seen=last_seen, ip="203.0.113.7")


PAGES = [
    sample_page("altyn-bonus.kz", "Altyn casino",
                "Фриспины и бонус на депозит 200%. Рабочее зеркало.", "casino", "illegal", 0.97,
                ["casino.free_spins", "casino.deposit_bonus"], "2026-11-03T10:00:00+00:00"),
    sample_page("tez-nesie.kz", "Tez nesie", "Несие бас тартусыз, карта CVV кодын енгізіңіз.",
                "loan", "illegal", 0.95, ["loan.no_refusal"], "2026-11-04T10:00:00+00:00", "kk"),
    sample_page("profit-daily.com", XSS, "Guaranteed returns of 3% every day, invite friends.",
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


def blank_png(width: int, height: int) -> bytes:
    """A valid grey PNG of that size, as a screenshot stands in a page."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"\x99" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))
