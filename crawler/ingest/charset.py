"""Decode HTML bodies, including Russian pages served in cp1251 or koi8-r without a charset.

w3lib honours, in order, the BOM, the Content-Type charset and the page's <meta> charset;
only when none is declared does `guess_encoding` decide between UTF-8 and the Cyrillic code
pages (Scrapy's own fallback, cp1252, would turn Russian into mojibake).
"""

from __future__ import annotations

import codecs

from w3lib.encoding import html_to_unicode

CYRILLIC_HIGH = range(0xC0, 0x100)


def guess_encoding(body: bytes) -> str:
    """utf-8 if the bytes decode as UTF-8, else cp1251 or koi8-r by where letters fall.

    Russian text is mostly lower case: cp1251 puts lower-case letters at 0xE0-0xFF, koi8-r
    puts them at 0xC0-0xDF (and upper case at 0xE0-0xFF).
    """
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(body):
        return "utf-8"
    upper_half = sum(1 for byte in body if byte >= 0xE0)
    lower_half = sum(1 for byte in body if 0xC0 <= byte < 0xE0)
    return "koi8-r" if lower_half > upper_half else "cp1251"


def _mostly_utf8(body: bytes) -> bool:
    """UTF-8 with a stray bad byte or two (a cut or damaged file) is still UTF-8: at most one
    undecodable sequence per twenty decoded non-ASCII characters (Cyrillic code pages read as
    UTF-8 fail on nearly every letter)."""
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return sum(1 for ch in text if ord(ch) > 127) - bad >= 20 * bad


def decode_html(body: bytes, content_type: str = "") -> tuple[str, str]:
    """(text, encoding) of an HTML body given its Content-Type header value."""
    encoding, text = html_to_unicode(content_type or None, body, auto_detect_fun=guess_encoding)
    return text, encoding


def _c1_bytes(error: UnicodeEncodeError) -> tuple[bytes, int]:
    """Encode error handler: C1 controls (what windows-1252 leaves undefined) as their byte."""
    bad = error.object[error.start:error.end]
    if all(0x80 <= ord(ch) <= 0x9F for ch in bad):
        return bytes(ord(ch) for ch in bad), error.end
    raise error


codecs.register_error("fraudwatch-c1", _c1_bytes)


def repair_render(html: str, browser_charset: str, content_type: str) -> str:
    """The DOM of a rendered page, read as the static decoder would read its bytes.

    Chromium reads a page that declares no charset as windows-1252, so UTF-8 Cyrillic turns
    into mojibake ("ÐšÐ°Ð·Ð¸Ð½Ð¾"), where the static path (`guess_encoding`) reads UTF-8.
    Such a DOM is turned back into its bytes and read as UTF-8 when that decodes cleanly;
    a DOM with other text (a real windows-1252 page, text a script wrote) is kept as it is.
    """
    if browser_charset.lower() not in ("windows-1252", "iso-8859-1") or \
            "charset=" in content_type.lower():
        return html
    try:
        return html.encode("cp1252", errors="fraudwatch-c1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return html
