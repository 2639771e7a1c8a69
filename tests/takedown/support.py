"""What takedown tests share besides fixtures: sample sites (one with a hostile title), their
WARC records, and filling a store with them, confirmed."""

from __future__ import annotations

from pathlib import Path

from scrapy.http import Headers

from crawler.evidence.warc import WarcLog
from fraudwatch.review import review_site
from fraudwatch.store import Capture, Page, SignHit, Site

HOSTILE_TITLE = "<script>alert(1)</script> Altyn Casino"
SITES = [
    Site(domain="altyn-kazino.kz", title=HOSTILE_TITLE, category="casino", verdict="illegal",
         signs=["casino.no_licence", "casino.bonus"], first_seen="2026-10-01T08:00:00+00:00",
         registrar="PS Internet Company", ip="185.22.64.10", asn="48716",
         hosting="PS Internet Company", network_id="net-casino-1"),
    Site(domain="xn--80aqafcvdp.kz", domain_unicode="займбыстро.kz", title="Займ за 5 минут",
         category="loan", verdict="illegal", signs=["loan.no_licence"],
         first_seen="2026-10-05T10:30:00+00:00", registrar="Hoster.KZ", ip="91.201.214.7",
         hosting="Hoster.KZ", network_id=""),
    Site(domain="profit-daily.com", title="Profit Daily 3% per day", category="pyramid",
         verdict="illegal", signs=["pyramid.fixed_daily_return"],
         first_seen="2026-10-07T12:00:00+00:00", registrar="NameCheap, Inc.", ip="104.21.5.9",
         asn="13335", hosting="", network_id="net-casino-1"),
]


def write_warc(path: Path, urls: list[str]) -> list[int]:
    """A crawl session's WARC as the crawler writes it (warcinfo, then a request and a
    response record per URL); the responses' offsets."""
    warc = WarcLog(path, "fraudwatch/test", {"operator": "test-operator"})
    warc.open()
    offsets = []
    for url in urls:
        warc.request(url, "GET", Headers({"Accept": "text/html"}))
        body = f"<html><title>{url}</title>casino bonus</html>".encode()
        offsets.append(warc.response(url, 200, Headers({"Content-Type": "text/html"}), body,
                                     request_id=warc.last_id))
    warc.close()
    return offsets


def fill(store, tmp_path: Path, sites=SITES) -> list[Site]:
    """Put the sites with one page and capture each, then confirm them."""
    warc = tmp_path / "var" / "warc" / "crawl.warc.gz"
    warc.parent.mkdir(parents=True, exist_ok=True)
    urls = [f"https://{s.domain}/" for s in sites]
    offsets = write_warc(warc, urls)
    shots = tmp_path / "var" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    captures, pages = [], []
    for site, url, offset in zip(sites, urls, offsets, strict=True):
        shot = shots / f"{site.id}.png"
        shot.write_bytes(b"\x89PNG\r\n\x1a\n" + site.domain.encode())
        site.screenshot = str(shot)
        capture = Capture(url=url, fetched_at="2026-11-01T09:00:00+00:00", domain=site.domain,
                          status=200, ip=site.ip, title=site.title, screenshot=str(shot),
                          warc_file=str(warc), warc_offset=offset)
        captures.append(capture)
        pages.append(Page(url=url, domain=site.domain, title=site.title, category=site.category,
                          verdict="illegal", score=0.97, model="demo-1",
                          signs=[SignHit(s, site.category, 0.8, f"evidence of {s}")
                                 for s in site.signs], capture_id=capture.id))
    store.put_captures(captures)
    store.put_pages(pages)
    store.put_sites(sites)
    store.refresh()
    for site in sites:
        review_site(store, site.domain, "serik", "confirm", "проверено")
    store.refresh()
    return sites
