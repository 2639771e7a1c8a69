"""One parse per page, and the sentence encoder: long pages chunked over their whole text,
passages cached in memory and on disk."""

import numpy as np

from classifiers.encoder import CHUNK_CHARS, DIM, Encoder, passages
from classifiers.features import html_vector
from classifiers.page import PageView
from classifiers.passagestore import PassageStore

HTML = """<html><head><title>Tengebet — казино</title>
<meta name="description" content="Слоты и live-казино"><style>.x{}</style></head>
<body><nav><a href="/">Главная</a><a href="/bonus">Бонусы</a><a href="/">Главная</a></nav>
<p>Бонус 200% на первый депозит.</p><script>var hidden = "CVV";</script></body></html>"""


def test_page_view_reads_title_description_text_and_links_once():
    page = PageView.parse(HTML, "https://tengebet.top/")
    assert page.title == "Tengebet — казино"
    assert page.description == "Слоты и live-казино"
    assert page.links == ("Главная", "Бонусы")
    assert "Бонус 200% на первый депозит." in page.text
    assert "hidden" not in page.text and ".x{}" not in page.text


def test_outbound_links_are_the_parsed_links_written_out_whole():
    """The fast model's outbound-link feature counts real links only: one left in a comment
    or a script string is not on the page (a regex over the HTML counted both), and a link
    the page writes relative to itself is not outbound even when the page's address is known."""
    body = ('<a href="https://partner.example/">partner</a><A HREF = \'HTTP://other.kz/\'>x</A>'
            '<a href="/own">own</a>')
    hidden = '<!-- <a href="https://casino.example/">old</a> --><script>s=\'<a href="https://x.io/">\'</script>'
    page = PageView.parse(f"<html><body>{body}{hidden}</body></html>", "https://news.kz/")
    assert page.absolute_links == 2
    assert html_vector(page) == html_vector(PageView.parse(f"<p>{body}</p>"))


def test_unparsable_html_still_gives_text():
    page = PageView.parse('<?xml version="1.0" encoding="utf-8"?><p>Займ без отказа</p>')
    assert "Займ без отказа" in page.text


def test_long_pages_are_read_to_the_end_not_cut():
    lines = [f"Строка {i}: обычный текст страницы о погоде и новостях." for i in range(400)]
    lines[-1] = "Последняя строка: депозит приносит 3% в день."
    page = PageView(text="\n".join(lines), title="Новости")
    cut = passages(page)
    assert cut.texts[0] == "Новости"
    assert any("3% в день" in text for text in cut.texts)
    assert all(len(text) <= CHUNK_CHARS for text in cut.texts)
    spread = passages(page, max_chunks=4)
    assert len(spread.texts) == 5 and "Строка 0:" in spread.texts[1]


def test_encoder_gives_unit_vectors_and_reuses_its_disk_store(tmp_path):
    texts = ["Займ без отказа на карту", "Прогноз погоды на завтра"]
    store = PassageStore(tmp_path / "passages.sqlite", DIM)
    first = Encoder(store=store).embed(texts)
    assert first.shape == (2, DIM)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-3)
    assert len(store) == 2
    again = Encoder(store=PassageStore(tmp_path / "passages.sqlite", DIM))
    assert np.array_equal(again.embed(texts), first)
    assert again._model is None  # every passage came from the store, the model never loaded


def test_similar_meaning_is_closer_across_languages():
    vectors = Encoder().embed(["Займ без отказа на карту", "Instant loan with no refusal",
                               "Рецепт борща со сметаной"])
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
