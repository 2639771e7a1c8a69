"""Visible text and title of an HTML page, and whether it needs a browser to show it."""

from __future__ import annotations

import re

from classifiers.page import PageView

_SHELL_MARKERS = re.compile(
    r"<div[^>]+id=[\"'](root|app|__next|__nuxt)[\"'][^>]*>\s*</div>|enable javascript|"
    r"включите javascript",
    re.IGNORECASE,
)


def title_and_text(html: str) -> tuple[str, str]:
    """The page title and its visible text, one line per text block."""
    page = PageView.parse(html)
    return page.title, page.text


def needs_render(html: str, text: str, min_text: int) -> bool:
    """Whether static HTML is a JavaScript shell or shows too little text to judge."""
    return len(text) < min_text or bool(_SHELL_MARKERS.search(html))
