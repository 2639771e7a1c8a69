"""Visible text and title of an HTML page (lxml), and whether it needs a browser to show it."""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

_INVISIBLE = "//script|//style|//noscript|//template|//svg|//head"
_SHELL_MARKERS = re.compile(
    r"<div[^>]+id=[\"'](root|app|__next|__nuxt)[\"'][^>]*>\s*</div>|enable javascript|"
    r"включите javascript",
    re.IGNORECASE,
)


def title_and_text(html: str) -> tuple[str, str]:
    """The page title and its visible text, one line per text block."""
    if not html.strip():
        return "", ""
    try:
        doc = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return "", ""
    title = " ".join(" ".join(doc.xpath("//title//text()")).split())
    for element in doc.xpath(_INVISIBLE):
        element.drop_tree()
    lines = (" ".join(piece.split()) for piece in doc.itertext())
    return title, "\n".join(line for line in lines if line)


def needs_render(html: str, text: str, min_text: int) -> bool:
    """Whether static HTML is a JavaScript shell or shows too little text to judge."""
    return len(text) < min_text or bool(_SHELL_MARKERS.search(html))
