"""Request bodies are bounded before they are parsed, and errors never echo the input."""

from __future__ import annotations

import pytest

from fraudwatch.web.bodylimit import MAX_BODY


def test_a_large_json_body_is_refused_unread(client):
    resp = client.post("/api/check", content=b'{"url": "' + b"a" * (MAX_BODY + 10) + b'"}',
                       headers={"Content-Type": "application/json"})
    assert resp.status_code == 413 and len(resp.content) < 200


def test_a_body_without_a_length_is_cut_off_at_the_bound(client):
    def chunks():
        for _ in range(100):
            yield b"x" * 4096

    resp = client.post("/api/check", content=chunks(),
                       headers={"Content-Type": "application/json"})
    assert resp.status_code == 413 and len(resp.content) < 200


def test_an_anonymous_upload_is_refused_before_any_form_parsing(client):
    resp = client.post("/check", files={"f": ("big.bin", b"\0" * (MAX_BODY * 4))})
    assert resp.status_code == 413


@pytest.mark.parametrize("body", [{"url": "x" * 3000}, {"url": "a.kz", "lang": "<script>x"}])
def test_validation_errors_do_not_echo_the_input(client, body):
    resp = client.post("/api/check", json=body)
    assert resp.status_code == 422
    assert "xxxxxxxxxx" not in resp.text and "<script>" not in resp.text
    assert resp.json()["detail"][0]["loc"][-1] in ("url", "lang")


def test_ordinary_requests_pass(client):
    assert client.post("/api/check", json={"url": "new-site.kz"}).status_code == 200
