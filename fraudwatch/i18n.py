"""People's languages (kk, ru, en): gettext catalogues, the reader's language, local dates.

Human words are English msgids marked with `_`, `ngettext` or `N_` (Babel extracts them:
`scripts/i18n`), translated in `fraudwatch/locale/<lang>/LC_MESSAGES/fraudwatch.po`. The
catalogues are read with Babel and compiled in memory, so no binary `.mo` file can go stale.
The language of the text being made is a context variable: the web sets it per request
(`use`), everything else reads English unless it asks for a language.

Babel is imported by the functions that read catalogues and format dates and numbers (about
0.1 s to load), not at the top: every command and crawl imports this module for `_`.
"""

from __future__ import annotations

import gettext as _gettext
import re
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from functools import cache
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

LANGS = ("kk", "ru", "en")
LANG_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}  # each in its own language
SOURCE_LANG = "en"  # the msgids' language
DOMAIN = "fraudwatch"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DEFAULT_TIMEZONE = "Asia/Almaty"

_current: ContextVar[str] = ContextVar("fraudwatch_lang", default=SOURCE_LANG)
_ACCEPT = re.compile(r"^\s*([A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


class UnknownLanguage(ValueError):
    """A language fraudwatch has no words for."""


def checked(lang: str) -> str:
    """`lang` if fraudwatch speaks it, else UnknownLanguage naming the ones it does."""
    if lang not in LANGS:
        raise UnknownLanguage(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue of `lang` (English: the msgids themselves)."""
    checked(lang)
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if lang == SOURCE_LANG or not po.exists():
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


def current() -> str:
    """The language of the text being made now."""
    return _current.get()


@contextmanager
def speaking(lang: str):
    """Make text in `lang` inside the block."""
    token = _current.set(checked(lang))
    try:
        yield
    finally:
        _current.reset(token)


def use(lang: str) -> None:
    """Make text in `lang` from now on in this context (a web request's task)."""
    _current.set(checked(lang))


def _(message: str) -> str:
    """`message` in the current language."""
    return translations(current()).gettext(message)


gettext = _


def ngettext(singular: str, plural: str, n: int) -> str:
    """The plural form of the current language for `n`."""
    return translations(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the current language, told apart from the same words in other places."""
    return translations(current()).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return translations(current()).npgettext(context, singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark `message` for translation where it is declared; `_` translates it where shown."""
    return message


def negotiate(accept_language: str) -> str | None:
    """The language of LANGS a browser's Accept-Language header prefers most, or None."""
    ranked = []
    for position, part in enumerate((accept_language or "").split(",")[:20]):
        match = _ACCEPT.match(part)
        if not match:
            continue
        try:
            weight = float(match.group(2)) if match.group(2) else 1.0
        except ValueError:
            continue
        lang = match.group(1).lower()
        if lang in LANGS and weight > 0:
            ranked.append((-weight, position, lang))
    return min(ranked)[2] if ranked else None


def _moment(value) -> datetime | None:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, datetime.min.time())
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except (TypeError, ValueError):
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def format_moment(value, timezone: str = DEFAULT_TIMEZONE, lang: str | None = None) -> str:
    """A stored time (ISO text, UTC) as the reader's locale writes it, in `timezone`; text
    that is not a time is shown as it is."""
    from babel.dates import format_datetime

    moment = _moment(value)
    if moment is None:
        return str(value or "")
    return format_datetime(moment, "medium", tzinfo=timezone, locale=lang or current())


def format_day(value, timezone: str = DEFAULT_TIMEZONE, lang: str | None = None,
               form: str = "medium") -> str:
    """The day of a stored time (or an ISO date) as the reader's locale writes it; `form` is
    a Babel format (short, medium, long) or pattern ("d MMM")."""
    from babel.dates import format_date

    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return format_date(date.fromisoformat(value), form, locale=lang or current())
    moment = _moment(value)
    if moment is None:
        return str(value or "")
    return format_date(moment.astimezone(_zone(timezone)).date(), form,
                       locale=lang or current())


def format_number(value, digits: int = 0, lang: str | None = None) -> str:
    """A number with the locale's separators, `digits` after the decimal point."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, pattern, locale=lang or current())


def format_percent(value, lang: str | None = None) -> str:
    """A share (0.25) as the locale writes a percentage ("25%", "25 %")."""
    from babel.numbers import format_percent as babel_percent

    return babel_percent(value, locale=lang or current())


@cache
def _zone(name: str):

    return ZoneInfo(name)
