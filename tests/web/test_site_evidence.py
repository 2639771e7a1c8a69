"""The site page as evidence: what each view (plain, desktop, mobile) saw, changes per URL,
each capture's WARC record as the crawl wrote it, and the evidence pack."""

from __future__ import annotations

import io
import zipfile

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.evidence.warc import WarcLog
from fraudwatch.store import Capture
from takedown.evidence import MANIFEST, manifest


@pytest.fixture
def viewer(as_role):
    return as_role("viewer")


def _warc(path, url: str, body: bytes) -> int:
    """Write a rendered page's record for `url` into a new WARC file, as a crawl does; the
    record's offset (after the warcinfo record)."""
    warc = WarcLog(path)
    warc.open()
    try:
        return warc.resource(url, body, "text/html; charset=utf-8")
    finally:
        warc.close()


@pytest.fixture
def evidence(sample_store, web_config):
    """Desktop and mobile renders with screenshots, a second URL, a WARC record."""
    var = web_config.var_dir
    (var / "screenshots").mkdir(parents=True)
    (var / "warc").mkdir()
    shots = {}
    for view, digit in (("desktop", "c"), ("mobile", "d")):
        shots[view] = var / "screenshots" / f"{digit * 64}.png"
        shots[view].write_bytes(b"\x89PNG fake " + view.encode())
    offset = _warc(var / "warc" / "a.warc.gz", "http://altyn-bonus.kz/", b"<h1>casino</h1>")
    sample_store.put_captures([
        Capture(url="http://altyn-bonus.kz/about", domain="altyn-bonus.kz", status=200,
                fetched_at="2026-11-03T11:00:00+00:00", html_sha256="e" * 64),
        Capture(url="http://altyn-bonus.kz/", domain="altyn-bonus.kz", status=200,
                fetched_at="2026-11-04T10:00:00+00:00", html_sha256="f" * 64, render="desktop",
                screenshot=str(shots["desktop"]), warc_file=str(var / "warc" / "a.warc.gz"),
                warc_offset=offset),
        Capture(url="http://altyn-bonus.kz/", domain="altyn-bonus.kz", status=200,
                fetched_at="2026-11-04T10:00:05+00:00", html_sha256="9" * 64, render="mobile",
                screenshot=str(shots["mobile"])),
    ])
    site = sample_store.get_site_by_domain("altyn-bonus.kz")
    site.cloaking = True
    sample_store.put_sites([site])
    sample_store.refresh()
    return sample_store


def _capture_rows(page: str) -> list[str]:
    body = page.split('<table class="captures">', 1)[1].split("</table>", 1)[0]
    return body.split("<tr>")[2:]


def test_each_view_is_shown_and_cloaking_is_said(evidence, viewer):
    page = viewer.get("/sites/altyn-bonus.kz").text
    renders = page.split('<section class="renders">', 1)[1].split("</section>", 1)[0]
    assert 'class="screenshot desktop"' in renders and 'class="screenshot mobile"' in renders
    assert f'href="/screenshots/{"c" * 64}.png"' in renders  # clickable, full size
    assert "desktop browser" in renders and "mobile browser" in renders
    assert 'class="cloaking-note"' in renders


def test_changes_compare_captures_of_the_same_url_and_view_only(evidence, viewer):
    rows = _capture_rows(viewer.get("/sites/altyn-bonus.kz").text)
    views = [(r.split('data-render="', 1)[1].split('"', 1)[0], r) for r in rows]
    assert [v for v, _ in views] == ["static", "static", "static", "desktop", "mobile"]
    about, desktop, mobile = views[2][1], views[3][1], views[4][1]
    assert "/about" in about and "page content" not in about  # first of its URL
    assert "page content" not in desktop and "page content" not in mobile  # first of a view
    assert "page content" in views[1][1]  # the same URL and view, HTML changed


def test_a_captures_warc_record_comes_back_as_written(evidence, viewer):
    capture = next(c for c in evidence.captures_for("altyn-bonus.kz") if c.render == "desktop")
    resp = viewer.get(f"/sites/altyn-bonus.kz/captures/{capture.id}.warc")
    assert resp.status_code == 200 and resp.headers["content-type"] == "application/warc"
    record = next(ArchiveIterator(io.BytesIO(resp.content)))
    assert record.rec_type == "resource"
    assert record.rec_headers.get_header("WARC-Target-URI") == "http://altyn-bonus.kz/"
    assert record.content_stream().read() == b"<h1>casino</h1>"
    page = viewer.get("/sites/altyn-bonus.kz").text
    assert f'href="/sites/altyn-bonus.kz/captures/{capture.id}.warc"' in page
    mobile = next(c for c in evidence.captures_for("altyn-bonus.kz") if c.render == "mobile")
    assert viewer.get(f"/sites/altyn-bonus.kz/captures/{mobile.id}.warc").status_code == 404


def test_the_evidence_pack_downloads_and_proves_itself(evidence, viewer):
    resp = viewer.get("/sites/altyn-bonus.kz/evidence.zip")
    assert resp.status_code == 200
    files = zipfile.ZipFile(io.BytesIO(resp.content))
    contents = {name: files.read(name) for name in files.namelist()}
    listed = contents.pop(MANIFEST)
    assert listed == manifest(contents)
    assert any(name.startswith("screenshots/") for name in contents)
    assert viewer.get("/sites/no-such.kz/evidence.zip").status_code == 404


def test_a_pack_the_tsa_cannot_stamp_is_a_503_in_the_readers_language(evidence, viewer,
                                                                       web_config):
    web_config.values["evidence.tsa_url"] = "http://127.0.0.1:9/tsa"  # nothing listens
    resp = viewer.get("/sites/altyn-bonus.kz/evidence.zip", headers={"Accept-Language": "ru"})
    assert resp.status_code == 503
    assert "Пакет доказательств сейчас нельзя собрать" in resp.text


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "TLS certificate of the latest fetch"), ("ru", "TLS-сертификат последней загрузки"),
    ("kk", "Соңғы жүктеудің TLS сертификаты")])
def test_the_certificate_of_an_https_site_is_shown_with_its_issuer(sample_store, viewer, lang,
                                                                   words):
    sample_store.put_captures([Capture(
        url="https://altyn-bonus.kz/", domain="altyn-bonus.kz", status=200,
        fetched_at="2026-11-09T10:00:00+00:00", headers={"Server": "nginx"},
        tls={"subject": "CN=altyn-bonus.kz", "issuer": "O=<b>Let's Encrypt</b>,CN=R11",
             "not_after": "2027-01-31T23:59:59+00:00"})])
    sample_store.refresh()
    page = viewer.get(f"/sites/altyn-bonus.kz?hl={lang}").text
    assert words in page and "CN=altyn-bonus.kz" in page
    assert "O=&lt;b&gt;Let&#39;s Encrypt&lt;/b&gt;,CN=R11" in page  # page-controlled: escaped
    assert "2027" in page


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "The latest fetch contacted 3 hosts"),
    ("ru", "При последней загрузке страница обратилась к 3 хостам"),
    ("kk", "Соңғы жүктеуде бет 3 хостқа жүгінді")])
def test_the_hosts_a_page_contacted_are_listed_with_their_as(sample_store, viewer, lang, words):
    sample_store.put_captures([Capture(
        url="https://altyn-bonus.kz/", domain="altyn-bonus.kz", status=200,
        fetched_at="2026-11-09T10:00:00+00:00", headers={"Server": "nginx"},
        contacted=[
            {"host": "altyn-bonus.kz", "ip": "203.0.113.7", "requests": 12, "asn": "64500",
             "as_name": "EXAMPLE-HOSTING"},
            {"host": "xn--80aaxitdbjk.xn--p1ai", "ip": "198.51.100.9", "requests": 2},
            {"host": "<img src=x>.example", "ip": "", "requests": 1}])])
    sample_store.refresh()
    page = viewer.get(f"/sites/altyn-bonus.kz?hl={lang}").text
    assert words in page
    assert "AS64500 · EXAMPLE-HOSTING" in page and "203.0.113.7" in page
    assert "папироска.рф (xn--80aaxitdbjk.xn--p1ai)" in page  # a person reads the Unicode name
    assert "&lt;img src=x&gt;.example" in page and "<img src=x>" not in page


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["The latest fetch made 3 requests", "script", "failed", "Size, bytes"]),
    ("ru", ["Последняя загрузка сделала 3 запроса", "скрипт", "не удался", "Размер, байт"]),
    ("kk", ["Соңғы жүктеу 3 сұрау жасады", "скрипт", "сәтсіз", "Өлшемі, байт"])])
def test_the_requests_a_page_made_are_listed_in_the_readers_words(sample_store, viewer, lang,
                                                                  words):
    sample_store.put_captures([Capture(
        url="https://altyn-bonus.kz/", domain="altyn-bonus.kz", status=200,
        fetched_at="2026-11-09T10:00:00+00:00",
        requests=[
            {"url": "https://altyn-bonus.kz/", "type": "document", "status": 200,
             "size": 5120, "failure": ""},
            {"url": "https://cdn.example/t.js?<script>x</script>", "type": "script",
             "status": 200, "size": 13, "failure": ""},
            {"url": "https://gone.example/p.gif", "type": "image", "status": None, "size": 0,
             "failure": "net::ERR_NAME_NOT_RESOLVED"}])])
    sample_store.refresh()
    page = viewer.get(f"/sites/altyn-bonus.kz?hl={lang}").text
    for text in words:
        assert text in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x</script>" not in page
    if lang != "en":  # the browser's resource types show in the reader's words
        assert ">script<" not in page and ">document<" not in page
    assert "net::ERR_NAME_NOT_RESOLVED" in page
