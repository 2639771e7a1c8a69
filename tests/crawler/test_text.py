"""Charset detection (cp1251 / koi8-r without a charset), visible text, JavaScript shells."""

from __future__ import annotations

import pytest

from classifiers.page import PageView
from crawler.ingest.charset import decode_html
from crawler.render.shells import needs_render

PAGE = ("<html><head><title>Казино Вулкан</title><style>p{}</style></head><body>"
        "<script>var x = 'скрыто';</script><p>Бонус 200% на первый депозит!</p>"
        "<p>Регистрация за минуту</p></body></html>")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-8"])
def test_russian_pages_without_charset_come_out_readable(encoding):
    html, detected = decode_html(PAGE.encode(encoding), "text/html")
    assert detected.replace("_", "-").lower() in {encoding, "windows-1251" if
                                                   encoding == "cp1251" else encoding}
    assert (PageView.parse(html).title, PageView.parse(html).text) == (
        "Казино Вулкан", "Бонус 200% на первый депозит!\nРегистрация за минуту")


def test_declared_charset_wins():
    body = PAGE.replace("<head>", "<head><meta charset='koi8-r'>").encode("koi8-r")
    html, _ = decode_html(body, "text/html")
    assert "Казино Вулкан" in html


def test_javascript_shells_and_near_empty_pages_need_rendering():
    shell = "<html><body><div id='root'></div><script src='/app.js'></script></body></html>"
    assert needs_render(shell, PageView.parse(shell).text, min_text=10)
    assert needs_render(PAGE, PageView.parse(PAGE).text, min_text=1000)
    assert not needs_render(PAGE, PageView.parse(PAGE).text, min_text=20)


def test_text_nested_ten_thousand_levels_deep_is_still_found():
    """Past lxml's depth limit the text comes from the streaming extractor, so deep content
    reaches the index as it reaches the classifier."""
    deep = ("<html><head><title>Глубоко</title></head><body><p>Начало</p>" + "<div>" * 10_000
            + "Онлайн казино: бонус 200% <script>hidden()</script>" + "</div>" * 10_000
            + "</body></html>")
    page = PageView.parse(deep)
    title, text = page.title, page.text
    assert title == "Глубоко" and "Онлайн казино: бонус 200%" in text and "Начало" in text
    assert "hidden()" not in text
    assert PageView.parse("<html><body><p>после</p></body></html>").text == "после"
