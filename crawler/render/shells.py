"""Whether a static HTML page needs a browser to show it."""

from __future__ import annotations

import re

_SHELL_MARKERS = re.compile(
    r"<div[^>]+id=[\"'](root|app|__next|__nuxt)[\"'][^>]*>\s*</div>|enable javascript|"
    r"включите javascript",
    re.IGNORECASE,
)


def needs_render(html: str, text: str, min_text: int) -> bool:
    """Whether static HTML is a JavaScript shell or shows too little text to judge."""
    return len(text) < min_text or bool(_SHELL_MARKERS.search(html))
