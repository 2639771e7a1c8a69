"""The frontier journal: what a resumed run still has to fetch, and pages' links."""

from __future__ import annotations

from scrapy.http import HtmlResponse

from crawler.frontier.journal import FrontierJournal, Scheduled, pending
from crawler.ingest.reading import page_of


def entry(url: str, kind: str = "link", render: str = "") -> Scheduled:
    return Scheduled(url, "a.kz", 1, 0, 10, kind, render, bool(render))


def test_the_journal_reads_back_what_it_wrote_and_skips_a_cut_line(tmp_path):
    journal = FrontierJournal(tmp_path / "frontier.jsonl")
    journal.record(entry("http://a.kz/", "landing"))
    journal.record(entry("http://a.kz/", "render", "desktop"))
    journal.close()
    with (tmp_path / "frontier.jsonl").open("a") as file:
        file.write('{"url": "http://a.kz/cut", "si')  # a process killed mid-write
    journal.record(entry("http://a.kz/bonus"))
    journal.close()
    assert [e.url for e in journal.load()] == ["http://a.kz/", "http://a.kz/", "http://a.kz/bonus"]


def test_pending_are_the_entries_without_a_capture_once_each():
    entries = [entry("http://a.kz/", "landing"), entry("http://a.kz/", "render", "desktop"),
               entry("http://a.kz/", "render", "mobile"), entry("http://a.kz/shell"),
               entry("http://a.kz/rules"), entry("http://a.kz/rules")]
    captured = {("http://a.kz/", "static"), ("http://a.kz/", "desktop"),
                ("http://a.kz/shell", "desktop")}  # a JavaScript shell ends rendered
    assert [(e.url, e.render) for e in pending(entries, captured)] == [
        ("http://a.kz/", "mobile"), ("http://a.kz/rules", "")]


def test_page_links_are_absolute_http_links_with_their_whole_text():
    body = ('<html><body><a href="/register"><span>Регистрация</span> сейчас</a>'
            '<a href="mailto:x@a.kz">mail</a><a>no href</a>'
            '<a href=" https://b.kz/x ">B</a><a href="bonus">bonus</a></body></html>').encode()
    response = HtmlResponse("http://a.kz/page/", body=body, encoding="utf-8")
    assert page_of(response).anchors == (("http://a.kz/register", "Регистрация  сейчас"),
                                         ("https://b.kz/x", "B"), ("http://a.kz/page/bonus",
                                                                   "bonus"))
    based = HtmlResponse("http://a.kz/page/", encoding="utf-8",
                         body=b'<head><base href="/m/"></head><a href="bonus">b</a>')
    assert page_of(based).anchors == (("http://a.kz/m/bonus", "b"),)


def test_links_of_a_short_koi8r_page_without_charset_read_as_its_text():
    """Scrapy's own decoding reads this page as cp932; the links come from the page as the
    project decodes it, so their anchor text is the Russian the page text shows."""
    html = '<p>Казино</p><a href="/bonus">Бонус за регистрацию</a>'
    response = HtmlResponse("http://a.kz/", body=html.encode("koi8-r"),
                            headers={"Content-Type": "text/html"})
    page = page_of(response)
    assert page.anchors == (("http://a.kz/bonus", "Бонус за регистрацию"),)
    assert "Бонус за регистрацию" in page.text
