"""A capture's page as the crawl stored it, shown inert: from its WARC record, without
scripts, refreshes, frames or base links, in a sandbox that may load nothing (so an
analyst's browser never contacts the fraud site) and may be framed by the site page only."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from lxml import etree
from lxml import html as lxml_html

from fraudwatch.domains import ascii_domain
from fraudwatch.i18n import _
from fraudwatch.web.security import Viewer
from takedown.evidence import local_file
from takedown.warc_copy import read_record, stored_html

router = APIRouter(include_in_schema=False)
# Nothing may run or load; only the site page of this server may frame it.
INERT_CSP = ("sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
             "font-src data:; frame-ancestors 'self'; form-action 'none'; base-uri 'none'")
LIVE_TAGS = ("script", "noscript", "iframe", "frame", "frameset", "object", "embed", "base",
             "link", "applet")


def inert(page: bytes, charset: str) -> bytes:
    """`page` without what could run, refresh, navigate or load: scripts, frames, base and
    link elements, refresh meta tags and event-handler attributes."""
    parser = lxml_html.HTMLParser(encoding=charset or None)
    root = lxml_html.document_fromstring(page or b"<p></p>", parser=parser)
    for element in root.xpath("|".join(f"//{tag}" for tag in LIVE_TAGS)):
        element.drop_tree()
    for meta in root.xpath("//meta[@http-equiv]"):
        meta.drop_tree()
    for element in root.iter(etree.Element):
        for name in list(element.attrib):
            value = element.attrib[name].strip().lower()
            if name.lower().startswith("on") or value.startswith(("javascript:", "data:text")):
                del element.attrib[name]
    return lxml_html.tostring(root, encoding="utf-8", doctype="<!DOCTYPE html>")


def kept_record(request: Request, domain: str, capture_id: str) -> bytes:
    """The WARC record of one capture of `domain`, as the crawl wrote it; 404 when none is
    kept."""
    store, var_dir = request.app.state.store, request.app.state.var_dir
    capture = next((c for c in store.captures_for(ascii_domain(domain)) if c.id == capture_id),
                   None)
    warc = local_file(capture.warc_file, var_dir) if capture else None
    if warc is None or capture.warc_offset is None:
        raise HTTPException(404, _("no WARC record of this capture is kept"))
    return read_record(warc, capture.warc_offset)


@router.get("/sites/{domain}/captures/{capture_id}/view")
def capture_view(request: Request, domain: str, capture_id: str, user: Viewer):
    """The stored page of one capture, inert (see the module's docstring)."""
    page, charset = stored_html(kept_record(request, domain, capture_id))
    return Response(inert(page, charset), media_type="text/html; charset=utf-8",
                    headers={"Content-Security-Policy": INERT_CSP,
                             "X-Frame-Options": "SAMEORIGIN"})
