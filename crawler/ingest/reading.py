"""Each fetched response read once: decoded with the project's decoder, parsed once.

The render policy (does a plain page need the browser?), the spider (links to follow, the
stored HTML) and the pipelines (title, text, and the classifier's view of the page) all read
the one `PageView` of a response, made on first use and kept for that response object only.
(The classifier's HTML features, promotion links and the fingerprints still scan its HTML
text with regexes; no second parse.)
Before, a plain page was decoded twice and parsed three times, and its links came from
Scrapy's own decoding, which reads a short koi8-r page without a charset as cp932, so the
anchor texts disagreed with the page text.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from scrapy.http import TextResponse

from classifiers.page import PageView
from crawler.ingest.charset import decode_html, repair_render

_read: WeakKeyDictionary = WeakKeyDictionary()  # response: its PageView


def browser_charset(request) -> str:
    """The charset Chromium read a rendered page in (`document.characterSet`), or ''."""
    methods = request.meta.get("playwright_page_methods") or {}
    method = methods.get("charset") if isinstance(methods, dict) else None
    result = getattr(method, "result", None)
    return result if isinstance(result, str) else ""


def content_type(response) -> str:
    """The response's Content-Type header value ('' when absent)."""
    return response.headers.get(b"Content-Type", b"").decode("latin-1")


def html_of(response) -> str:
    """The page's HTML as text: the static body through the project's decoder, a rendered
    DOM read as the static decoder would read its bytes; '' for a body that is not text."""
    if not isinstance(response, TextResponse):
        return ""
    if "playwright" in response.flags:
        return repair_render(response.text, browser_charset(response.request),
                             content_type(response))
    return decode_html(response.body, content_type(response))[0]


def certificate_of(response) -> dict[str, str]:
    """The TLS certificate an https server presented: subject and issuer (RFC 4514) and the
    end of its validity (ISO 8601); {} over plain http."""
    certificate = getattr(response, "certificate", None)
    if certificate is None:
        return {}
    cert = certificate.original.to_cryptography()
    return {"subject": cert.subject.rfc4514_string(), "issuer": cert.issuer.rfc4514_string(),
            "not_after": cert.not_valid_after_utc.isoformat()}


def page_of(response) -> PageView:
    """The parsed page of a response, made once per response."""
    page = _read.get(response)
    if page is None:
        page = _read[response] = PageView.parse(html_of(response), response.url)
    return page
