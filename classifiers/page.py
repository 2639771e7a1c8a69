"""One page as the classifier reads it: parsed once, read by every feature.

`PageView.parse(html)` runs lxml once and keeps the title, the meta description, the visible
text (one line per text block), the texts of the links and every http(s) link with its anchor
text. Signs, the fast model, the sentence encoder, promotion detection, the crawler's links to
follow and its stored text all read the same view.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from urllib.parse import urljoin

import lxml.etree
import lxml.html

_INVISIBLE = "//script|//style|//noscript|//template|//svg|//head"
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "title", "section"})


class _TextExtractor(HTMLParser):
    """Collects visible text, one line per block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIPPED_TAGS and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, blank lines collapsed."""
    parser = _TextExtractor()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


MAX_LINKS = 200


@dataclass(frozen=True)
class PageView:
    """Text, HTML and the parts of a page the classifier reads separately."""

    text: str
    html: str = ""
    url: str = ""
    title: str = ""
    description: str = ""
    links: tuple[str, ...] = field(default=())
    # (absolute http(s) URL, anchor text) of every link, in page order; `url` and <base href>
    # resolve relative ones
    anchors: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    # links whose address is written out whole (http(s)://…), mostly to other sites: the
    # fast model's outbound-link feature, read here rather than from the HTML again
    absolute_links: int = 0

    @classmethod
    def parse(cls, html: str, url: str = "", text: str | None = None) -> PageView:
        """The view of an HTML page; `text`, when given, replaces the extracted visible text."""
        title, description, visible, links, (anchors, absolute) = parse_html(html, url)
        return cls(text=visible if text is None else text, html=html, url=url, title=title,
                   description=description, links=links, anchors=anchors,
                   absolute_links=absolute)

    @classmethod
    def of(cls, text: str = "", html: str = "", url: str = "") -> PageView:
        """The view of a page given as text, HTML or both (text extracted when missing)."""
        if html:
            return cls.parse(html, url, text or None)
        return cls(text=text, url=url)

    @cached_property
    def text_sha256(self) -> str:
        """Hash of everything the encoder reads, the key of its cache."""
        digest = hashlib.sha256()
        for part in (self.title, self.description, self.text, *self.links):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()


_parsers = threading.local()


def _parser() -> lxml.html.HTMLParser:
    """This thread's HTML parser (lxml parsers are not shared across threads); huge_tree lets
    it nest 2,048 elements deep instead of 256."""
    if not hasattr(_parsers, "html"):
        _parsers.html = lxml.html.HTMLParser(huge_tree=True)
    return _parsers.html


def _document(html: str):
    """(lxml document of `html` or None when it cannot be parsed, whether it is complete: a
    page nested past the parser's depth limit loses its deeper content)."""
    if not html.strip():
        return None, True
    parser = _parser()
    try:
        doc = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None, True
    complete = not any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return doc, complete


def _clean(parts) -> str:
    return " ".join(" ".join(parts).split())


Anchors = tuple[tuple[tuple[str, str], ...], int]
_WRITTEN_OUT = ("http://", "https://")


def _anchors(doc, url: str) -> Anchors:
    """((absolute http(s) URL, anchor text) of each link of `doc`, found at `url`; how many
    links are written out whole)."""
    base = urljoin(url, (doc.xpath("//base/@href") or [""])[0].strip())
    found, absolute = [], 0
    for anchor in doc.iter("a"):
        href = anchor.get("href")
        if href is None:
            continue
        href = href.strip()
        absolute += href[:8].lower().startswith(_WRITTEN_OUT)
        link = urljoin(base, href)
        if link.startswith(_WRITTEN_OUT):
            found.append((link, " ".join(anchor.itertext())))
    return tuple(found), absolute


def parse_html(html: str, url: str = "") -> tuple[str, str, str, tuple[str, ...], Anchors]:
    """(title, meta description, visible text, link texts, (links with their anchor text,
    links written out whole)) of an HTML page found at `url`, in one parse."""
    doc, complete = _document(html)
    if doc is None:
        return "", "", html_to_text(html) if "<" in html else html, (), ((), 0)
    title = _clean(doc.xpath("//title//text()"))
    description = _clean(doc.xpath(
        "//meta[translate(@name,'DESCRIPTION','description')='description']/@content"
        " | //meta[@property='og:description']/@content")[:1])
    anchors = _anchors(doc, url)
    links = []
    for anchor in doc.xpath("//a")[:MAX_LINKS]:
        label = _clean(anchor.itertext())
        if label and label not in links:
            links.append(label)
    for element in doc.xpath(_INVISIBLE):
        element.drop_tree()
    if not complete:  # too deep for lxml: the streaming extractor has no depth limit
        return title, description, html_to_text(html), tuple(links), anchors
    lines = (" ".join(piece.split()) for piece in doc.itertext())
    return title, description, "\n".join(line for line in lines if line), tuple(links), anchors
