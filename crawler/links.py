"""The http(s) links of a fetched page, read straight from its parsed tree (lxml).

One pass over the `<a>` elements: parsel selectors per link cost more than the rest of the
spider's work on a page.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin

from scrapy.utils.response import get_base_url


def page_links(response) -> Iterator[tuple[str, str]]:
    """(absolute URL, anchor text) of each http(s) link of an HTML response, in page order."""
    base = get_base_url(response)
    for anchor in response.selector.root.iter("a"):
        href = anchor.get("href")
        if href is None:
            continue
        url = urljoin(base, href.strip())
        if url.startswith(("http://", "https://")):
            yield url, " ".join(anchor.itertext())
