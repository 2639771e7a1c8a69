"""End to end in a real Chromium against a real uvicorn server: log in, search, filter,
open a site, confirm it, see the audit entry; a viewer cannot confirm; hostile titles stay text;
a network page draws its mirror members as an SVG graph.
"""

from __future__ import annotations

import pytest

from tests.web.support import PASSWORD, XSS

pytestmark = pytest.mark.browser


def _log_in(page, base: str, name: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Log in')")
    page.wait_for_url(f"{base}/")


def test_supervisor_searches_filters_confirms_and_sees_audit(server, page):
    _log_in(page, server, "supervisor")
    page.click("nav >> text=Search")
    page.fill("input[name=q]", "депозит")
    page.click("form.searchbox button")
    assert page.locator("table.hits tbody tr").count() == 1
    page.goto(f"{server}/search")
    page.click("section[data-facet=category] >> text=casino")
    assert "category=casino" in page.url
    assert page.locator("table.hits tbody tr").count() == 1
    page.click("a.site:has-text('altyn-bonus.kz')")
    page.check("input[value=confirm]")
    page.fill("textarea[name=comment]", "licence missing, mirror of a blocked casino")
    page.click("form.review button")
    assert page.locator("dd.review-state").inner_text() == "confirmed"
    row = page.locator("table.reviews tbody tr").first
    assert "supervisor" in row.inner_text() and "confirm" in row.inner_text()
    audit = page.request.get(f"{server}/api/audit").json()
    assert audit[-1]["domain"] == "altyn-bonus.kz" and audit[-1]["action"] == "confirm"


def test_viewer_cannot_confirm(server, page):
    _log_in(page, server, "viewer")
    page.goto(f"{server}/sites/altyn-bonus.kz")
    assert page.locator("form.review").count() == 0
    response = page.request.post(f"{server}/sites/altyn-bonus.kz/review",
                                 form={"action": "confirm"})
    assert response.status == 403


def test_script_in_a_title_renders_as_text(server, page):
    _log_in(page, server, "analyst")
    page.goto(f"{server}/search?q=returns")
    title = page.locator("table.hits .title").first
    assert title.inner_text() == XSS
    page.goto(f"{server}/sites/profit-daily.com")
    assert page.locator("p.title").first.inner_text() == XSS
    page.wait_for_timeout(300)
    assert page.dialogs == []


def test_network_page_draws_both_mirror_members(networked, server, page):
    _log_in(page, server, "viewer")
    page.goto(f"{server}/sites/tez-nesie.kz")
    assert page.locator("a.badge.mirror").inner_text() == "mirror of altyn-bonus.kz"
    assert "new mirror of a confirmed site" in \
        page.locator("table.reviews tr.mirror-alert").inner_text()
    page.click("dd >> a.network")
    page.wait_for_url(f"{server}/networks/net-1")
    svg = page.locator("figure.network-graph svg.graph")
    assert svg.is_visible() and svg.bounding_box()["width"] > 300
    for domain in ("altyn-bonus.kz", "tez-nesie.kz"):
        node = svg.locator(f'g.node[data-domain="{domain}"]')
        assert node.locator("circle").is_visible()
        assert node.locator("text").text_content() == domain
    assert svg.locator("line[stroke-dasharray]").count() == 1  # the mirror's link is dashed
    assert page.locator("table.members .title", has_text="alert(").inner_text() == XSS
    page.wait_for_timeout(300)
    assert page.dialogs == []


@pytest.mark.parametrize("width", [390, 1280])
def test_the_citizen_check_in_kazakh_fits_a_phone_and_answers_in_kazakh(server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="kk-KZ")
    page = context.new_page()
    try:
        page.goto(f"{server}/check")
        assert page.locator("html").get_attribute("lang") == "kk"  # from the browser's locale
        field = page.locator("input[name=url]")
        box = field.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # no overflow
        field.fill("altyn-bonus.kz")
        page.locator("form.check button").click()
        result = page.locator("section.check-result")
        assert "заңсыз қызмет белгілері" in result.inner_text()
        # the reader switches to Russian, and the choice stays for the next page
        page.click("header .langs a[lang=ru]")
        assert page.locator("html").get_attribute("lang") == "ru"
        page.goto(f"{server}/login")
        assert page.locator("html").get_attribute("lang") == "ru"
    finally:
        context.close()


def test_past_the_limit_a_phone_proves_its_work_and_the_check_follows(busy_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 800}, locale="ru-RU")
    page = context.new_page()
    answers = []
    page.on("response", lambda r: answers.append(r.status) if r.request.method == "POST" else 0)
    try:
        for _ in range(2):
            page.goto(f"{busy_server}/check")
            page.locator("input[name=url]").fill("altyn-bonus.kz")
            page.locator("form.check button").click()
            result = page.locator("section.check-result")
            result.wait_for(timeout=30_000)  # the second one after the browser's calculation
            assert "признаки незаконной деятельности" in result.inner_text()
        assert answers == [200, 429, 200]  # the second check asked, then answered
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_a_stored_page_shown_on_the_site_page_never_contacts_anything(sample_store, web_config,
                                                                     server, page):
    """The inert view in real Chromium: a hostile stored page (refresh, images, styles,
    scripts, frames aimed at a canary) makes no request at all."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from crawler.evidence.warc import WarcLog
    from fraudwatch.store import Capture

    hits = []

    class Canary(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    canary = ThreadingHTTPServer(("127.0.0.1", 0), Canary)
    threading.Thread(target=canary.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{canary.server_address[1]}"
    hostile = (f'<html><head><meta http-equiv="refresh" content="0;url={url}/refresh">'
               f'<link rel="stylesheet" href="{url}/css"><script src="{url}/js"></script>'
               f'<style>body{{background:url({url}/bg)}}</style></head><body>'
               f'<img src="{url}/img"><iframe src="{url}/frame"></iframe>'
               f'<form action="{url}/form"><input name="q"></form>'
               f'<h1>Stored casino page</h1></body></html>').encode()
    path = web_config.var_dir / "warc" / "hostile.warc.gz"
    path.parent.mkdir(parents=True, exist_ok=True)
    warc = WarcLog(path)
    warc.open()
    offset = warc.resource("http://altyn-bonus.kz/", hostile, "text/html; charset=utf-8")
    warc.close()
    sample_store.put_captures([Capture(url="http://altyn-bonus.kz/", domain="altyn-bonus.kz",
                                 status=200, fetched_at="2026-11-05T10:00:00+00:00",
                                 render="desktop", warc_file=str(path), warc_offset=offset)])
    sample_store.refresh()
    try:
        _log_in(page, server, "viewer")
        page.goto(f"{server}/sites/altyn-bonus.kz")
        frame = page.frame_locator("figure.replay iframe")
        assert frame.locator("h1").inner_text() == "Stored casino page"
        page.wait_for_load_state("networkidle")  # no request for 500 ms: all loads are done
        assert hits == []
    finally:
        canary.shutdown()
        canary.server_close()
