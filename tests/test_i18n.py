"""People's languages: the catalogues cover every marked message in kk and ru with the same
placeholders, plurals follow each language, the browser's preference is read right, and dates
are shown in the regulator's time zone."""

from __future__ import annotations

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from fraudwatch import i18n
from fraudwatch.words import WORDS, word
from tests.paths import ROOT

PLACEHOLDER = re.compile(r"%\((\w+)\)[sdr]")


def _marked() -> set[str]:
    """Every message the sources mark for translation, as `scripts/i18n` extracts them."""
    method_map = [("fraudwatch/**.py", "python"), ("templates/web/**.html", "jinja2")]
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT, method_map, keywords={"_": None, "N_": None, "gettext": None,
                                        "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}):
        found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.fixture(scope="module")
def marked():
    return _marked()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_marked_message_is_translated_with_its_placeholders(lang, marked):
    po = i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "fraudwatch.po"
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    translated = {}
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms) and not message.fuzzy, f"{lang}: {msgid!r} has no translation"
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) == set(PLACEHOLDER.findall(msgid)), \
                f"{lang}: {msgid!r} -> {form!r} changes the placeholders"
        translated[msgid] = forms
    missing = sorted(marked - set(translated))
    assert not missing, f"{lang}: not in the catalogue (run scripts/i18n): {missing[:10]}"


def test_a_plural_message_of_the_ui_reads_right_in_russian():
    singular, plural = "%(n)s site in the store.", "%(n)s sites in the store."
    with i18n.speaking("ru"):
        said = {n: i18n.ngettext(singular, plural, n) % {"n": n} for n in (1, 2, 5, 21)}
    assert re.search(r"\b1 сайт\b", said[1]) and re.search(r"\b21 сайт\b", said[21])
    assert "2 сайта" in said[2] and "5 сайтов" in said[5]


@pytest.mark.parametrize(("header", "expected"), [
    ("kk-KZ,kk;q=0.9,ru;q=0.8,en;q=0.5", "kk"),
    ("en-US,en;q=0.9,ru;q=0.95", "en"),
    ("en;q=0.5,ru;q=0.95", "ru"),
    ("de-DE,de;q=0.9,en;q=0.3", "en"),
    ("de-DE,fr", None),
    ("ru;q=0,kk;q=0.1", "kk"),
    ("", None),
    ("garbage;;;q=x,,", None),
])
def test_the_browsers_preference_is_read_by_weight(header, expected):
    assert i18n.negotiate(header) == expected


def test_dates_are_the_regulators_day_and_the_readers_format():
    late_evening_utc = "2026-11-03T20:30:00+00:00"  # 01:30 on 4 November in Almaty (UTC+5)
    assert i18n.format_day(late_evening_utc, lang="en") == "Nov 4, 2026"
    assert "4 нояб. 2026" in i18n.format_day(late_evening_utc, lang="ru")
    assert "01:30" in i18n.format_moment(late_evening_utc, lang="ru")
    assert i18n.format_number(1234.5, 2, lang="ru") == "1\xa0234,50"
    assert i18n.format_day("not a date", lang="ru") == "not a date"


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(i18n.UnknownLanguage, match="use one of kk, ru, en"):
        i18n.use("xx")


def test_words_follow_the_current_language():
    assert word("illegal", "verdict") == "illegal"
    with i18n.speaking("ru"):
        assert word("illegal", "verdict") not in ("illegal", "")
        assert word("Some Registrar LLC", "verdict") == "Some Registrar LLC"  # data stays
    assert set(WORDS) >= {"verdict", "category", "review_state", "action", "status"}
