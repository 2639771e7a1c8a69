"""The analysis of a fetched page before it is classified or stored: its registered domain,
title and visible text from its one parse, its operator fingerprints, and the autonomous
system of each host it contacted (with the configured crawl.asn_table)."""

from __future__ import annotations

from classifiers.fingerprints import extract
from classifiers.page import PageView
from crawler.addon import crawl_config
from crawler.items import Fetch
from fraudwatch.asntable import AsnTable, AsnTableError
from fraudwatch.config import ConfigError
from fraudwatch.urls import host_of, registered_domain


def fingerprints_of(fetch: Fetch) -> dict[str, list[str]]:
    """Operator fingerprints of a fetched page, plus the external links it carries."""
    capture = fetch.capture
    prints = extract(fetch.html, capture.url, final_url=capture.final_url, ip=capture.ip,
                     redirects=capture.redirects) if fetch.html else {}
    if fetch.external_links:
        prints["external_links"] = fetch.external_links
    return prints


def with_origins(contacted: list[dict], table: AsnTable | None) -> list[dict]:
    """The contacted hosts, each with the AS number and name its IP address is announced by,
    where the table says (no table: the hosts as they are)."""
    if table is None:
        return contacted
    found = []
    for host in contacted:
        origin = table.origin(host.get("ip", ""))
        found.append({**host, "asn": str(origin.asn), "as_name": origin.name} if origin
                     else host)
    return found


class ExtractPipeline:
    def __init__(self, origins: AsnTable | None = None):
        self.origins = origins

    @classmethod
    def from_crawler(cls, crawler):
        """With the crawl's ASN table, read once (a table that cannot be read stops the crawl
        before it fetches anything, with the reason)."""
        path = crawl_config(crawler.settings).crawl.asn_table
        try:
            return cls(AsnTable.read(path) if path else None)
        except AsnTableError as exc:
            raise ConfigError(str(exc)) from exc

    def process_item(self, item):
        capture = item.capture
        item.final_domain = registered_domain(host_of(item.address))
        if item.html:
            # the spider's parse of the response (crawler.ingest.reading); a page from elsewhere
            # (a replayed spool, a test) is parsed here
            item.page = item.page or PageView.parse(item.html, item.address)
            capture.title, capture.text = item.page.title, item.page.text
        capture.fingerprints = fingerprints_of(item)
        capture.contacted = with_origins(capture.contacted, self.origins)
        return item
