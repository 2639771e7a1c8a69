"""The UI speaks the reader's language: chosen, else the browser's, else the config's; and
in kk and ru no page shows English words or a sign's id."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from classifiers.signs import load_catalogue
from fraudwatch.web import create_app
from tests.web.support import PAGES, add_network, csrf_of, log_in

# Latin words a kk or ru page may carry: names of things, not English prose
NAMES = {"fraudwatch", "ip", "as", "html", "sha", "telegram", "bitcoin", "ethereum", "tron",
         "google", "analytics", "tag", "manager", "facebook", "yandex", "metrica", "cvv", "url",
         "www", "http", "https", "kz", "com", "networks", "build", "example", "id", "csv", "warc",
         "english"}  # each language is named in its own words
LATIN_WORD = re.compile(r"(?<![\w.@/:-])[A-Za-z][A-Za-z'-]{2,}(?![\w.@/:-])")


def _data_strings(store) -> list[str]:
    """Text that came from crawled pages, accounts or letters: shown as it is, in any
    language, so it is taken out before looking for English."""
    out = ["admin", "viewer", "analyst", "supervisor", "mirror-watch", "PS Internet",
           "Example Host", "net-1"]
    for page in PAGES:
        out += [page.title, page.text, page.url, page.domain]
        out += [s.evidence for s in page.signs]
    for review in store.iter_reviews():
        out.append(review.comment)
    for capture in store.captures_for("altyn-bonus.kz"):
        out += [*capture.headers, *capture.headers.values()]
    return sorted(out, key=len, reverse=True)


def visible_text(page: str) -> str:
    """What a reader sees: text outside scripts and styles, plus placeholders, titles,
    alt texts and labels for screen readers."""
    tree = lxml_html.fromstring(page)
    for dead in tree.xpath("//script|//style"):
        dead.drop_tree()
    said = [" ".join(tree.itertext())]
    for attribute in ("placeholder", "alt", "aria-label", "title"):
        said += tree.xpath(f"//@{attribute}")
    return "\n".join(said)


def english_in(page: str, data: list[str]) -> list[str]:
    text = visible_text(page)
    for value in data:
        text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", text)
    text = re.sub(r"\b[0-9a-f]{12,}\b", " ", text)  # digests
    text = re.sub(r"\S+\.(kz|com|қаз|рф)\S*|https?://\S+|\S+@\S+|sign:\S+|\w+:\S+", " ", text)
    return [w for w in LATIN_WORD.findall(text) if w.lower() not in NAMES]


SIGN_IDS = {sign.id for sign in load_catalogue()}


def sign_ids_in(page: str) -> list[str]:
    text = visible_text(page)
    return [sign_id for sign_id in SIGN_IDS if re.search(rf"(?<![\w:]){re.escape(sign_id)}\b",
                                                          text)]


def _pages(client: TestClient) -> dict[str, str]:
    """Every page of the UI, as an administrator sees it, and the citizen check's answers."""
    got = {}
    for path in ("/", "/search", "/search?q=казино", "/search?category=casino&verdict=illegal",
                 "/search?since=yesterday", "/sites/altyn-bonus.kz", "/sites/tez-nesie.kz",
                 "/sites/profit-daily.com", "/networks", "/networks/net-1",
                 "/sites/no-such-site.kz", "/check", "/audit", "/audit?since=yesterday"):
        got[path] = client.get(path).text
    token = csrf_of(client, "/check")
    for url in ("altyn-bonus.kz", "profit-daily.com", "brand-new-site.kz", "not a web address"):
        got[f"check {url}"] = client.post("/check", data={"url": url, "csrf_token": token}).text
    return got


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_page_shows_english_or_a_sign_id(lang, app, sample_store):
    add_network(sample_store)
    with TestClient(app, headers={"Accept-Language": lang}) as client:
        anonymous = {"/login": client.get("/login").text}
        log_in(client, "admin")
        pages = anonymous | _pages(client)
    data = _data_strings(sample_store)
    for where, page in pages.items():
        assert f'<html lang="{lang}">' in page, where
        assert english_in(page, data) == [], where
        assert sign_ids_in(page) == [], where


def test_the_checker_finds_english_left_in_a_page(app, sample_store):
    """The walk above can fail: an English page is caught by the same words."""
    with TestClient(app, headers={"Accept-Language": "en"}) as client:
        log_in(client, "admin")
        page = client.get("/sites/altyn-bonus.kz").text
    assert "Verdict" in english_in(page, _data_strings(sample_store))


def test_the_language_is_chosen_then_the_browsers_then_the_configs(sample_store, web_config, users):
    web_config.values["web.language"] = "kk"
    app = create_app(sample_store, web_config, secret_key="s", users=users)
    with TestClient(app) as client:
        assert '<html lang="kk">' in client.get("/check").text  # config
        page = client.get("/check", headers={"Accept-Language": "ru-RU,ru;q=0.9"}).text
        assert '<html lang="ru">' in page  # the browser's, over the config
        chosen = client.get("/login?hl=en", headers={"Accept-Language": "ru"})
        assert '<html lang="en">' in chosen.text and "fw_lang=en" in chosen.headers["set-cookie"]
        # the choice is kept, over the browser's language
        assert '<html lang="en">' in client.get("/check", headers={"Accept-Language": "ru"}).text


def test_language_links_keep_the_page_and_its_query(as_role):
    viewer = as_role("viewer")
    page = viewer.get("/search?lang=kk&hl=ru").text  # the UI in Russian, Kazakh pages
    assert '<html lang="ru">' in page
    assert 'href="http://testserver/search?lang=kk&amp;hl=en"' in page


def test_the_page_language_filter_never_changes_the_readers_language(as_role):
    viewer = as_role("viewer")
    page = viewer.get("/search?lang=kk", headers={"Accept-Language": "ru"})
    assert '<html lang="ru">' in page.text and "fw_lang" not in page.headers.get("set-cookie", "")
    assert 'data-facet="lang"' in page.text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_refused_check_is_a_page_in_the_readers_language(lang, client):
    token = csrf_of(client, f"/check?lang={lang}")
    answers = [client.post("/check", data={"url": "altyn-bonus.kz", "csrf_token": token})
               for _ in range(4)]
    refused = answers[-1]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert refused.headers["content-type"].startswith("text/html")
    assert int(refused.headers["retry-after"]) >= 1
    assert f'<html lang="{lang}">' in refused.text and "Too many checks" not in refused.text
    assert english_in(refused.text, []) == []


def test_the_kazakh_check_lists_its_reasons_in_kazakh(client):
    token = csrf_of(client, "/check?lang=kk")
    page = client.post("/check", data={"url": "altyn-bonus.kz", "csrf_token": token}).text
    reasons = lxml_html.fromstring(page).xpath("//section[contains(@class,'check-result')]//li")
    assert reasons and all(re.search("[әғқңөұүһі]", li.text_content(), re.I) for li in reasons)
