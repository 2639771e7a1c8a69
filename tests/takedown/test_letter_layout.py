"""A letter laid out as an official outgoing letter, checked in the printed PDF with poppler's
pdftotext, pdfinfo and pdfimages: the bilingual letterhead with its emblem, the outgoing number
beside the addressee, "Приложение: на N л." with the annex's real page count, page numbers
from the second page on, the signature line, and the executor."""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from datetime import date

import pytest

from fraudwatch.config import load_config
from fraudwatch.letter_texts import LETTER_TEXTS
from fraudwatch.store import Site
from takedown.letterhead import LetterheadError
from takedown.letters import Draft, build_letters, letter_context, print_letter, write_letter
from takedown.render import LANGS
from takedown.render_pdf import PdfRenderer

pytestmark = pytest.mark.browser
DAY = date(2026, 12, 4)
NUMBER = "FW-2026/00077"
ENCLOSURE = {"ru": r"Приложение: на (\d+) л\. в 1 экз\.", "kk": r"Қосымша: (\d+) парақта",
             "en": r"Annex: (\d+) pages?\."}
EXECUTOR = {"ru": "Исп.:", "kk": "Орынд.:", "en": "Prepared by:"}


@pytest.fixture(scope="module")
def pdf():
    with PdfRenderer() as renderer:
        yield renderer


def make_config(tmp_path, **overrides):
    return load_config(environ={}, overrides={"var_dir": str(tmp_path / "var"), **overrides})


def rows_of(count: int) -> tuple[list[Site], list[dict]]:
    sites = [Site(domain=f"site-{i:02d}.kz", category="casino", verdict="illegal",
                  review_state="confirmed") for i in range(count)]
    rows = [{"domain": s.domain, "domain_unicode": s.domain, "title": "Casino — play now",
             "ip": "203.0.113.7", "urls": [f"http://{s.domain}/", f"http://{s.domain}/bonus"],
             "more_urls": 4, "category": "casino", "signs": ["casino.no_kz_licence"],
             "first_seen": "2026-11-01", "cloaking": False,
             "evidence": {"pack": f"evidence-{s.domain}.zip", "sha256": "ab" * 32}}
            for s in sites]
    return sites, rows


def printed(config, tmp_path, pdf, lang: str, count: int = 3, letter_type: str = "blocking"):
    """Print a letter listing `count` sites; return the PDF's path."""
    sites, rows = rows_of(count)
    context = letter_context(config, Draft(letter_type, "Hoster", lang, sites), NUMBER, DAY,
                             rows)
    template = "blocking" if letter_type == "blocking" else "abuse"
    write_letter(*print_letter(template, lang, context, pdf), f"x.{lang}", tmp_path)
    return tmp_path / f"x.{lang}.pdf"


def pages_text(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def page_sizes(path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(path)], capture_output=True,
                          text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in
            re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_enclosure_line_gives_the_annex_page_count_and_later_pages_are_numbered(
        tmp_path, pdf, lang):
    path = printed(make_config(tmp_path), tmp_path, pdf, lang, count=30)
    sizes, pages = page_sizes(path), pages_text(path)
    assert len(sizes) == len(pages)
    annex = [i for i, (width, height) in enumerate(sizes) if width > height]
    assert len(annex) >= 2  # 30 sites take more than one landscape page
    stated = re.search(ENCLOSURE[lang], "".join(pages[:annex[0]]))
    assert stated and int(stated.group(1)) == len(annex)
    assert not re.match(r"\s*\d+\s*$", pages[0].strip().splitlines()[0])  # page 1: none
    for number, page in enumerate(pages[1:], start=2):
        assert page.strip().splitlines()[0].strip() == str(number)
    rows = re.findall(r"^\s*\d+\s+site-\d\d\.kz", pages[annex[0]], re.M)
    assert len(rows) >= 10  # an annex page holds 10 or more sites
    assert sum(len(re.findall(r"^\s*\d+\s+site-\d\d\.kz", pages[i], re.M))
               for i in annex) == 30


@pytest.mark.parametrize("lang", LANGS)
def test_the_signature_line_has_the_position_left_and_the_name_right(tmp_path, pdf, lang):
    config = make_config(tmp_path)
    text = "".join(pages_text(printed(config, tmp_path, pdf, lang)))
    position = config.letter_text("signatory_position", lang)
    name = config.letter_text("signatory_name", lang)
    line = next(x for x in text.splitlines() if position in x)
    assert name in line and line.index(position) + len(position) < line.index(name)
    assert not re.search(r"\b(подпись|қолы|signature)\b", text)
    executor = text[text.index(name):]  # the executor follows the signature
    assert EXECUTOR[lang] in executor and config.letter_text("executor", lang) in executor
    assert config.letters.executor_phone in executor


def test_an_empty_executor_is_left_out(tmp_path, pdf):
    config = make_config(tmp_path, **{"letters.executor": ""})
    assert "Исп.:" not in "".join(pages_text(printed(config, tmp_path, pdf, "ru")))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_letterhead_is_bilingual_with_the_number_under_it_beside_the_addressee(
        tmp_path, pdf, lang):
    config = make_config(tmp_path)
    first = pages_text(printed(config, tmp_path, pdf, lang))[0]
    head = first[:first.index(NUMBER)]
    for side in ("kk", "ru"):  # a Kazakh state body's бланк: Kazakh left, Russian right
        assert LETTER_TEXTS["sender_name"][1][side].split()[0].upper() in head
    number_line = next(x for x in first.splitlines() if NUMBER in x)
    assert "04.12.2026" in number_line
    ministry = config.letter_text("ministry_addressee", lang).split()[0]
    assert ministry in number_line  # the addressee starts on the number's line, to its right
    assert number_line.index(NUMBER) < number_line.index(ministry)
    official = config.letter_text("addressee_official", lang)
    assert official in first[first.index(ministry):first.index(NUMBER) + 2000]


def test_an_english_notice_has_an_english_letterhead_and_no_ministry_official(tmp_path, pdf):
    config = make_config(tmp_path)
    first = pages_text(printed(config, tmp_path, pdf, "en", letter_type="abuse_hosting"))[0]
    assert "CONSUMER RIGHTS PROTECTION AGENCY" in first
    assert not re.search("[а-яёқңғүұһі]", first, re.I)
    assert config.letter_text("addressee_official", "en") not in first


def tiny_png() -> bytes:
    """A 2x2 red PNG, built by hand so the test needs no imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_the_configured_emblem_is_printed_in_the_letterhead(tmp_path, pdf):
    emblem = tmp_path / "emblem.png"
    emblem.write_bytes(tiny_png())
    path = printed(make_config(tmp_path, **{"letters.logo": str(emblem)}), tmp_path, pdf, "ru")
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert [line.split()[0] for line in images] == ["1"]  # one image, on the first page


@pytest.mark.parametrize(("logo", "says"), [("missing.png", "cannot be read"),
                                             ("emblem.gif", "not a PNG, JPEG or SVG")])
def test_a_bad_emblem_stops_the_letters_before_any_file_is_written(confirmed_store, tmp_path, logo,
                                                                   says):
    (tmp_path / "emblem.gif").write_bytes(b"GIF89a")
    config = make_config(tmp_path, **{"letters.logo": str(tmp_path / logo)})
    with pytest.raises(LetterheadError, match=f"letters.logo .*{says}.*fix:"):
        build_letters(confirmed_store, config, tmp_path / "out", DAY)
    assert not (tmp_path / "out").exists() and not list(confirmed_store.iter_letters())


SENDERS = {lang: LETTER_TEXTS["sender_name"][1][lang] for lang in LANGS}


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGS)
def test_a_built_request_reads_right_in_its_pdf_and_is_never_made_twice(confirmed_store,
                                                                         tmp_path, pdf, lang):
    """What the ministry clerk reads, in the PDF text: the addressee in the dative, sign
    names and never ids, no sender in another language below the letterhead, the laws of
    the listed kinds, the annex's real page count; and a second run asks for nothing again."""
    from classifiers.explain import category_citations

    config = make_config(tmp_path, **{"letters.ministry_lang": lang})
    letters = build_letters(confirmed_store, config, tmp_path / "out", DAY, pdf)
    request = next(x for x in letters if x.letter_type == "blocking")
    path = tmp_path / "out" / next(n for n in request.files if n.endswith(".pdf"))
    pages = pages_text(path)
    text = flat("".join(pages))
    below_head = text[text.index(request.number):]
    assert flat(config.letter_text("ministry_addressee", lang)) in below_head
    assert not re.search(r"\b(casino|loan|pyramid|legit)\.[a-z_]+\b", text)  # no sign id
    for other in set(LANGS) - {lang}:
        if SENDERS[other] != SENDERS[lang]:
            assert flat(SENDERS[other]).upper() not in below_head.upper()
    kinds = {confirmed_store.get_site(site_id).category for site_id in request.site_ids}
    for kind in kinds:
        assert all(flat(law) in text for law in category_citations(kind, lang))
    for kind in {"casino", "loan", "pyramid"} - kinds:
        assert not any(flat(law) in text for law in category_citations(kind, lang))
    landscape = sum(w > h for w, h in page_sizes(path))
    assert int(re.search(ENCLOSURE[lang], text).group(1)) == landscape
    again = build_letters(confirmed_store, config, tmp_path / "out", DAY, pdf)
    assert not [x for x in again if x.letter_type == "blocking"]  # never requested twice
