"""The site page, its screenshot route and /api/sites/{domain}."""

from __future__ import annotations

import pytest

from fraudwatch.web.render import safe_href
from tests.web.support import XSS


@pytest.fixture
def viewer(as_role):
    return as_role("viewer")


def test_site_page_shows_signs_history_network_letters(viewer):
    page = viewer.get("/sites/altyn-bonus.kz").text
    assert "Free spins" in page and "Gives away free spins" in page
    assert "casino.free_spins" not in page  # the sign's name, never its id
    assert "Example Host" in page and "PS Internet" in page
    assert "page content" in page  # the second capture changed the HTML, in words
    assert "/sites/tez-nesie.kz" in page  # same network
    assert "№ 7/1" in page
    assert "Redirect chain" in page


def test_site_page_escapes_evidence_and_registrar(viewer):
    page = viewer.get("/sites/profit-daily.com").text
    assert XSS not in page and "&lt;script&gt;" in page


def test_unknown_site_is_404(viewer):
    assert viewer.get("/sites/nowhere.kz").status_code == 404


def test_screenshots_only_by_content_name(viewer, web_config):
    folder = web_config.var_dir / "screenshots"
    folder.mkdir(parents=True)
    name = "ab" * 32 + ".png"
    (folder / name).write_bytes(b"\x89PNG")
    assert viewer.get(f"/screenshots/{name}").content == b"\x89PNG"
    (web_config.var_dir / "secret_key").write_text("s3cret")
    for bad in ("..%2Fsecret_key", "secret_key", "%2E%2E%2Fsecret_key", "x.png"):
        assert viewer.get(f"/screenshots/{bad}").status_code == 404


def test_api_site_detail(viewer):
    body = viewer.get("/api/sites/altyn-bonus.kz").json()
    assert body["site"]["domain"] == "altyn-bonus.kz"
    assert body["related"] == ["tez-nesie.kz"]
    assert body["captures"][1]["changed"] == ["html_sha256"]
    assert body["letters"][0]["number"] == "7/1"


def test_safe_href_drops_script_urls():
    assert safe_href("javascript:alert(1)") == "#"
    assert safe_href(" JaVaScript:alert(1)") == "#"
    assert safe_href("data:text/html,x") == "#"
    assert safe_href("https://a.kz/") == "https://a.kz/"


def test_unknown_route_is_an_html_404(viewer):
    resp = viewer.get("/no/such/page")
    assert resp.status_code == 404 and "<h1>Error 404</h1>" in resp.text


def test_site_page_lists_the_servers_answer_as_text(viewer):
    page = viewer.get("/sites/altyn-bonus.kz").text
    answer = page.split('<details class="transaction">', 1)[1].split("</details>", 1)[0]
    assert "status 200 from 203.0.113.7, 2 headers" in answer
    assert "<th>Server</th>" in answer and "nginx" in answer
    assert XSS not in answer and "&lt;script&gt;" in answer
