"""A UTF-8 page that declares no charset reads the same rendered as fetched: Chromium guesses
windows-1252 for it, and the crawler reads the rendered DOM as the static decoder would."""

from __future__ import annotations

import pytest

from crawler.ingest.charset import repair_render
from fraudwatch.store import open_store
from tests.loopback import Answering, serving

pytestmark = [pytest.mark.timeout(300)]
TITLE = "Казино Алтын — бонус 200%"
PAGE = (f"<html><head><title>{TITLE}</title></head><body><h1>Онлайн казино: фриспины и "
        "джекпот за первый депозит</h1><p>Зеркало работает круглосуточно.</p></body></html>")


class NoCharset(Answering):
    def do_GET(self):  # noqa: N802 (http.server's interface)
        body = PAGE.encode("utf-8")
        self.answer(body, "text/html")  # no charset, no <meta charset>


@pytest.fixture
def site():
    with serving(NoCharset) as port:
        yield port


@pytest.mark.parametrize("render", ["always", "never"])
def test_rendered_and_static_read_the_same_title(tmp_path, fraudwatch_cli, site, render):
    fraudwatch_cli("crawl", "--render", render, "--allow-private", "--max-pages", "1",
                   "--resolve=kazino-altyn.kz=127.0.0.1", f"http://kazino-altyn.kz:{site}/")
    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        [page] = store.pages_for("kazino-altyn.kz")
    assert page.title == TITLE and "Онлайн казино" in page.text
    assert page.verdict != "clean"


def test_a_real_windows_1252_page_or_script_text_is_kept():
    assert repair_render("café crème", "windows-1252", "text/html") == "café crème"
    assert repair_render("ÐšÐ°Ð·Ð¸Ð½Ð¾ Казино", "windows-1252", "text/html") == \
        "ÐšÐ°Ð·Ð¸Ð½Ð¾ Казино"  # a script wrote real Cyrillic: nothing to undo safely
    assert repair_render("ÐšÐ°Ð·Ð¸Ð½Ð¾", "UTF-8", "text/html") == "ÐšÐ°Ð·Ð¸Ð½Ð¾"
