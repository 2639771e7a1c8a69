"""The stored page of a capture, shown inert: nothing in it runs, refreshes, navigates or
loads, and only the site page may frame it."""

from __future__ import annotations

import pytest

from crawler.evidence.warc import WarcLog
from fraudwatch.store import Capture

HOSTILE = (b'<html><head><meta http-equiv="refresh" content="0;url=http://evil.example/">'
           b'<base href="http://evil.example/"><script>alert(1)</script>'
           b'<link rel="stylesheet" href="http://evil.example/s.css"></head>'
           b'<body><h1 onclick="alert(2)">\xd0\x9a\xd0\xb0\xd0\xb7\xd0\xb8\xd0\xbd\xd0\xbe</h1>'
           b'<img src="http://evil.example/pixel.png" onerror="alert(3)">'
           b'<a href="javascript:alert(4)">play</a><iframe src="http://evil.example/"></iframe>'
           b'<p>Bonus 200%</p></body></html>')


@pytest.fixture
def stored(sample_store, web_config):
    path = web_config.var_dir / "warc" / "r.warc.gz"
    path.parent.mkdir(parents=True)
    warc = WarcLog(path)
    warc.open()
    offset = warc.resource("http://altyn-bonus.kz/", HOSTILE, "text/html; charset=utf-8")
    warc.close()
    capture = Capture(url="http://altyn-bonus.kz/", domain="altyn-bonus.kz", status=200,
                      fetched_at="2026-11-05T10:00:00+00:00", render="desktop",
                      warc_file=str(path), warc_offset=offset)
    sample_store.put_captures([capture])
    sample_store.refresh()
    return capture


def test_the_stored_page_is_shown_without_anything_live(stored, as_role):
    resp = as_role("viewer").get(f"/sites/altyn-bonus.kz/captures/{stored.id}/view")
    assert resp.status_code == 200
    page = resp.text
    assert "Казино" in page and "Bonus 200%" in page  # the text, in its charset
    for live in ("<script", "http-equiv", "<base", "<link", "<iframe", "onclick", "onerror",
                 "javascript:"):
        assert live not in page.lower(), live
    [policy] = resp.headers.get_list("content-security-policy")  # one policy: its own
    assert policy.startswith("sandbox;") and "default-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    assert resp.headers["x-frame-options"] == "SAMEORIGIN"


def test_the_site_page_frames_the_latest_stored_page_in_a_sandbox(stored, as_role):
    page = as_role("viewer").get("/sites/altyn-bonus.kz").text
    assert f'<iframe sandbox src="/sites/altyn-bonus.kz/captures/{stored.id}/view"' in page
    other = as_role("viewer").get("/sites/altyn-bonus.kz")
    assert "frame-ancestors 'none'" in other.headers["content-security-policy"]


def test_a_capture_without_a_record_has_no_view(sample_store, as_role):
    capture = sample_store.captures_for("altyn-bonus.kz")[0]
    resp = as_role("viewer").get(f"/sites/altyn-bonus.kz/captures/{capture.id}/view")
    assert resp.status_code == 404
